import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { putObject } from '../../../src/operations/objects/put-object.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('putObject', () => {
  it('sends PUT with the UTF-8 body and no content type', () => {
    const descriptor = putObject.encode({ container: 'users', path: '/my-object', body: 'hello, there' })
    expect(descriptor).toEqual({
      operation: 'PutObject',
      method: 'PUT',
      path: '/users/my-object',
      headers: {},
      body: bytes('hello, there'),
      idempotent: true,
    })
  })

  it('appends with Range: -1 and marks the request unsafe to retry', () => {
    const descriptor = putObject.encode({ container: 'users', path: 'log', body: 'x', append: true })
    expect(descriptor).toMatchObject({
      operation: 'AppendObject',
      method: 'PUT',
      headers: { Range: '-1' },
      idempotent: false,
    })
  })

  it('percent-encodes spaces, unicode, # and the characters encodeURIComponent leaves alone', () => {
    expect(putObject.encode({ container: 'bigdata', path: 'my dir/obj ect#1.txt' }).path).toBe(
      '/bigdata/my%20dir/obj%20ect%231.txt',
    )
    expect(putObject.encode({ container: 'bigdata', path: "ключ й/é!'()*+&=?:@," }).path).toBe(
      '/bigdata/%D0%BA%D0%BB%D1%8E%D1%87%20%D0%B9/%C3%A9%21%27%28%29%2A%2B%26%3D%3F%3A%40%2C',
    )
  })

  it('collapses slashes and strips the leading ones', () => {
    expect(putObject.encode({ container: 'users', path: '//a///b' }).path).toBe('/users/a/b')
  })

  it('accepts every body type as bytes, and sends an empty body when none is given', () => {
    const source = new Uint8Array([1, 2, 3, 4])
    expect(putObject.encode({ container: 'c1', path: 'o', body: source }).body).toBe(source)
    expect(putObject.encode({ container: 'c1', path: 'o', body: source.buffer }).body).toEqual(source)
    expect(
      putObject.encode({ container: 'c1', path: 'o', body: new DataView(source.buffer, 1, 2) }).body,
    ).toEqual(new Uint8Array([2, 3]))
    const blob = new Blob(['abc'])
    expect(putObject.encode({ container: 'c1', path: 'o', body: blob }).body).toBe(blob)
    expect(putObject.encode({ container: 'c1', path: 'o' }).body).toEqual(new Uint8Array(0))
  })

  it.each([
    [{ container: 'users', path: '' }, 'path'],
    [{ container: 'users', path: '/' }, 'path'],
    [{ container: 'users', path: 'a/./b' }, 'path'],
    [{ container: 'users', path: 'a\nb' }, 'path'],
    [{ container: 'users', path: 'bad\ud800' }, 'path'],
    [{ container: 'users', path: 'o', body: 'bad\udc00' }, 'body'],
    [{ container: 'users', path: 'o', body: 42 as unknown as string }, 'body'],
    [{ container: 'a/b', path: 'o' }, 'container'],
  ])('rejects %j naming %s', (options, parameter) => {
    try {
      putObject.encode(options)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).parameter).toBe(parameter)
    }
  })

  it('sends a stream with its declared contentLength as Content-Length, once', () => {
    const stream = new ReadableStream<Uint8Array>()
    const descriptor = putObject.encode({ container: 'c1', path: 'o', body: stream, contentLength: 1234 })
    expect(descriptor).toMatchObject({
      headers: { 'Content-Length': '1234' },
      body: stream,
      idempotent: false,
      streamBody: true,
    })
    const empty = putObject.encode({
      container: 'c1',
      path: 'o',
      body: new ReadableStream(),
      contentLength: 0,
    })
    expect(empty.headers).toEqual({ 'Content-Length': '0' })
    expect(putObject.encode({ container: 'c1', path: 'o', body: new ReadableStream() }).headers).toEqual({})
  })

  it.each([
    [-1, 'must be an integer ≥ 0, got -1'],
    [1.5, 'must be an integer ≥ 0, got 1.5'],
    [Number.NaN, 'must be an integer ≥ 0, got NaN'],
    [2 ** 53, 'must be an integer ≥ 0, got 9007199254740992'],
    ['10' as unknown as number, 'must be an integer ≥ 0, got 10'],
  ])('rejects contentLength %s with a stream body', (contentLength, message) => {
    const stream = new ReadableStream<Uint8Array>()
    const error = (() => {
      try {
        putObject.encode({ container: 'c1', path: 'o', body: stream, contentLength })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ parameter: 'contentLength', message: `Invalid contentLength: ${message}` })
    // Nothing was read: the stream can still be sent.
    expect(stream.locked).toBe(false)
  })

  it.each([
    ['text', 'abc'],
    ['bytes', new Uint8Array(3)],
    ['a Blob', new Blob(['abc'])],
    ['no body', undefined],
  ])('rejects contentLength with %s', (_, body) => {
    expect(() => putObject.encode({ container: 'c1', path: 'o', body, contentLength: 3 })).toThrow(
      new ValidationError('contentLength', 'applies only to a stream body'),
    )
  })
})
