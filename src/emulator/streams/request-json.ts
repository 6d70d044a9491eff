import { invalidArgument } from '../api-error.js'
import { isWellFormedUnicode } from '../kv/unicode.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The JSON object of a function call's body (ED-45): an empty body is `{}`; malformed JSON, invalid UTF-8
 * or a non-object answer 400 `InvalidArgumentException: malformed JSON body: …` (ED-18).
 */
export function parseRequestJson(body: Uint8Array): Record<string, unknown> {
  if (body.length === 0) return {}
  let value: unknown
  try {
    const text = utf8.decode(body)
    if (text.trim() === '') return {}
    value = JSON.parse(text)
  } catch (error) {
    // Also catches the RangeError of absurdly deep nesting: nothing in a body may crash the server.
    throw invalidArgument(`malformed JSON body: ${error instanceof Error ? error.message : 'unreadable'}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidArgument('malformed JSON body: the body must be a JSON object')
  return value as Record<string, unknown>
}

/** A member's value; `null` counts as absent (ED-45). Only own members count. */
export function member(json: Record<string, unknown>, name: string): unknown {
  const value = Object.hasOwn(json, name) ? json[name] : undefined
  return value === null ? undefined : value
}

/** An optional integer member; any other JSON type, or a fraction, answers 400. */
export function optionalInteger(
  json: Record<string, unknown>,
  name: string,
  label = name,
): number | undefined {
  const value = member(json, name)
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalidArgument(`${label} must be an integer`)
  return value
}

/** An optional string member, which must be well-formed Unicode (ED-32); any other type answers 400. */
export function optionalString(
  json: Record<string, unknown>,
  name: string,
  label = name,
): string | undefined {
  const value = member(json, name)
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw invalidArgument(`${label} must be a string`)
  if (!isWellFormedUnicode(value)) throw invalidArgument(`${label} is not well-formed Unicode`)
  return value
}
