import { describe, expect, it } from 'vitest'
import { decodeErrorBody, Response } from '../../src/core/response.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('decodeErrorBody', () => {
  it('reads the protocol error body', () => {
    expect(decodeErrorBody(bytes('{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}'))).toEqual({
      errorCode: -2,
      errorMessage: 'No such file or directory',
    })
  })

  it('finds a nested error whatever its member is called', () => {
    const body =
      '{\n\t"ErrorCode": 16777244,\n\t"ErrorMessage": "Condition expression evaluated to false",\n\t"Nested": {"ErrorCode":16777245,"ErrorMessage":"Condition not met"}\n}'
    expect(decodeErrorBody(bytes(body))).toEqual({
      errorCode: 16777244,
      errorMessage: 'Condition expression evaluated to false',
      inner: { errorCode: 16777245, errorMessage: 'Condition not met' },
    })
  })

  it.each(['', '<html>bad gateway</html>', '[1,2]', '{"other":1}'])('exposes no error for %j', (body) => {
    expect(decodeErrorBody(bytes(body))).toBeUndefined()
  })
})

describe('Response', () => {
  it('exposes the body as text and a 2xx flag', () => {
    const response = new Response(
      206,
      new Headers({ 'Content-Range': 'bytes 0-1/5' }),
      bytes('hé'),
      undefined,
    )
    expect(response.text()).toBe('hé')
    expect(response.ok).toBe(true)
    expect(response.headers.get('content-range')).toBe('bytes 0-1/5')
  })
})
