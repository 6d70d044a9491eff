import type { RawResponse, RequestBody } from '../core/descriptor.js'
import type { Transfer } from './progress.js'

/** One HTTP exchange as a transport performs it: credentials included, URL complete. */
export interface TransportRequest {
  /** The absolute URL: the endpoint, its path prefix, the operation's path and query. */
  readonly url: string
  /** The HTTP method. */
  readonly method: string
  /**
   * The headers to send, the credential included; a stream body of declared length (putObject's
   * `contentLength`) comes with its `Content-Length`, which a transport sends instead of chunked framing.
   */
  readonly headers: Record<string, string>
  /** The body, if the request has one. */
  readonly body?: RequestBody
  /**
   * Aborts the exchange (caller's signal, timeout, a batch's abort). A transport should stop promptly
   * once it fires, to free its connection; the client does not rely on it: it settles the call itself
   * when the call's deadline passes, whatever the transport does.
   */
  readonly signal: AbortSignal
  /**
   * The most response body bytes to accept; a transport that honours it rejects with
   * `ResponseTooLargeError` (and drops the connection) as soon as the body grows past it. `Infinity` or
   * absent: no limit.
   */
  readonly maxResponseBytes?: number
  /**
   * A cheaper alternative to `signal` for transports that know it: calls `onAbandon` once when the
   * client abandons the exchange (at once if it already has). The client's requests always have it; a
   * transport reading it need never touch `signal`, which is then never created.
   */
  readonly whenAbandoned?: (onAbandon: ((reason: unknown) => void) | undefined) => void
  /**
   * Progress callbacks and a streamed response, for the calls that asked for them (object transfers);
   * `undefined` otherwise. A transport that ignores it still works, without progress and streaming.
   */
  readonly transfer?: Transfer | undefined
}

/**
 * Executes one HTTP exchange and resolves with the whole response, body read to the end. It rejects
 * only when no response arrived (network failure, abort) or the body exceeded `maxResponseBytes`; any
 * HTTP status resolves. Replaceable: tests and exotic runtimes can provide their own.
 */
export type Transport = ((request: TransportRequest) => Promise<RawResponse>) & {
  /**
   * Set by a transport whose connections become reusable only on the event loop's turn after a response
   * completes (Node's `fetch`): the client then waits for that turn before handing the response back and
   * giving the slot to the next call, so that each slot keeps a single connection.
   */
  readonly reusesConnectionsNextTurn?: boolean
  /**
   * Set by a transport that loads code on demand (`kyTransport` loads ky): resolves once it is loaded.
   * The client waits for it before a call's timeout starts, so that loading never counts as request time.
   */
  readonly prepare?: () => Promise<void>
}
