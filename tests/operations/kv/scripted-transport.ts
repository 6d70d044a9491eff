import { Client, type RawResponse, type TransportRequest } from '../../../src/index.js'

/** A request as the scripted server saw it, body parsed. */
export interface SeenRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: Record<string, unknown> | undefined
}

/** Answers one request; may wait (honouring the request's signal) before answering. */
export type Script = (
  request: SeenRequest,
  index: number,
  signal: AbortSignal,
) => RawResponse | Promise<RawResponse>

/** A JSON (or empty) response. */
export function answer(
  status: number,
  body: unknown = '',
  headers: Record<string, string> = {},
): RawResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return { status, headers: new Headers(headers), body: new TextEncoder().encode(text) }
}

/** A client whose transport is a script instead of a network, recording every request. */
export function scriptedClient(script: Script, options: { maxConnections?: number } = {}) {
  const requests: SeenRequest[] = []
  const client = new Client({
    endpoint: 'http://scripted.invalid',
    accessKey: 'scripted-key',
    retry: false,
    maxConnections: options.maxConnections,
    transport: async (request: TransportRequest) => {
      const url = new URL(request.url)
      const text = typeof request.body === 'string' ? request.body : undefined
      const seen: SeenRequest = {
        method: request.method,
        path: url.pathname,
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      }
      requests.push(seen)
      request.signal.throwIfAborted()
      return script(seen, requests.length - 1, request.signal)
    },
  })
  return { client, requests }
}

/** Resolves after `ms`, or rejects when the signal aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

/** A GetItems page. */
export function page(names: string[], nextMarker?: string): RawResponse {
  return answer(200, {
    LastItemIncluded: nextMarker === undefined ? 'TRUE' : 'FALSE',
    NumItems: names.length,
    ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }),
    Items: names.map((name) => ({ __name: { S: name } })),
  })
}
