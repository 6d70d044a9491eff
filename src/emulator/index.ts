/**
 * `v3io/emulator`: a local server of the V3IO web API, for tests, demos and offline development (Node).
 *
 * @packageDocumentation
 */
import { constants as bufferConstants } from 'node:buffer'
import type { AddressInfo } from 'node:net'
import { type Clock, systemClock } from './clock.js'
import { defaultNumberOfVNs } from './cluster/get-cluster-md.js'
import { ConnectionTracker, DEFAULT_MAX_IDLE_CONNECTIONS } from './connection-tracker.js'
import { loadConsole } from './console-page.js'
import { Identities } from './control-plane/identities.js'
import { emulatorDefaults } from './defaults.js'
import { FaultInjector, type FaultOptions, type InjectedFault } from './faults.js'
import { isLoopbackName } from './origin-policy.js'
import { createEmulatorServer, type RequestLogger } from './server.js'
import type { EmulatorSettings } from './settings.js'
import { MemoryStore } from './storage/memory-store.js'
import { openPersistentStore } from './storage/open-persistent-store.js'
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
  /**
   * Origins allowed by CORS; `'*'` allows every origin. Default: loopback origins only
   * (`http://localhost:<any port>`, `http://127.0.0.1:<any port>`, `http://[::1]:<any port>`).
   */
  allowedOrigins?: readonly string[]
  /**
   * Host names accepted in the `Host` header besides loopback names and `host` (against DNS rebinding);
   * `'*'` accepts every name. Default: when listening on a loopback address, loopback names and `host`
   * only; otherwise no check.
   */
  allowedHosts?: readonly string[]
  /** Largest object body in bytes. Default 1 GiB; at most 4 GiB, the largest Node buffer. */
  maxObjectSize?: number
  /** Milliseconds of filter work after which a GetItems page ends early (with its items so far). Default 250. */
  scanPageBudget?: number
  /**
   * Work units that evaluating a request's expressions may spend on one item (a filter per scanned item;
   * an update's condition and statements together), so that no single item holds the event loop for
   * long; beyond it the request answers 400. Default 4,000,000, about 20–40 ms of work on an idle core
   * (docs/decisions-emulator.md, DE-1).
   */
  expressionWorkLimit?: number
  /** Idle connections kept open; beyond, the least recently active are closed. Default 128. */
  maxIdleConnections?: number
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
  /**
   * Keep the data in this directory (SQLite, created if missing) so that it survives restarts and
   * crashes: every write is durable before it is answered. Default: in memory, lost on exit. Needs
   * `node:sqlite` (Node 22.5+) or the optional peer dependency `better-sqlite3` 12.x.
   */
  dataDir?: string
  /** With `dataDir`: delete the emulator's files there first (refused for a directory that is not one). */
  reset?: boolean
  /**
   * Serve the web console at `/console/` (docs/console.md): `true` serves the one `npm run build` made, a
   * string names another built `index.html`. Default false. Browsers' page requests for `/console/` get
   * the console; every other request, to a container named `console` too, reaches the data plane.
   */
  console?: boolean | string
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:8081`: pass it as the client's `endpoint`. */
  readonly url: string
  /** The address it listens on, e.g. `127.0.0.1`. */
  readonly host: string
  /** The port it listens on (the one picked when started with port 0). */
  readonly port: number
  /**
   * The storage, for tests that need to look inside; `store.description` says how the data is kept
   * (`in-memory (data is lost on exit)` or `persistent, data in DIR (SQLite via DRIVER)`).
   */
  readonly store: Store
  /**
   * Stops listening and closes every connection at once, in-flight requests included, then closes the
   * store (committing what is pending).
   */
  close(): Promise<void>
  /**
   * Stops gracefully: refuses new connections, closes idle ones, lets in-flight requests finish for up
   * to `graceMs` (default 10 s), then closes what remains and the store.
   */
  shutdown(graceMs?: number): Promise<void>
  /** Test hook: arms a fault (status, dropped connection, delay) for the next matching requests. */
  injectFaults(options: FaultOptions): InjectedFault
  /** Test hook: disarms every injected fault. */
  clearFaults(): void
  /** Test hook: forgets every control-plane session, as a restarted platform would (clients log in again). */
  dropSessions(): void
  /** Test hook: TCP connections accepted since start (`opened`) and currently open (`open`). */
  readonly connections: {
    /** TCP connections accepted since start. */
    readonly opened: number
    /** TCP connections open now. */
    readonly open: number
  }
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? systemClock()
  const containers = options.containers?.length ? options.containers : emulatorDefaults.containers
  const invalid = containers.find(
    (name) => !/^(?=.*[a-z])[a-z0-9]([a-z0-9]|[-_](?![-_]))*$/.test(name) || name.length > 128,
  )
  if (invalid !== undefined) throw new Error(`invalid container name: ${JSON.stringify(invalid)}`)
  // `/api/` is the control plane's (CP-1).
  if (containers.includes('api'))
    throw new Error('invalid container name: "api" is reserved for the control plane')
  const host = options.host ?? '127.0.0.1'
  const maxObjectSize = options.maxObjectSize ?? emulatorDefaults.maxObjectSize
  if (
    !(
      Number.isSafeInteger(maxObjectSize) &&
      maxObjectSize >= 0 &&
      maxObjectSize <= bufferConstants.MAX_LENGTH
    )
  ) {
    throw new Error(
      `maxObjectSize must be an integer from 0 to ${bufferConstants.MAX_LENGTH} (the largest Node buffer)`,
    )
  }
  const maxIdleConnections = options.maxIdleConnections ?? DEFAULT_MAX_IDLE_CONNECTIONS
  if (!(Number.isSafeInteger(maxIdleConnections) && maxIdleConnections >= 1)) {
    throw new Error(`maxIdleConnections must be an integer ≥ 1, got ${String(maxIdleConnections)}`)
  }
  const scanPageBudget = options.scanPageBudget ?? emulatorDefaults.scanPageBudget
  if (!(Number.isFinite(scanPageBudget) && scanPageBudget >= 0)) {
    throw new Error(`scanPageBudget must be a number of milliseconds ≥ 0, got ${String(scanPageBudget)}`)
  }
  const expressionWorkLimit = options.expressionWorkLimit ?? emulatorDefaults.expressionWorkLimit
  if (!(Number.isSafeInteger(expressionWorkLimit) && expressionWorkLimit >= 1)) {
    throw new Error(`expressionWorkLimit must be an integer ≥ 1, got ${String(expressionWorkLimit)}`)
  }
  const numberOfVNs = options.numberOfVNs ?? defaultNumberOfVNs
  if (!Number.isInteger(numberOfVNs) || numberOfVNs < 1 || numberOfVNs > 65536)
    throw new Error(`invalid numberOfVNs: ${String(options.numberOfVNs)} (an integer 1 … 65536)`)
  const store: Store = options.dataDir
    ? await openPersistentStore({
        dataDir: options.dataDir,
        containers,
        clock,
        reset: options.reset ?? false,
      })
    : new MemoryStore(containers, clock)
  const settings: EmulatorSettings = {
    accessKeys: options.accessKeys ?? [],
    users: new Map(Object.entries(options.users ?? {})),
    allowedOrigins: options.allowedOrigins,
    allowedHosts: hostPolicy(host, options.allowedHosts),
    maxObjectSize,
    scanGroupBoundaries: options.scanGroupBoundaries ?? true,
    scanPageBudget,
    expressionWorkLimit,
    numberOfVNs,
    clock,
    identities: new Identities(clock, store.accessKeyArchive),
    console: options.console ? loadConsole(options.console) : undefined,
  }
  const faults = new FaultInjector()
  let tracker: ConnectionTracker | undefined
  const server = createEmulatorServer(store, settings, {
    log: options.log,
    faults,
    connections: {
      get draining() {
        return tracker?.draining ?? false
      },
    },
  })
  tracker = new ConnectionTracker(server, maxIdleConnections)
  const running = tracker
  const connections = { opened: 0, open: 0 }
  server.on('connection', (socket) => {
    connections.opened += 1
    connections.open += 1
    socket.once('close', () => {
      connections.open -= 1
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? emulatorDefaults.port, host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: unknown) => {
    store.close()
    throw error
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
    dropSessions: () => settings.identities.dropSessions(),
    get connections() {
      return { ...connections }
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      store.close()
    },
    shutdown: async (graceMs: number = emulatorDefaults.shutdownGraceMs) => {
      await running.drain(graceMs)
      store.close()
    },
  }
}

/** The `Host` names to accept besides loopback ones (see `EmulatorOptions.allowedHosts`). */
function hostPolicy(host: string, allowed: readonly string[] | undefined): readonly string[] | undefined {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  if (allowed !== undefined) return [...allowed, bare]
  return isLoopbackName(bare) ? [bare] : undefined
}
