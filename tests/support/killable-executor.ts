import type { Executor } from '../../src/core/executor.js'
import { type Client, NetworkError } from '../../src/index.js'

/** An executor over a client that can be cut off, to simulate a member whose process or network died. */
export interface KillableExecutor extends Executor {
  /** Every request from now on fails with a `NetworkError`, as if the process were frozen or unreachable. */
  kill(): void
  /** Requests go through again. */
  revive(): void
}

/** Wraps a client's `execute` so that a test can cut it off and restore it. */
export function killableExecutor(client: Client): KillableExecutor {
  let dead = false
  return {
    maxConnections: client.maxConnections,
    execute(operation, options) {
      if (dead) return Promise.reject(new NetworkError('killed by the test', 'killed'))
      return client.execute(operation, options)
    },
    kill() {
      dead = true
    },
    revive() {
      dead = false
    },
  }
}
