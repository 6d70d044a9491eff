import type { IncomingHttpHeaders } from 'node:http'
import type { EmulatorSettings } from './settings.js'
import type { ContainerRecord } from './storage/nodes.js'
import type { Store } from './storage/store.js'

/** Everything a handler needs to answer one request. */
export interface RequestContext {
  readonly method: string
  /** The `X-v3io-function` value, if any. */
  readonly functionName: string | undefined
  readonly container: ContainerRecord
  /** Path segments after the container. */
  readonly segments: readonly string[]
  readonly trailingSlash: boolean
  readonly query: ReadonlyMap<string, string>
  readonly headers: IncomingHttpHeaders
  readonly body: Uint8Array
  readonly store: Store
  readonly settings: EmulatorSettings
  /** Records a warning about this request for the emulator's log (e.g. ED-40R); never with credentials. */
  readonly warn: (message: string) => void
}

/** A handler's answer. `body` strings are sent as UTF-8; JSON values are serialised compactly. */
export interface HandlerResult {
  readonly status: number
  readonly headers?: Record<string, string>
  readonly body?: Uint8Array | string
  /** Sets `Content-Type` when there is a body. */
  readonly contentType?: string
  /** For HEAD answers: the `Content-Length` to announce without sending a body. */
  readonly contentLength?: number
}

/** A request handler. */
export type Handler = (context: RequestContext) => HandlerResult | Promise<HandlerResult>

/** A JSON answer (compact, raw UTF-8). */
export function jsonResult(status: number, value: unknown, headers?: Record<string, string>): HandlerResult {
  return {
    status,
    body: JSON.stringify(value),
    contentType: 'application/json',
    ...(headers ? { headers } : {}),
  }
}
