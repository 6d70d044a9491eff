import type { RawResponse, RequestDescriptor } from '../core/descriptor.js'
import { parseJson } from '../core/lossless-json.js'
import { decodeError, decodeUtf8 } from './response-decoding-dependencies.js'

// JSON answers, parsed losslessly: loaded with the response decoders (response-decoding.ts), so that
// browser apps load the lossless parser with their first JSON answer rather than at startup.

/** Parses a JSON response body losslessly (big integers as `bigint`), or raises a decode error. */
export function decodeJsonBody(
  response: RawResponse,
  descriptor: RequestDescriptor,
): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = response.parseJson ? response.parseJson(response.body) : parseJson(decodeUtf8(response.body))
  } catch (error) {
    throw decodeError(response, descriptor, `malformed JSON (${(error as Error).message})`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw decodeError(response, descriptor, 'expected a JSON object')
  return parsed as Record<string, unknown>
}
