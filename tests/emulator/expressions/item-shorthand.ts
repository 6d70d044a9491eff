/**
 * The item shorthand of expressions.md "Worked examples", so that test tables can quote the contract
 * verbatim: JSON numbers without `.` are ints, with `.` doubles; strings; true/false; `i64[…]`,
 * `f64[…]` arrays; `ts"S:N"` timestamps; `b64"…"` plain blobs.
 */

import { expect } from 'vitest'
import type { AttributeChange, ItemAttributes } from '../../../src/emulator/expressions/index.js'
import { encodeDoubleArrayBlob, encodeIntArrayBlob } from '../../../src/emulator/kv/array-blobs.js'
import { decodeStandardBase64 } from '../../../src/emulator/kv/base64.js'
import { type AttributeValue, encodeWireValue } from '../../../src/emulator/kv/values.js'

/** An item as a mutable map of attributes. */
export type Item = Map<string, AttributeValue>

/** Parses one shorthand item, e.g. `{"a":1,"d":f64[0.5],"t":ts"1:2"}`. */
export function item(text: string): Item {
  let at = 0
  const result: Item = new Map()
  const skip = (): void => {
    while (text[at] === ' ') at++
  }
  const expectChar = (c: string): void => {
    skip()
    if (text[at] !== c) throw new Error(`shorthand: expected ${c} at ${at} in ${text}`)
    at++
  }
  const jsonString = (): string => {
    skip()
    const start = at
    at++
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1
    at++
    return JSON.parse(text.slice(start, at)) as string
  }
  const numberText = (): string => {
    skip()
    const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at))
    if (!match) throw new Error(`shorthand: number expected at ${at} in ${text}`)
    at += match[0].length
    return match[0]
  }
  const numbers = (): string[] => {
    expectChar('[')
    const list: string[] = []
    skip()
    while (text[at] !== ']') {
      list.push(numberText())
      skip()
      if (text[at] === ',') at++
    }
    at++
    return list
  }
  const value = (): AttributeValue => {
    skip()
    const rest = text.slice(at)
    if (rest.startsWith('"')) return { type: 'string', value: jsonString() }
    if (rest.startsWith('true') || rest.startsWith('false')) {
      at += rest.startsWith('true') ? 4 : 5
      return { type: 'bool', value: rest.startsWith('true') }
    }
    if (rest.startsWith('i64')) {
      at += 3
      return { type: 'blob', value: encodeIntArrayBlob(BigInt64Array.from(numbers(), BigInt)) }
    }
    if (rest.startsWith('f64')) {
      at += 3
      return { type: 'blob', value: encodeDoubleArrayBlob(Float64Array.from(numbers(), Number)) }
    }
    if (rest.startsWith('ts')) {
      at += 2
      const [secs, nsecs] = jsonString().split(':') as [string, string]
      return { type: 'timestamp', secs: BigInt(secs), nsecs: Number(nsecs) }
    }
    if (rest.startsWith('b64')) {
      at += 3
      return { type: 'blob', value: decodeStandardBase64(jsonString()) as Uint8Array }
    }
    const number = numberText()
    return /[.eE]/.test(number)
      ? { type: 'double', value: Number(number) }
      : { type: 'int', value: BigInt(number) }
  }
  expectChar('{')
  skip()
  while (text[at] !== '}') {
    const name = jsonString()
    expectChar(':')
    result.set(name, value())
    skip()
    if (text[at] === ',') at++
    skip()
  }
  return result
}

/** An item view over a map, optionally with extra (system) attributes. */
export function view(attributes: Item, system: Record<string, AttributeValue> = {}): ItemAttributes {
  return { get: (name) => attributes.get(name) ?? system[name] }
}

/** A copy of `attributes` with `changes` applied, as a KV handler would. */
export function applyChanges(attributes: Item, changes: readonly AttributeChange[]): Item {
  const result = new Map(attributes)
  for (const change of changes) {
    if (change.value === undefined) result.delete(change.name)
    else result.set(change.name, change.value)
  }
  return result
}

/** Asserts two items are equal attribute by attribute, in wire form (so ints and doubles differ). */
export function expectSameItem(actual: Item, expected: Item): void {
  const wire = (attributes: Item) =>
    Object.fromEntries(
      [...attributes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, encodeWireValue(v)]),
    )
  expect(wire(actual)).toEqual(wire(expected))
}
