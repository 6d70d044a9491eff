/**
 * Reading the JSON body of a KV function call (transport.md "JSON bodies", ED-45): an empty body is
 * `{}`, duplicate members let the last one win, unknown members are ignored, `null` means absent, and a
 * member of the wrong JSON type answers 400.
 */

import { invalidArgument } from '../api-error.js'
import { abbreviate } from './message-text.js'
import { isWellFormedUnicode } from './unicode.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * An `N` member whose value is a JSON number (a tolerated legacy form, ED-32). Only the member name
 * `N` (also written `\u004e`) followed by a number in exact JSON grammar matches; inside a JSON string
 * every `"` is escaped, so an unescaped `"N"` followed by `:` can only be a member name. The number is turned into a
 * string holding its source text, which `JSON.parse` would otherwise round (`1.0` → `1`,
 * `9007199254740993` → …992); the typed-value reader treats both forms alike.
 */
const numericTypeMember =
  /((?<!\\)"N"|(?<!\\)"\\u004[eE]")([ \t\n\r]*:[ \t\n\r]*)(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)(?![0-9.eE+-])/g

/**
 * Parses a request body into a plain JSON value, keeping the source text of numeric `N` values. The
 * native parser does the work (it already lets the last duplicate member win); only bodies with a
 * numeric `N` get their numbers quoted first.
 */
export function parseJsonBody(body: Uint8Array): unknown {
  let text: string
  try {
    text = utf8.decode(body)
  } catch {
    throw invalidArgument('malformed JSON body: not valid UTF-8')
  }
  if (text.trim() === '') return {}
  if (text.includes('"N"') || text.includes('\\u004')) text = text.replace(numericTypeMember, '$1$2"$3"')
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unparsable'
    throw invalidArgument(`malformed JSON body: ${abbreviate(detail, 200)}`)
  }
}

/** A JSON object as parsed (own members only). */
export type JsonObject = Record<string, unknown>

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The members of a request body with typed accessors. Every accessor treats `null` and a missing
 * member alike (ED-45) and answers 400 `InvalidArgumentException: <Member> must be …` on a wrong type.
 */
export class RequestMembers {
  private constructor(private readonly members: JsonObject) {}

  /** Parses the body; anything but a JSON object (or an empty body) answers 400. */
  static fromBody(body: Uint8Array): RequestMembers {
    const value = parseJsonBody(body)
    if (!isJsonObject(value)) throw invalidArgument('the request body must be a JSON object')
    return new RequestMembers(value)
  }

  /** True when the member is present and not `null`. */
  has(name: string): boolean {
    return this.raw(name) !== undefined
  }

  /** The member's value, `undefined` when absent or `null`. */
  raw(name: string): unknown {
    if (!Object.hasOwn(this.members, name)) return undefined
    const value = this.members[name]
    return value === null ? undefined : value
  }

  /** A string member; it must be well-formed Unicode (ED-32). */
  string(name: string): string | undefined {
    const value = this.raw(name)
    if (value === undefined) return undefined
    if (typeof value !== 'string') throw invalidArgument(`${name} must be a JSON string`)
    if (!isWellFormedUnicode(value)) throw invalidArgument(`${name} is not well-formed Unicode`)
    return value
  }

  /** An object member. */
  object(name: string): JsonObject | undefined {
    const value = this.raw(name)
    if (value === undefined) return undefined
    if (!isJsonObject(value)) throw invalidArgument(`${name} must be a JSON object`)
    return value
  }

  /** An integer member (a JSON number without fraction). */
  integer(name: string): number | undefined {
    const value = this.raw(name)
    if (value === undefined) return undefined
    if (typeof value !== 'number') throw invalidArgument(`${name} must be a JSON number`)
    if (!Number.isInteger(value)) throw invalidArgument(`${name} must be an integer`)
    return value
  }
}
