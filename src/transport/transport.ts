import type { RawResponse, RequestBody } from '../core/descriptor.js'

/** One HTTP exchange as a transport performs it: credentials included, URL complete. */
export interface TransportRequest {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
  readonly body?: RequestBody
  /**
   * Aborts the exchange (caller's signal, timeout, a batch's abort). A transport must reject promptly
   * once it fires: the client's timeout relies on it.
   */
  readonly signal: AbortSignal
}

/**
 * Executes one HTTP exchange and resolves with the whole response, body read to the end. It rejects
 * only when no response arrived (network failure, abort); any HTTP status resolves. Replaceable: tests
 * and exotic runtimes can provide their own.
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
