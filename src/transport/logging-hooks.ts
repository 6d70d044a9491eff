import { describeFailure } from './call-failure.js'
import { type ClientHooks, notify, type ObservedResponse } from './hooks.js'
import type { Logger } from './request-log.js'

/**
 * `hooks` and hooks logging every attempt to `logger`, as one set; `hooks` unchanged without a logger.
 * The formatting (request-log.ts) loads on demand with the first outcome, so that apps that never log
 * never load it; lines written meanwhile wait for it, in order.
 */
export function withLogger(
  hooks: ClientHooks | undefined,
  logger: Logger | undefined,
): ClientHooks | undefined {
  if (!logger) return hooks
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

/**
 * The logger `V3IO_DEBUG` asks for: `console` when it is set to anything but `0` or `false` (read from
 * `process.env` or `Deno.env`; runtimes without an environment never log by default).
 */
export function environmentLogger(value: string | undefined): Logger | undefined {
  if (value === undefined || value === '0' || value.toLowerCase() === 'false') return undefined
  return console
}
