import { describe, expect, it } from 'vitest'
import { ControlPlaneError, jsonApiErrors } from '../../src/control-plane/errors.js'
import { HttpResponseError } from '../../src/core/errors.js'
import { Response } from '../../src/core/response.js'

const encode = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))

describe('ControlPlaneError', () => {
  it('reads JSON:API errors, with numeric or string statuses', () => {
    expect(
      jsonApiErrors(encode({ errors: [{ status: 404, detail: 'gone' }, { status: '409' }, 'x'] })),
    ).toEqual([
      { status: 404, detail: 'gone' },
      { status: 409, detail: undefined },
    ])
    for (const body of ['', 'not json', '{"ErrorCode":-2}', '{"errors":{}}', 'null'])
      expect(jsonApiErrors(encode(body)), body).toEqual([])
  })

  it('is an HttpResponseError with the detail in its message', () => {
    const response = new Response(
      409,
      new Headers(),
      encode({ errors: [{ status: 409, detail: 'not empty' }] }),
      undefined,
      undefined,
      {
        operation: 'DeleteContainer',
        method: 'DELETE',
        url: 'http://h/api/containers/1',
      },
    )
    const error = new ControlPlaneError(response)
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(error).toMatchObject({
      name: 'ControlPlaneError',
      statusCode: 409,
      detail: 'not empty',
      operation: 'DeleteContainer',
    })
    expect(error.message).toBe('DeleteContainer failed with status 409: not empty')
  })
})
