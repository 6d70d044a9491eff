/**
 * The attributes a PutItem writes (kv.md "PutItem", ED-31, ED-32, ED-37): the `Item` member, each name
 * writable and each value well-formed, plus the key attribute of a `Key` member.
 */

import { invalidArgument } from '../api-error.js'
import { assertWritableAttributeName } from './attribute-names.js'
import type { KeyAttribute } from './item-addressing.js'
import { abbreviate } from './message-text.js'
import type { JsonObject } from './request-body.js'
import { type AttributeValue, decodeWireValue, sameAttributeValue } from './values.js'

/**
 * Decodes an `Item` member: 400 for a malformed name or value, 403 for a system attribute. Duplicate
 * names cannot occur (the last duplicate JSON member won already, ED-45).
 */
export function readItemMember(item: JsonObject): Map<string, AttributeValue> {
  const attributes = new Map<string, AttributeValue>()
  for (const name of Object.keys(item)) {
    assertWritableAttributeName(name)
    attributes.set(name, decodeWireValue(item[name], name))
  }
  return attributes
}

/**
 * The key attribute a write must store, if any. A `Key` named `__name` is the item name itself and
 * stores nothing; any other system name is read-only (403); other names are written like `Item`
 * attributes.
 */
export function writableKeyAttribute(key: KeyAttribute | undefined): KeyAttribute | undefined {
  if (key === undefined || key.name === '__name') return undefined
  assertWritableAttributeName(key.name)
  return key
}

/** Adds the key attribute to `Item`'s attributes; the same name with another value answers 400 (ED-37). */
export function addKeyAttribute(
  attributes: Map<string, AttributeValue>,
  key: KeyAttribute | undefined,
): void {
  const writable = writableKeyAttribute(key)
  if (writable === undefined) return
  const given = attributes.get(writable.name)
  if (given !== undefined && !sameAttributeValue(given, writable.value)) {
    throw invalidArgument(`Item attribute '${abbreviate(writable.name)}' contradicts Key`)
  }
  attributes.set(writable.name, writable.value)
}
