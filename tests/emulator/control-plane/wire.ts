import type { RunningEmulator } from '../../../src/emulator/index.js'
import { type RawAnswer, rawHttp } from '../../support/raw-http.js'

/** The `Cookie` header of an access key, exactly as the Go SDK writes it (control-plane.md). */
export function accessKeyCookie(accessKey: string): string {
  return `session=${encodeURIComponent(`j:{"sid": "${accessKey}"}`)}`
}

/** A JSON:API request envelope. */
export function envelope(type: string, attributes: Record<string, unknown>): string {
  return JSON.stringify({ data: { type, attributes } })
}

/** One control-plane request on the wire, with an optional cookie and JSON body. */
export function api(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: { cookie?: string; body?: string } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {}
  if (options.cookie !== undefined) headers.Cookie = options.cookie
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  return rawHttp(emulator.url, method, `/api/${path}`, {
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  })
}

/** The JSON:API error of an answer: `[status, detail]`, after checking the envelope's shape. */
export function apiError(answer: RawAnswer): [number, string] {
  const body = answer.json() as { errors: { status: number; detail: string }[] }
  const [error] = body.errors
  if (body.errors.length !== 1 || error === undefined)
    throw new Error(`not one JSON:API error: ${answer.text}`)
  if (error.status !== answer.status) throw new Error(`error status ${error.status} ≠ HTTP ${answer.status}`)
  return [answer.status, error.detail]
}

/** The `session=…` pair of a login answer's `Set-Cookie`. */
export function sessionPair(answer: RawAnswer): string {
  const header = answer.headers['set-cookie']
  const cookie = (Array.isArray(header) ? header[0] : header) ?? ''
  return cookie.split(';')[0] ?? ''
}
