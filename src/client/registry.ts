import type { CallOptions } from '../core/call-options.js'
import type { Operation } from '../core/descriptor.js'
import type { Executor } from '../core/executor.js'
import type { Response } from '../core/response.js'
import { kvComposites, kvHelpers, kvOperations } from '../operations/kv/index.js'
import { objectHelpers, objectOperations } from '../operations/objects/index.js'
import { streamComposites, streamHelpers, streamOperations } from '../operations/streams/index.js'

/** Every single-request operation, by method name. */
export const operations = { ...objectOperations, ...kvOperations, ...streamOperations }
/** Every multi-request operation that resolves to one `Response`, by method name. */
export const composites = { ...kvComposites, ...streamComposites }
/** Every helper (pagers, cursors, readers), by method name. */
export const helpers = { ...objectHelpers, ...kvHelpers, ...streamHelpers }

type OperationMethod<T> =
  T extends Operation<infer Options, infer Output>
    ? undefined extends Options
      ? (options?: NonNullable<Options> & CallOptions) => Promise<Response<Output>>
      : (options: Options & CallOptions) => Promise<Response<Output>>
    : never

type BoundMethod<T> = T extends (executor: Executor, ...rest: infer Arguments) => infer Result
  ? (...rest: Arguments) => Result
  : never

/** The operation methods of a client, typed from the operations themselves. */
export type OperationMethods = { [K in keyof typeof operations]: OperationMethod<(typeof operations)[K]> }
/** The composite methods of a client. */
export type CompositeMethods = { [K in keyof typeof composites]: BoundMethod<(typeof composites)[K]> }
/** The helper methods of a client. */
export type HelperMethods = { [K in keyof typeof helpers]: BoundMethod<(typeof helpers)[K]> }
