/**
 * The text forms of a node's attributes and stream state in the `nodes` table. JSON, so that the database
 * can be read with the `sqlite3` shell; every value keeps its exact type (int64 as decimal text, doubles
 * including -0, timestamps as `secs:nsecs`, blobs as base64).
 */

import type { AttributeValue } from '../kv/values.js'
import type { StreamState } from './nodes.js'

type AttributeRow = [name: string, type: AttributeValue['type'], value: string | boolean]

/** The JSON text of an attribute map. */
export function encodeAttributes(attributes: ReadonlyMap<string, AttributeValue>): string {
  const rows: AttributeRow[] = []
  for (const [name, value] of attributes) rows.push([name, value.type, encodeValue(value)])
  return JSON.stringify(rows)
}

/** The attribute map of {@link encodeAttributes}' text. */
export function decodeAttributes(text: string): Map<string, AttributeValue> {
  const attributes = new Map<string, AttributeValue>()
  for (const [name, type, value] of JSON.parse(text) as AttributeRow[])
    attributes.set(name, decodeValue(type, value))
  return attributes
}

function encodeValue(value: AttributeValue): string | boolean {
  switch (value.type) {
    case 'string':
      return value.value
    case 'int':
      return value.value.toString()
    case 'double':
      // String(-0) is "0": keep the sign, which a round trip must not lose.
      return Object.is(value.value, -0) ? '-0' : String(value.value)
    case 'bool':
      return value.value
    case 'blob':
      return Buffer.from(value.value.buffer, value.value.byteOffset, value.value.byteLength).toString(
        'base64',
      )
    case 'timestamp':
      return `${value.secs}:${value.nsecs}`
  }
}

function decodeValue(type: AttributeValue['type'], value: string | boolean): AttributeValue {
  switch (type) {
    case 'string':
      return { type, value: String(value) }
    case 'int':
      return { type, value: BigInt(value as string) }
    case 'double':
      return { type, value: Number(value) }
    case 'bool':
      return { type, value: value === true }
    case 'blob':
      return { type, value: new Uint8Array(Buffer.from(value as string, 'base64')) }
    case 'timestamp': {
      const [secs, nsecs] = String(value).split(':')
      return { type, secs: BigInt(secs as string), nsecs: Number(nsecs) }
    }
    default:
      throw new Error(`unknown attribute type in the database: ${String(type)}`)
  }
}

/** The JSON text of a stream's state. */
export function encodeStream(stream: StreamState): string {
  return JSON.stringify(stream)
}

/** The stream state of {@link encodeStream}'s text. */
export function decodeStream(text: string): StreamState {
  const { shardCount, retentionPeriodHours, incarnation, roundRobin } = JSON.parse(text) as StreamState
  return { shardCount, retentionPeriodHours, incarnation, roundRobin }
}
