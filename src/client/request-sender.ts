import type { RawResponse, RequestDescriptor } from '../core/descriptor.js'
import { NetworkError, RequestAbortedError, RequestTimeoutError, V3ioError } from '../core/errors.js'
import type { ConcurrencyGate } from '../transport/concurrency-gate.js'
import {
  isRetryableStatus,
  neverReachedServer,
  type ResolvedRetryOptions,
  retryDelay,
  sleep,
} from '../transport/retry-policy.js'
import type { Transport } from '../transport/transport.js'
import type { Credential } from './credentials.js'

/** Per-call settings of one send. */
export interface SendSettings {
  readonly credential: Credential
  readonly signal?: AbortSignal | undefined
  /** Milliseconds for the whole call, retries included; 0 or `Infinity` for none. */
  readonly timeout: number
  readonly retry: ResolvedRetryOptions
  /** Retry even an operation the contract marks unsafe to retry (the caller knows better). */
  readonly retryUnsafe?: boolean | undefined
}

class TimeoutSignal extends Error {}

/**
 * Sends descriptors: waits for a slot of the concurrency gate, adds the credential, enforces the timeout
 * and retries what may be retried. Rejections are always the SDK's typed errors.
 */
export class RequestSender {
  constructor(
    private readonly endpoint: string,
    private readonly transport: Transport,
    private readonly gate: ConcurrencyGate,
  ) {}

  /** The URL of a descriptor (no credentials in it). */
  url(descriptor: RequestDescriptor): string {
    return `${this.endpoint}${descriptor.path}${descriptor.query ? `?${descriptor.query}` : ''}`
  }

  async send(descriptor: RequestDescriptor, settings: SendSettings): Promise<RawResponse> {
    const { signal } = settings
    try {
      return await this.gate.run(() => this.sendWithin(descriptor, settings), signal)
    } catch (error) {
      if (signal?.aborted) throw new RequestAbortedError(descriptor.operation, signal.reason)
      throw error
    }
  }

  private async sendWithin(descriptor: RequestDescriptor, settings: SendSettings): Promise<RawResponse> {
    const controller = new AbortController()
    const onCallerAbort = () => controller.abort(settings.signal?.reason)
    settings.signal?.addEventListener('abort', onCallerAbort, { once: true })
    const timer =
      settings.timeout > 0 && Number.isFinite(settings.timeout)
        ? setTimeout(() => controller.abort(new TimeoutSignal()), settings.timeout)
        : undefined
    try {
      return await this.attempt(descriptor, settings, controller.signal)
    } catch (error) {
      if (controller.signal.reason instanceof TimeoutSignal)
        throw new RequestTimeoutError(descriptor.operation, settings.timeout)
      if (controller.signal.aborted)
        throw new RequestAbortedError(descriptor.operation, settings.signal?.reason)
      if (error instanceof V3ioError) throw error
      throw new NetworkError(
        `${descriptor.operation} failed: ${describeFailure(error)}`,
        descriptor.operation,
        {
          cause: error,
        },
      )
    } finally {
      clearTimeout(timer)
      settings.signal?.removeEventListener('abort', onCallerAbort)
    }
  }

  private async attempt(
    descriptor: RequestDescriptor,
    settings: SendSettings,
    signal: AbortSignal,
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { ...descriptor.headers }
    if (settings.credential) headers[settings.credential.header] = settings.credential.value
    const request = {
      url: this.url(descriptor),
      method: descriptor.method,
      headers,
      body: descriptor.body,
      signal,
    }
    const idempotent = descriptor.idempotent || settings.retryUnsafe === true
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= settings.retry.attempts
      let response: RawResponse
      try {
        response = await this.transport(request)
      } catch (error) {
        if (signal.aborted || last || !(idempotent || neverReachedServer(error))) throw error
        await sleep(retryDelay(attempt, settings.retry), signal)
        continue
      }
      if (last || !idempotent || !isRetryableStatus(response.status)) return response
      await sleep(retryDelay(attempt, settings.retry, response.headers.get('Retry-After')), signal)
    }
  }
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const message = error instanceof Error ? error.message : String(error)
  return cause?.code ? `${message} (${cause.code})` : message
}
