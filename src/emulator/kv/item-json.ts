/**
 * Writes attribute objects as compact JSON text (`{"age":{"N":"10"}}`). The text is built directly
 * rather than through intermediate objects: it is faster for large scans, and a name such as
 * `__proto__` (a legal hidden attribute) cannot disturb an object literal.
 */

import type { NamedValue } from './attribute-selection.js'
import { encodeStandardBase64 } from './base64.js'
import { formatDouble } from './number-text.js'
import type { AttributeValue } from './values.js'

/** The wire form of one value as JSON text (kv.md "Typed attribute values", ED-13). */
export function valueJson(value: AttributeValue): string {
  switch (value.type) {
    case 'string':
      return `{"S":${JSON.stringify(value.value)}}`
    case 'int':
      return `{"N":"${value.value}"}`
    case 'double':
      return `{"N":"${formatDouble(value.value)}"}`
    case 'bool':
      return value.value ? '{"BOOL":true}' : '{"BOOL":false}'
    case 'blob':
      return `{"B":"${encodeStandardBase64(value.value)}"}`
    case 'timestamp':
      return `{"TS":"${value.secs}:${value.nsecs}"}`
  }
}

/** An attribute object as JSON text, members in the given order. */
export function attributesJson(attributes: readonly NamedValue[]): string {
  let text = '{'
  for (let i = 0; i < attributes.length; i++) {
    const [name, value] = attributes[i] as NamedValue
    if (i > 0) text += ','
    text += `${JSON.stringify(name)}:${valueJson(value)}`
  }
  return `${text}}`
}
