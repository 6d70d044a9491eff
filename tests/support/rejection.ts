import { expect } from 'vitest'
import { HttpResponseError, streamExceptionName } from '../../src/index.js'

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

/** The stream exception name of a rejected call, with its status. */
export async function streamFailure(
  promise: Promise<unknown>,
): Promise<{ status: number; name: string | undefined }> {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(HttpResponseError)
  return { status: (error as HttpResponseError).statusCode, name: streamExceptionName(error) }
}
