import { describe, expect, it } from 'vitest'
import { parseJsonBody, RequestMembers } from '../../../src/emulator/kv/request-body.js'
import { decodeWireValue } from '../../../src/emulator/kv/values.js'

const bytes = (text: string) => new TextEncoder().encode(text)
const parse = (text: string) => parseJsonBody(bytes(text))
const invalid = (detail: string) =>
  expect.objectContaining({ status: 400, errorMessage: `InvalidArgumentException: ${detail}` })

describe('request JSON (ED-32, ED-45)', () => {
  it('keeps the source text of N values given as JSON numbers', () => {
    expect(
      parse('{"Item":{"a":{"N":1.0},"b":{"N":9007199254740993},"c":{"N":-1.5e-7},"d":{"N" :\n 0}}}'),
    ).toEqual({
      Item: { a: { N: '1.0' }, b: { N: '9007199254740993' }, c: { N: '-1.5e-7' }, d: { N: '0' } },
    })
    expect(parse('{"Key":{"id":{"\\u004e":12.50}}}')).toEqual({ Key: { id: { N: '12.50' } } })
    const value = parse('{"a":{"N":1.0}}') as { a: unknown }
    expect(decodeWireValue(value.a, 'a')).toEqual({ type: 'double', value: 1 })
  })

  it('leaves other numbers, and "N" text inside strings, alone', () => {
    expect(parse('{"Limit":30,"S":"\\"N\\":1","x":{"NN":2}}')).toEqual({
      Limit: 30,
      S: '"N":1',
      x: { NN: 2 },
    })
    expect(parse('{"a\\"N":1}')).toEqual({ 'a"N': 1 })
  })

  it('does not turn invalid JSON numbers into valid strings', () => {
    for (const text of ['{"N":01}', '{"N":1.}', '{"N":-}', '{"N":+1}', '{"N":1e}', '{"N":.5}']) {
      expect(() => parse(text), text).toThrowError(expect.objectContaining({ status: 400 }))
    }
  })

  it('lets the last duplicate member win and treats an empty body as {}', () => {
    expect(parse('{"Limit":1,"Limit":2}')).toEqual({ Limit: 2 })
    expect(parse('')).toEqual({})
    expect(parse(' \n')).toEqual({})
  })

  it('answers malformed JSON and invalid UTF-8 with 400', () => {
    expect(() => parse('{"a":')).toThrowError(
      expect.objectContaining({
        errorMessage: expect.stringMatching(/^InvalidArgumentException: malformed JSON body: /),
      }),
    )
    expect(() => parseJsonBody(new Uint8Array([0x7b, 0xc3, 0x7d]))).toThrowError(
      invalid('malformed JSON body: not valid UTF-8'),
    )
  })

  it('reads typed members, null meaning absent', () => {
    const members = RequestMembers.fromBody(bytes('{"s":"x","o":{},"i":3,"n":null,"f":1.5,"lone":"\\ud800"}'))
    expect([members.string('s'), members.object('o'), members.integer('i')]).toEqual(['x', {}, 3])
    expect([members.has('n'), members.string('n'), members.has('missing')]).toEqual([false, undefined, false])
    expect(() => members.string('i')).toThrowError(invalid('i must be a JSON string'))
    expect(() => members.object('s')).toThrowError(invalid('s must be a JSON object'))
    expect(() => members.integer('s')).toThrowError(invalid('s must be a JSON number'))
    expect(() => members.integer('f')).toThrowError(invalid('f must be an integer'))
    expect(() => members.string('lone')).toThrowError(invalid('lone is not well-formed Unicode'))
    expect(() => RequestMembers.fromBody(bytes('"x"'))).toThrowError(
      invalid('the request body must be a JSON object'),
    )
  })

  it('does not let __proto__ members reach the prototype', () => {
    const members = RequestMembers.fromBody(bytes('{"__proto__":{"Limit":5}}'))
    expect(members.has('Limit')).toBe(false)
    expect(members.object('__proto__')).toEqual({ Limit: 5 })
  })
})
