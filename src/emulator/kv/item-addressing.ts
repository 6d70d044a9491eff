/**
 * Which object a PutItem, UpdateItem or GetItem addresses (kv.md "Addressing an item", ED-7, ED-37):
 * the URL path alone, or the URL directory extended by `TableName` and named by `Key`.
 */

import { ApiError, invalidArgument } from '../api-error.js'
import type { RequestContext } from '../context.js'
import { isValidAttributeName } from './attribute-names.js'
import { abbreviate } from './message-text.js'
import type { RequestMembers } from './request-body.js'
import { isJsonObject } from './request-body.js'
import { utf8Length } from './unicode.js'
import { type AttributeValue, decodeWireValue } from './values.js'

/** The key attribute of a `Key` member: its name and typed value. */
export interface KeyAttribute {
  readonly name: string
  readonly value: AttributeValue
}

/** A resolved item address. */
export interface ItemAddress {
  /** Container-relative path segments of the object. */
  readonly segments: readonly string[]
  /**
   * True when the address names a directory rather than an object: no `Key` and a path ending with
   * `/` (the URL, or a `TableName` that is `/` or ends with `/`).
   */
  readonly directoryPath: boolean
  /** Present when the request carried `Key`. */
  readonly key: KeyAttribute | undefined
}

const controlCharacter = /[\u0000-\u001f]/
const maxNameBytes = 255
const maxPathBytes = 4096

function fileNameTooLong(): ApiError {
  return new ApiError(400, -36, 'File name too long')
}

/** Checks one object name: 1–255 bytes, no `/`, not `.`/`..`, no control characters (ED-23). */
export function checkObjectName(name: string, what: string): void {
  if (name === '') throw invalidArgument(`${what} must not be empty`)
  if (name === '.' || name === '..') throw invalidArgument(`${what} must not be "." or ".."`)
  if (name.includes('/')) throw invalidArgument(`${what} must not contain "/"`)
  if (controlCharacter.test(name)) throw invalidArgument(`${what} must not contain control characters`)
  if (utf8Length(name) > maxNameBytes) throw fileNameTooLong()
}

/**
 * The segments of a relative path given in a body member (`TableName`): a leading `/` is ignored, empty
 * segments collapse, `"/"` is the URL directory itself; `.`/`..` segments answer 400 (ED-37).
 */
export function relativeSegments(text: string, member: string): string[] {
  const segments = text.split('/').filter((segment) => segment !== '')
  for (const segment of segments) checkObjectName(segment, `a segment of ${member}`)
  return segments
}

/** Checks the whole container-relative path length (ED-23). */
export function checkPathLength(segments: readonly string[]): void {
  let total = -1
  for (const segment of segments) total += utf8Length(segment) + 1
  if (total > maxPathBytes) throw fileNameTooLong()
}

/**
 * Reads `Key`: exactly one attribute, of type `S` or `N`; the item name is the string, or the number's
 * text exactly as sent (ED-37). The value is validated like any typed value.
 */
export function parseKey(raw: unknown): { attribute: KeyAttribute; itemName: string } {
  if (!isJsonObject(raw)) throw invalidArgument('Key must be a JSON object')
  const names = Object.keys(raw)
  if (names.length !== 1) throw invalidArgument(`Key must hold exactly one attribute, got ${names.length}`)
  const name = names[0] as string
  if (!isValidAttributeName(name))
    throw invalidArgument(`invalid attribute name '${abbreviate(name)}' in Key`)
  const wire = raw[name]
  const value = decodeWireValue(wire, name)
  if (value.type !== 'string' && value.type !== 'int' && value.type !== 'double') {
    throw invalidArgument('the Key attribute must be of type S or N')
  }
  const text = (wire as Record<string, unknown>)[value.type === 'string' ? 'S' : 'N']
  const itemName = typeof text === 'string' ? text : String(text)
  checkObjectName(itemName, 'the item name given by Key')
  return { attribute: { name, value }, itemName }
}

/** Resolves the object a single-item function addresses. */
export function resolveItemAddress(context: RequestContext, members: RequestMembers): ItemAddress {
  const tableName = members.string('TableName')
  const keyRaw = members.raw('Key')
  if ((tableName !== undefined || keyRaw !== undefined) && !context.trailingSlash) {
    throw invalidArgument('with Key or TableName the URL path must end with "/"')
  }
  const table = tableName === undefined ? [] : relativeSegments(tableName, 'TableName')
  const key = keyRaw === undefined ? undefined : parseKey(keyRaw)
  const segments = [...context.segments, ...table]
  if (key) segments.push(key.itemName)
  checkPathLength(segments)
  const directoryPath =
    key === undefined &&
    (tableName === undefined ? context.trailingSlash : table.length === 0 || tableName.endsWith('/'))
  return { segments, directoryPath: directoryPath || segments.length === 0, key: key?.attribute }
}
