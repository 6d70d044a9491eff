import type { RawResponse, Transport, TransportRequest } from '../../src/index.js'

/** What a scripted transport does with one request: answer, fail, or hang until aborted. */
export type Reply = RawResponse | Error | 'hang'

/** A response built in memory. */
export function answer(status: number, body = '', headers: Record<string, string> = {}): RawResponse {
  return { status, headers: new Headers(headers), body: new TextEncoder().encode(body) }
}

/** A network failure shaped like Node's fetch: `TypeError('fetch failed')` with a coded cause. */
export function networkFailure(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) })
}

/**
 * A transport that replies with `script(request, index)` and records every request it received, with
 * the number of requests in flight at its peak.
 */
export function scriptedTransport(
  script: (request: TransportRequest, index: number) => Reply | Promise<Reply>,
) {
  const requests: TransportRequest[] = []
  let inFlight = 0
  const state = { requests, peak: 0 }
  const transport: Transport = async (request) => {
    const index = requests.length
    requests.push(request)
    inFlight++
    state.peak = Math.max(state.peak, inFlight)
    try {
      const reply = await script(request, index)
      if (reply === 'hang')
        return await new Promise<RawResponse>((_, reject) => {
          if (request.signal.aborted) reject(request.signal.reason)
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
        })
      if (reply instanceof Error) throw reply
      return reply
    } finally {
      inFlight--
    }
  }
  return Object.assign(state, { transport })
}
