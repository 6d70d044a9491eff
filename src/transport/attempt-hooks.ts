import type { ClientHooks, ObservedRequest, ObservedResponse } from './hooks.js'
import type { Logger } from './request-log.js'

// Loaded on demand, by the first call of a client that has hooks or a logger, so that apps without them
// never load it. It imports nothing the rest of the SDK imports (esbuild would put that in a chunk loaded
// at startup, docs/decisions-browser.md): the sender hands over `notify` and `describeFailure`.

/** hooks.ts's `sanitized` (the value a hook sees in place of a credential). */
const sanitized = 'SANITIZED'

type Notify = <T>(hook: ((event: T) => void) | undefined, event: T) => void

/** One attempt being observed: the headers to send, and `end`, to call with the attempt's outcome. */
export interface Observation {
  readonly headers: Record<string, string>
  end(
    response: { status: number; headers: Headers; body: Uint8Array } | undefined,
    error: unknown,
    willRetry: boolean,
  ): void
}

/** Starts observing one attempt; runs `beforeRequest`. */
export type AttemptObserver = (
  operation: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  credential: { header: string; value: string } | undefined,
  attempt: number,
) => Observation

/**
 * The logger `V3IO_DEBUG` asks for: `console` when it is set to anything but `0` or `false` (read from
 * `process.env` or `Deno.env`; runtimes without an environment never log by default).
 */
export function environmentLogger(value: string | undefined): Logger | undefined {
  if (value === undefined || value === '0' || value.toLowerCase() === 'false') return undefined
  return console
}

/**
 * The observer of a client's attempts: its hooks, and hooks logging every attempt to `logger` if given
 * (a string is `V3IO_DEBUG`'s value); `undefined` when there is nothing to observe.
 */
export function attemptObserver(
  given: ClientHooks | undefined,
  option: Logger | string | undefined,
  notify: Notify,
  describeFailure: (error: unknown) => string,
): AttemptObserver | undefined {
  const logger = typeof option === 'string' ? environmentLogger(option) : option
  const hooks = logger ? loggingHooks(given, logger, notify, describeFailure) : given
  if (!hooks?.beforeRequest && !hooks?.afterResponse) return undefined
  return (operation, method, url, headers, credential, attempt) => {
    const request = observe(operation, method, url, headers, credential?.header, attempt)
    const sent = beforeRequest(notify, hooks.beforeRequest, request, credential, headers)
    const started = performance.now()
    return {
      headers: sent,
      end(response, error, willRetry) {
        notify(hooks.afterResponse, {
          request,
          status: response?.status,
          headers: response?.headers,
          body: response?.body,
          error,
          milliseconds: performance.now() - started,
          willRetry,
        })
      },
    }
  }
}

/**
 * `hooks` and hooks logging every attempt to `logger`, as one set. The formatting (request-log.ts) loads
 * on demand with the first outcome; lines written meanwhile wait for it, in order.
 */
export function loggingHooks(
  hooks: ClientHooks | undefined,
  logger: Logger,
  notify: Notify,
  describeFailure: (error: unknown) => string,
): ClientHooks {
  let log: ((outcome: ObservedResponse) => void) | undefined
  let loading: Promise<void> | undefined
  const afterResponse = hooks?.afterResponse
  return {
    beforeRequest: hooks?.beforeRequest,
    afterResponse(outcome) {
      notify(afterResponse, outcome)
      if (log) {
        notify(log, outcome)
        return
      }
      loading ??= import('./request-log.js').then((loaded) => {
        log = loaded.exchangeLogger(logger, describeFailure)
      })
      loading.then(() => notify(log, outcome)).catch(() => undefined)
    },
  }
}

/** The attempt as hooks see it: `headers` (the credential's included) with the credential sanitized. */
export function observe(
  operation: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  credentialHeader: string | undefined,
  attempt: number,
): ObservedRequest {
  const shown = { ...headers }
  if (credentialHeader !== undefined) shown[credentialHeader] = sanitized
  return { operation, method, url, headers: shown, attempt }
}

/**
 * Runs `hook` on the attempt `observed`, and answers the headers to send: `headers` as they were when
 * there is no hook, else as the hook left them (see {@link sentHeaders}).
 */
export function beforeRequest(
  notify: Notify,
  hook: ((request: ObservedRequest) => void) | undefined,
  observed: ObservedRequest,
  credential: { header: string; value: string } | undefined,
  headers: Record<string, string>,
): Record<string, string> {
  if (!hook) return headers
  notify(hook, observed)
  return sentHeaders(observed, credential)
}

/**
 * The headers to send after `beforeRequest` saw `observed`: its headers as the hook left them, with the
 * credential put back wherever it still reads `SANITIZED` (a hook may replace or delete it).
 */
export function sentHeaders(
  observed: ObservedRequest,
  credential: { header: string; value: string } | undefined,
): Record<string, string> {
  const headers = { ...observed.headers }
  if (credential && headers[credential.header] === sanitized) headers[credential.header] = credential.value
  return headers
}
