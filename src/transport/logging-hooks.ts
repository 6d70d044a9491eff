import { environmentLogger, loggingHooks } from './attempt-hooks.js'
import { describeFailure } from './call-failure.js'
import { type ClientHooks, notify } from './hooks.js'
import type { Logger } from './request-log.js'

export { environmentLogger }

/**
 * `hooks` and hooks logging every attempt to `logger`, as one set; `hooks` unchanged without a logger.
 * The client builds the same set in attempt-hooks.ts, which it loads on demand (only clients with hooks
 * or a logger need it); the formatting (request-log.ts) loads with the first outcome.
 */
export function withLogger(
  hooks: ClientHooks | undefined,
  logger: Logger | undefined,
): ClientHooks | undefined {
  return logger ? loggingHooks(hooks, logger, notify, describeFailure) : hooks
}
