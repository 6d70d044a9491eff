import { describe, expect, it } from 'vitest'
import {
  checkObjectName,
  checkPathLength,
  parseKey,
  relativeSegments,
} from '../../../src/emulator/kv/item-addressing.js'

const invalid = (detail: string) =>
  expect.objectContaining({ status: 400, errorMessage: `InvalidArgumentException: ${detail}` })
const tooLong = expect.objectContaining({ status: 400, errorCode: -36, errorMessage: 'File name too long' })

describe('item addressing (ED-7, ED-23, ED-37)', () => {
  it('resolves TableName segments relative to the URL directory', () => {
    expect(relativeSegments('some_dir/tbl', 'TableName')).toEqual(['some_dir', 'tbl'])
    expect(relativeSegments('/tbl/', 'TableName')).toEqual(['tbl'])
    expect(relativeSegments('/', 'TableName')).toEqual([])
    expect(relativeSegments('a//b', 'TableName')).toEqual(['a', 'b'])
    expect(() => relativeSegments('a/../b', 'TableName')).toThrowError(
      invalid('a segment of TableName must not be "." or ".."'),
    )
  })

  it('names the item by the S string or the N text exactly as sent', () => {
    expect(parseKey({ id: { S: 'louise' } })).toEqual({
      attribute: { name: 'id', value: { type: 'string', value: 'louise' } },
      itemName: 'louise',
    })
    expect(parseKey({ id: { N: '0358123' } })).toEqual({
      attribute: { name: 'id', value: { type: 'int', value: 358123n } },
      itemName: '0358123',
    })
  })

  it('refuses malformed keys', () => {
    expect(() => parseKey([])).toThrowError(invalid('Key must be a JSON object'))
    expect(() => parseKey({})).toThrowError(invalid('Key must hold exactly one attribute, got 0'))
    expect(() => parseKey({ '1x': { S: 'a' } })).toThrowError(invalid("invalid attribute name '1x' in Key"))
    expect(() => parseKey({ id: { B: 'AAE=' } })).toThrowError(
      invalid('the Key attribute must be of type S or N'),
    )
    expect(() => parseKey({ id: { N: 'x' } })).toThrowError(expect.objectContaining({ status: 400 }))
    expect(() => parseKey({ id: { S: 'x'.repeat(256) } })).toThrowError(tooLong)
  })

  it('checks object names and path lengths', () => {
    expect(() => checkObjectName('ok.name', 'x')).not.toThrow()
    expect(() => checkObjectName('a\u001fb', 'x')).toThrowError(
      invalid('x must not contain control characters'),
    )
    expect(() => checkObjectName(`${'é'.repeat(127)}a`, 'x')).not.toThrow()
    expect(() => checkObjectName('é'.repeat(128), 'x')).toThrowError(tooLong)
    expect(() => checkPathLength(Array.from({ length: 16 }, () => 'x'.repeat(255)))).not.toThrow()
    expect(() => checkPathLength(Array.from({ length: 17 }, () => 'x'.repeat(255)))).toThrowError(tooLong)
  })
})
