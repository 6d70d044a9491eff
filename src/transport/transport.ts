import type { RawResponse, RequestBody } from '../core/descriptor.js'

/** One HTTP exchange as a transport performs it: credentials included, URL complete. */
export interface TransportRequest {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
  readonly body?: RequestBody
  /** Aborts the exchange (caller's signal, timeout). */
  readonly signal: AbortSignal
}

/**
 * Executes one HTTP exchange and resolves with the whole response, body read to the end. It rejects
 * only when no response arrived (network failure, abort); any HTTP status resolves. Replaceable: tests
 * and exotic runtimes can provide their own.
 */
export type Transport = (request: TransportRequest) => Promise<RawResponse>
