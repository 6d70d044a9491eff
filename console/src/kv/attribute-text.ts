/** An attribute as typed decoding returns it (`TypedAttribute`, or `UnknownAttributeValue` for a wire type the SDK does not know). */
export interface TypedValue {
  readonly type: string
  readonly value: unknown
}

/** The types an attribute can be given in the editor (the expression language's types). */
export const editableTypes = [
  'string',
  'int',
  'double',
  'bool',
  'timestamp',
  'blob',
  'intArray',
  'doubleArray',
] as const

/** One of {@link editableTypes}. */
export type EditableType = (typeof editableTypes)[number]

/** A parsed value: a timestamp as seconds and nanoseconds, for the caller to make a `Timestamp` of. */
export type ParsedValue =
  | { readonly type: 'timestamp'; readonly seconds: bigint; readonly nanoseconds: number }
  | { readonly type: Exclude<EditableType, 'timestamp'>; readonly value: unknown }

/** How a table cell shows a value: timestamps as ISO 8601 (UTC), blobs as base64, arrays as lists. */
export function attributeCell(attribute: TypedValue): string {
  if (attribute.type === 'timestamp') return (attribute.value as { toDate(): Date }).toDate().toISOString()
  return attributeText(attribute)
}

/** The editable text of a value; {@link parseAttributeText} reads it back to the same value. */
export function attributeText({ type, value }: TypedValue): string {
  switch (type) {
    case 'string':
    case 'int':
    case 'double':
    case 'bool':
    case 'timestamp': // Timestamp's text is its wire form, seconds:nanoseconds
      return String(value)
    case 'blob':
      return base64(value as Uint8Array)
    case 'intArray':
    case 'doubleArray':
      return Array.from(value as ArrayLike<number | bigint>, String).join(', ')
    default:
      return JSON.stringify(value)
  }
}

/**
 * Reads an edited value of a type. Throws an `Error` saying what the text should look like when it does
 * not fit the type (an int beyond int64, a double that is no number…).
 */
export function parseAttributeText(type: EditableType, text: string): ParsedValue {
  const trimmed = text.trim()
  switch (type) {
    case 'string':
      return { type, value: text }
    case 'int':
      return { type, value: integer(trimmed) }
    case 'double': {
      const value = Number(trimmed)
      if (trimmed === '' || !Number.isFinite(value))
        throw new Error(`a double must be a finite number, got "${text}"`)
      return { type, value }
    }
    case 'bool':
      if (trimmed !== 'true' && trimmed !== 'false') throw new Error(`a bool is true or false, got "${text}"`)
      return { type, value: trimmed === 'true' }
    case 'timestamp':
      return timestamp(trimmed)
    case 'blob':
      try {
        return { type, value: Uint8Array.from(atob(trimmed), (character) => character.charCodeAt(0)) }
      } catch {
        throw new Error(`a blob is written in base64, got "${text}"`)
      }
    case 'intArray':
      return { type, value: list(trimmed).map(integer) }
    case 'doubleArray':
      return {
        type,
        value: list(trimmed).map((item) => {
          const value = Number(item)
          if (!Number.isFinite(value)) throw new Error(`a double array holds numbers, got "${item}"`)
          return value
        }),
      }
  }
}

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n }

function integer(text: string): number | bigint {
  if (!/^-?\d+$/.test(text)) throw new Error(`an int is a whole number, got "${text}"`)
  const value = BigInt(text)
  if (value < int64.min || value > int64.max) throw new Error(`an int is a 64-bit integer, got ${text}`)
  return Number.isSafeInteger(Number(value)) ? Number(value) : value
}

function list(text: string): string[] {
  return text === '' ? [] : text.split(',').map((item) => item.trim())
}

function timestamp(text: string): ParsedValue {
  const wire = /^(-?\d+):(\d{1,9})$/.exec(text)
  if (wire) return { type: 'timestamp', seconds: BigInt(wire[1]!), nanoseconds: Number(wire[2]) }
  const milliseconds = Date.parse(text)
  if (Number.isNaN(milliseconds)) {
    throw new Error(`a timestamp is seconds:nanoseconds or an ISO 8601 date, got "${text}"`)
  }
  const seconds = Math.floor(milliseconds / 1000)
  return {
    type: 'timestamp',
    seconds: BigInt(seconds),
    nanoseconds: (milliseconds - seconds * 1000) * 1_000_000,
  }
}

function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Every attribute name of some items with the types seen in it, names in first-seen order, `__name` first. */
export function columnTypes(items: readonly Record<string, TypedValue>[]): Map<string, Set<string>> {
  const columns = new Map<string, Set<string>>([['__name', new Set()]])
  for (const item of items) {
    for (const [name, attribute] of Object.entries(item)) {
      const types = columns.get(name) ?? new Set<string>()
      types.add(attribute.type)
      columns.set(name, types)
    }
  }
  return columns
}
