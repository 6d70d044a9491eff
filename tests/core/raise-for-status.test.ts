import { describe, expect, it } from 'vitest'
import { statusError } from '../../src/core/raise-for-status.js'
import { HttpResponseError, Response } from '../../src/index.js'

const request = { operation: 'GetItem', method: 'PUT', url: 'http://webapi.test/users/t/k' }
const answer = (status: number, withRequest = true) =>
  new Response(
    status,
    new Headers(),
    new TextEncoder().encode('{"ErrorCode":-2}'),
    undefined,
    { errorCode: -2 },
    withRequest ? request : undefined,
  )

describe('statusError (raise-for-status, decided from the response alone)', () => {
  it('follows the policy: ≥ 300 by default, never, or the acceptable codes', () => {
    expect(statusError(answer(404), undefined)).toBeInstanceOf(HttpResponseError)
    expect(statusError(answer(204), 'always')).toBeUndefined()
    expect(statusError(answer(404), 'never')).toBeUndefined()
    expect(statusError(answer(404), [200, 404])).toBeUndefined()
    expect(statusError(answer(204), [200])).toBeInstanceOf(HttpResponseError)
  })

  it("names the response's own request, or the composite for a response without one", () => {
    expect(statusError(answer(404), 'always')).toMatchObject({ ...request, statusCode: 404, errorCode: -2 })
    expect(statusError(answer(404, false), 'always', 'putItems')).toMatchObject({
      operation: 'putItems',
      method: '',
      url: '',
      statusCode: 404,
    })
  })
})
