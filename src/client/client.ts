import { Batch, type BatchHost } from '../batch/batch.js'
import type { CallOptions } from '../core/call-options.js'
import type { Operation } from '../core/descriptor.js'
import type { Executor } from '../core/executor.js'
import { CoreClient } from './core-client.js'
import {
  type CompositeMethods,
  composites,
  type HelperMethods,
  helpers,
  type OperationMethods,
  operations,
} from './registry.js'

export type { CallOptions, ClientOptions } from './core-client.js'

/**
 * The V3IO data-plane client: containers, objects, key-value items and streams over the web API.
 * Every call resolves to a {@link Response}; errors are typed (`HttpResponseError`, `ValidationError`, …).
 *
 * @example
 * const client = new Client({ endpoint: 'http://127.0.0.1:8081', accessKey })
 * await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the merged interface types the methods that the static block installs from the operation registry.
export class Client extends CoreClient {
  #batch: Batch | undefined

  /**
   * The client's built-in batch: every operation and composite of the client, with the same options
   * (except `raiseForStatus`), issued without waiting; `await client.batch.wait()` collects the
   * responses in call order. One batch at a time; see {@link Client.createBatch} for parallel ones.
   *
   * @example
   * for (let index = 0; index < 16; index++)
   *   client.batch.putObject({ container: 'bigdata', path: `/object${index}`, body: `object-${index}` })
   * const { responses } = await client.batch.wait()
   */
  get batch(): Batch {
    this.#batch ??= this.createBatch()
    return this.#batch
  }

  /**
   * A new, independent batch. Batches share the client's `maxConnections` slots, so several batches
   * running side by side never exceed them together.
   */
  createBatch(): Batch {
    const host: BatchHost = {
      execute: async (operation, options, group, raise) =>
        this.sendCall(this.prepareCall(operation, options, group, raise), undefined),
      prepare: (operation, options, group) => this.prepareCall(operation, options, group, false),
      send: (call, slot) => this.sendCall(call, slot),
      reserve: (start) => this.reserveSlot(start),
      maxConnections: this.maxConnections,
      raiseForStatus: this.raiseForStatus,
    }
    return new Batch(host)
  }

  static {
    for (const [name, operation] of Object.entries(operations)) {
      Object.defineProperty(Client.prototype, name, {
        value(this: Client, options?: unknown) {
          return this.execute(operation as Operation<unknown, unknown>, options as CallOptions)
        },
        writable: true,
        configurable: true,
      })
    }
    for (const [name, method] of Object.entries({ ...composites, ...helpers })) {
      Object.defineProperty(Client.prototype, name, {
        value(this: Client, ...rest: unknown[]) {
          return (method as (executor: Executor, ...rest: unknown[]) => unknown)(this, ...rest)
        },
        writable: true,
        configurable: true,
      })
    }
  }
}

// The operation, composite and helper methods are installed on the prototype by the static block above.
export interface Client extends OperationMethods, CompositeMethods, HelperMethods {}
