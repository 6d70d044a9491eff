/**
 * `v3io/emulator`: a local server of the V3IO web API, for tests, demos and offline development (Node).
 *
 * @packageDocumentation
 */
import type { AddressInfo } from 'node:net'
import { type Clock, systemClock } from './clock.js'
import { defaultNumberOfVNs } from './cluster/get-cluster-md.js'
import { FaultInjector, type FaultOptions, type InjectedFault } from './faults.js'
import { createEmulatorServer, type RequestLogger } from './server.js'
import type { EmulatorSettings } from './settings.js'
import { MemoryStore } from './storage/memory-store.js'
import type { Store } from './storage/store.js'

export { type Clock, type ManualClock, manualClock, systemClock } from './clock.js'
export type { FaultOptions, InjectedFault } from './faults.js'
export type { RequestLogger } from './server.js'
export type { Store } from './storage/store.js'

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port to listen on; `0` picks a free one. Default 8081 (ED-20). */
  port?: number
  /** Address to listen on. Default `127.0.0.1`, so an unauthenticated server is not exposed. */
  host?: string
  /** Containers to serve, replacing the default `bigdata` and `users` (ED-17). */
  containers?: readonly string[]
  /** Access keys to require; none (the default) accepts every request (ED-14). */
  accessKeys?: readonly string[]
  /** Basic-auth users to accept, `{ user: password }`. */
  users?: Readonly<Record<string, string>>
  /** Origins allowed by CORS; default: every origin (ED-15). */
  allowedOrigins?: readonly string[]
  /** Largest object body in bytes. Default 5 GiB (ED-5). */
  maxObjectSize?: number
  /** End GetItems pages at virtual-node group boundaries like the platform (ED-38). Default true. */
  scanGroupBoundaries?: boolean
  /** What GetClusterMD answers as `NumberOfVNs`, an integer 1 … 65536. Default 8 (ED-49). */
  numberOfVNs?: number
  /** The time source, nanoseconds since the epoch; inject one to test retention (ED-48). */
  clock?: Clock
  /**
   * Called for every answered request (method, URL, status, duration, and `warnings` such as ED-40R's
   * unguarded shard write); credentials never reach it.
   */
  log?: RequestLogger
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:8081`: pass it as the client's `endpoint`. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** The storage, for tests that need to look inside. */
  readonly store: Store
  /** Stops listening and closes every connection. */
  close(): Promise<void>
  /** Test hook: arms a fault (status, dropped connection, delay) for the next matching requests. */
  injectFaults(options: FaultOptions): InjectedFault
  /** Test hook: disarms every injected fault. */
  clearFaults(): void
  /** Test hook: TCP connections accepted since start (`opened`) and currently open (`open`). */
  readonly connections: { readonly opened: number; readonly open: number }
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? systemClock()
  const containers = options.containers?.length ? options.containers : ['bigdata', 'users']
  const invalid = containers.find(
    (name) => !/^(?=.*[a-z])[a-z0-9]([a-z0-9]|[-_](?![-_]))*$/.test(name) || name.length > 128,
  )
  if (invalid !== undefined) throw new Error(`invalid container name: ${JSON.stringify(invalid)}`)
  const numberOfVNs = options.numberOfVNs ?? defaultNumberOfVNs
  if (!Number.isInteger(numberOfVNs) || numberOfVNs < 1 || numberOfVNs > 65536)
    throw new Error(`invalid numberOfVNs: ${String(options.numberOfVNs)} (an integer 1 … 65536)`)
  const settings: EmulatorSettings = {
    accessKeys: options.accessKeys ?? [],
    users: new Map(Object.entries(options.users ?? {})),
    allowedOrigins: options.allowedOrigins,
    maxObjectSize: options.maxObjectSize ?? 5 * 1024 ** 3,
    scanGroupBoundaries: options.scanGroupBoundaries ?? true,
    numberOfVNs,
    clock,
  }
  const store = new MemoryStore(containers, clock)
  const faults = new FaultInjector()
  const server = createEmulatorServer(store, settings, options.log, faults)
  const connections = { opened: 0, open: 0 }
  server.on('connection', (socket) => {
    connections.opened += 1
    connections.open += 1
    socket.once('close', () => {
      connections.open -= 1
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8081, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    store,
    injectFaults: (faultOptions) => faults.inject(faultOptions),
    clearFaults: () => faults.clear(),
    get connections() {
      return { ...connections }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
