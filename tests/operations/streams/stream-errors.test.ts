import { describe, expect, it } from 'vitest'
import {
  HttpResponseError,
  isIllegalLocationError,
  isStreamNotFoundError,
  Response,
  streamExceptionName,
} from '../../../src/index.js'

function httpError(status: number, body: string): HttpResponseError {
  const bytes = new TextEncoder().encode(body)
  let error: { errorCode?: number; errorMessage?: string } | undefined
  try {
    const json = JSON.parse(body)
    error = { errorCode: json.ErrorCode, errorMessage: json.ErrorMessage }
  } catch {
    error = undefined
  }
  const response = new Response(status, new Headers(), bytes, undefined, error)
  return new HttpResponseError({ operation: 'GetRecords', method: 'PUT', url: 'http://h/c/s/0/', response })
}

describe('stream error helpers', () => {
  it('reads the exception name from the message', () => {
    expect(
      streamExceptionName(httpError(400, '{"ErrorCode":-22,"ErrorMessage":"IllegalLocationException"}')),
    ).toBe('IllegalLocationException')
    expect(
      streamExceptionName(
        httpError(400, '{"ErrorCode":-201326592,"ErrorMessage":"InvalidArgumentException: x"}'),
      ),
    ).toBe('InvalidArgumentException')
    // The reference's spelling, and a non-JSON body.
    expect(streamExceptionName(httpError(400, 'IllegalLocation'))).toBe('IllegalLocationException')
    expect(streamExceptionName(new Error('IllegalLocationException'))).toBeUndefined()
  })

  it('recognises illegal locations and missing streams', () => {
    expect(
      isIllegalLocationError(httpError(400, '{"ErrorCode":-22,"ErrorMessage":"IllegalLocationException"}')),
    ).toBe(true)
    expect(
      isIllegalLocationError(httpError(404, '{"ErrorCode":-2,"ErrorMessage":"ResourceNotFoundException"}')),
    ).toBe(false)
    expect(
      isStreamNotFoundError(httpError(404, '{"ErrorCode":-2,"ErrorMessage":"ResourceNotFoundException"}')),
    ).toBe(true)
    // One platform version answers 400 with the not-found name (streams.md).
    expect(
      isStreamNotFoundError(httpError(400, '{"ErrorCode":-1,"ErrorMessage":"ResourceNotFoundException"}')),
    ).toBe(true)
    expect(
      isStreamNotFoundError(httpError(400, '{"ErrorCode":-22,"ErrorMessage":"IllegalLocationException"}')),
    ).toBe(false)
  })
})
