import type { RawResponse } from '../../src/core/descriptor.js'

/** A raw JSON answer, for decoders. */
export function jsonAnswer(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): RawResponse {
  return {
    status,
    headers: new Headers(headers),
    body: new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)),
  }
}

/** The JSON body a descriptor carries. */
export function bodyOf(body: unknown): unknown {
  return JSON.parse(String(body))
}
