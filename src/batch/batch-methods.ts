import type { composites, operations } from '../client/registry.js'
import type { CallOptions } from '../core/call-options.js'
import type { Operation } from '../core/descriptor.js'
import type { Executor } from '../core/executor.js'

/**
 * Options of a batch call: the operation's own options and the per-call options (`signal`, `timeout`,
 * `accessKey`, `retryUnsafe`), except `raiseForStatus`, which `wait()` takes for the whole batch.
 */
export type BatchCallOptions<Options> = Options & Omit<CallOptions, 'raiseForStatus'>

/**
 * Options without `raiseForStatus` (a batch takes it in `wait()`); distributes over unions, so that union
 * option types keep their variants.
 */
export type WithoutRaiseForStatus<Options> = Options extends unknown ? Omit<Options, 'raiseForStatus'> : never

type BatchOperationMethod<T> =
  T extends Operation<infer Options, infer _Output>
    ? undefined extends Options
      ? (options?: BatchCallOptions<NonNullable<Options>>) => void
      : (options: BatchCallOptions<Options>) => void
    : never

type BatchCompositeMethod<T> = T extends (executor: Executor, options: infer Options) => unknown
  ? undefined extends Options
    ? (options?: WithoutRaiseForStatus<NonNullable<Options>>) => void
    : (options: WithoutRaiseForStatus<Options>) => void
  : never

/**
 * The operation methods of a batch: the client's, returning nothing (the response comes from `wait()`).
 * @interface
 */
export type BatchOperationMethods = {
  [K in keyof typeof operations]: BatchOperationMethod<(typeof operations)[K]>
}

/**
 * The composite methods of a batch (several requests each, one response each).
 * @interface
 */
export type BatchCompositeMethods = {
  [K in keyof typeof composites]: BatchCompositeMethod<(typeof composites)[K]>
}
