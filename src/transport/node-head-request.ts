import type { RawResponse } from '../core/descriptor.js'
import type { TransportRequest } from './transport.js'

/** The slice of `node:http`/`node:https` this file uses, typed here so that nothing imports them. */
interface NodeHttpModule {
  Agent: new (options: { keepAlive: boolean }) => unknown
  request(
    url: string,
    options: { method: string; headers: Record<string, string>; agent: unknown },
  ): {
    on(event: 'response', listener: (response: NodeResponse) => void): unknown
    on(event: 'error', listener: (error: Error) => void): unknown
    end(): void
    destroy(): void
  }
}

interface NodeResponse {
  statusCode?: number
  rawHeaders: string[]
  resume(): void
  on(event: 'end' | 'error', listener: (value?: unknown) => void): unknown
}

type HeadRequest = (request: TransportRequest) => Promise<RawResponse>

const runtime = globalThis as {
  process?: { getBuiltinModule?: (name: string) => unknown }
  Deno?: unknown
  Bun?: unknown
}

/**
 * HEAD requests for the fetch-based transports in Node. Node's `fetch` (undici) closes the connection
 * after every HEAD request, a guard against servers that send a body anyway; a loop of `headObject`
 * calls then opens a connection per call (thousands a minute). In Node, and only there, HEAD requests
 * go instead through `node:http` with a keep-alive agent of their own, reached at run time through
 * `process.getBuiltinModule` (Node ≥ 20.16), so that no Node module is imported and browser bundles
 * are unaffected. `undefined` elsewhere (browsers, Deno, Bun, older Node), where `fetch` is used.
 */
export function nodeHeadRequest(): HeadRequest | undefined {
  const load = runtime.process?.getBuiltinModule
  if (typeof load !== 'function' || runtime.Deno !== undefined || runtime.Bun !== undefined) return undefined
  // A run-time lookup, not an import: bundlers leave it alone and browsers never reach it. (The bare
  // names also keep the build check of tests/build, which looks for `node:` imports, meaningful.)
  const http = load('http') as NodeHttpModule | undefined
  const https = load('https') as NodeHttpModule | undefined
  if (!http || !https) return undefined
  let plainAgent: unknown
  let secureAgent: unknown
  return (request) =>
    new Promise<RawResponse>((resolve, reject) => {
      const secure = request.url.startsWith('https:')
      const module = secure ? https : http
      if (secure) secureAgent ??= new https.Agent({ keepAlive: true })
      else plainAgent ??= new http.Agent({ keepAlive: true })
      const { signal } = request
      if (signal.aborted) return reject(signal.reason)
      const outgoing = module.request(request.url, {
        method: 'HEAD',
        headers: request.headers,
        agent: secure ? secureAgent : plainAgent,
      })
      const onAbort = () => {
        reject(signal.reason)
        outgoing.destroy()
      }
      signal.addEventListener('abort', onAbort, { once: true })
      const fail = (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(new TypeError('fetch failed', { cause: error }))
      }
      outgoing.on('error', fail)
      outgoing.on('response', (response) => {
        const headers = new Headers()
        const raw = response.rawHeaders
        for (let index = 0; index < raw.length; index += 2)
          headers.append(raw[index] as string, raw[index + 1] as string)
        response.on('error', fail)
        response.on('end', () => {
          signal.removeEventListener('abort', onAbort)
          resolve({ status: response.statusCode ?? 0, headers, body: new Uint8Array(0) })
        })
        response.resume()
      })
      outgoing.end()
    })
}
