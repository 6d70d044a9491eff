/**
 * Item size accounting (ED-32): Σ over user and hidden attributes of (UTF-8 name length + value size),
 * limited to 1.5 MiB (ED-5).
 */

import { ApiError } from '../api-error.js'
import { attributeClass } from './attribute-names.js'
import { utf8Length } from './unicode.js'
import type { AttributeValue } from './values.js'

/** Largest item size, 1.5 MiB. */
export const MAX_ITEM_SIZE = 1_572_864

/** Size a value counts for: UTF-8 bytes for S, 8 for N, 1 for BOOL, decoded bytes for B, 16 for TS. */
export function attributeValueSize(value: AttributeValue): number {
  switch (value.type) {
    case 'string':
      return utf8Length(value.value)
    case 'int':
    case 'double':
      return 8
    case 'bool':
      return 1
    case 'blob':
      return value.value.length
    case 'timestamp':
      return 16
  }
}

/** Size of an item from its attributes; system attributes, if passed, are not counted. */
export function itemSize(attributes: Iterable<readonly [string, AttributeValue]>): number {
  let size = 0
  for (const [name, value] of attributes) {
    if (attributeClass(name) === 'system') continue
    size += utf8Length(name) + attributeValueSize(value)
  }
  return size
}

/** 400 -27 `Item size limit exceeded` (transport.md error catalogue). */
export function itemSizeLimitExceeded(): ApiError {
  return new ApiError(400, -27, 'Item size limit exceeded')
}

/** Throws {@link itemSizeLimitExceeded} when the attributes exceed {@link MAX_ITEM_SIZE}. */
export function assertItemSize(attributes: Iterable<readonly [string, AttributeValue]>): void {
  if (itemSize(attributes) > MAX_ITEM_SIZE) throw itemSizeLimitExceeded()
}
