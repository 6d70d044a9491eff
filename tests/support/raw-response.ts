import type { RawResponse } from '../../src/index.js'

/** A transport-level response built in memory, for decoder tests. */
export function rawResponse(
  status: number,
  body: string | Uint8Array = '',
  headers: Record<string, string> = {},
): RawResponse {
  return {
    status,
    headers: new Headers(headers),
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  }
}
