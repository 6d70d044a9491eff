import type { CallOptions } from './call-options.js'
import type { Operation } from './descriptor.js'
import type { Response } from './response.js'

/**
 * What composites and helpers (`putItems`, cursors, shard readers, consumer groups…) need to run
 * requests: the narrow interface they depend on instead of the whole client. `Client` implements it, and
 * so does anything else that can run an operation (a test double, a batch host).
 */
export interface Executor {
  /** Runs one operation: encode, send, decode, then raise-for-status as the call's options say. */
  execute<Options, Output>(
    operation: Operation<Options, Output>,
    options: Options & CallOptions,
  ): Promise<Response<Output>>
  /** The most requests the executor runs at once; composites size their own parallelism by it. */
  readonly maxConnections: number
}
