import { type Agent as HttpAgent, request as httpRequest } from 'node:http'
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { type ConnectionOptions, createSecureContext } from 'node:tls'
import type { RawResponse } from '../core/descriptor.js'
import type { Transport, TransportRequest } from '../transport/transport.js'
import { exchange, type Target } from './exchange.js'
import { IdleClosingHttpAgent, IdleClosingHttpsAgent } from './keep-alive-agents.js'

/**
 * TLS settings of `https://` endpoints, passed to Node's `tls.connect`: trust a private certificate
 * authority with `ca` (PEM text or buffers; it replaces Node's bundled roots, as in `tls.connect`),
 * authenticate with a client certificate (`cert` and `key`, or `pfx` and `passphrase`), or, explicitly
 * and only for tests, accept any certificate with `rejectUnauthorized: false`.
 *
 * @example
 * nodeHttpTransport({ tls: { ca: readFileSync('/etc/ssl/private-ca.pem', 'utf8') } })
 */
export type NodeTlsOptions = Pick<
  ConnectionOptions,
  | 'ca'
  | 'cert'
  | 'key'
  | 'pfx'
  | 'passphrase'
  | 'ciphers'
  | 'minVersion'
  | 'maxVersion'
  | 'rejectUnauthorized'
  | 'servername'
  | 'checkServerIdentity'
>

/** Options of {@link nodeHttpTransport}. */
export interface NodeHttpTransportOptions {
  /**
   * Most sockets open at once per endpoint (host and port): an integer, or `Infinity`. Default 256. A client never has more than
   * its `maxConnections` requests in flight, so one client uses at most `maxConnections` sockets and this
   * limit matters only for a transport shared by several clients: keep it at least the sum of their
   * `maxConnections`, because requests beyond it wait inside Node's agent, where their time already
   * counts against the call's `timeout`.
   */
  maxSockets?: number
  /**
   * Milliseconds an idle keep-alive socket stays open for reuse; `0` keeps it until the server closes
   * it. Default 30000. A server announcing a shorter keep-alive (`Keep-Alive: timeout=N`) is honoured,
   * with a second of margin.
   */
  idleTimeout?: number
  /** TLS settings of `https://` endpoints (private CA, client certificate, verification). */
  tls?: NodeTlsOptions
  /**
   * An agent of your own for every request (a proxy agent, for instance), replacing the transport's
   * agents: `maxSockets`, `idleTimeout` and `tls` are then ignored. It must suit the endpoint's scheme
   * (an `https.Agent` for `https://`) and should keep connections alive.
   */
  agent?: HttpAgent
}

/** The transport of {@link nodeHttpTransport}: a {@link Transport} that can also close its connections. */
export type NodeHttpTransport = Transport & {
  /**
   * Closes every connection of the transport's own agents, idle or in use (requests in flight fail
   * with a network error). Idle connections never keep the process alive, so this is needed only to
   * release them early. An agent passed as `agent` is left alone.
   */
  destroy(): void
}

const defaultMaxSockets = 256
const defaultIdleTimeout = 30_000

/**
 * A Node-only transport on `node:http` and `node:https` with keep-alive agents: a drop-in replacement of
 * the default (`fetch` through ky) that costs several times less client CPU per request. Use it where
 * the client's CPU is the bottleneck, such as large batches against a nearby gateway (docs/benchmarks.md
 * measures it against the other transports).
 *
 * Like every transport it resolves with the whole response (body read to the end, so the connection
 * goes straight back to the pool) whatever its status, and rejects only when no response arrived: with
 * the signal's reason when `request.signal` aborts (the request and its socket are destroyed at once),
 * or with an `Error` whose `cause` is Node's error (`code` `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, …),
 * which the client's retry policy reads. Bodies may be strings (sent as UTF-8), `Uint8Array`s or
 * `Blob`s (whose `type`, when the request has no `Content-Type`, becomes its `Content-Type`, as with
 * `fetch`). The transport sets `Host` and `Content-Length` itself.
 *
 * @example
 * import { Client } from 'v3io'
 * import { nodeHttpTransport } from 'v3io/node'
 *
 * const client = new Client({ endpoint: 'http://v3io-webapi:8081', maxConnections: 32, transport: nodeHttpTransport() })
 */
export function nodeHttpTransport(options: NodeHttpTransportOptions = {}): NodeHttpTransport {
  const maxSockets = options.maxSockets ?? defaultMaxSockets
  if (!((Number.isInteger(maxSockets) && maxSockets >= 1) || maxSockets === Number.POSITIVE_INFINITY))
    throw new RangeError(`nodeHttpTransport: maxSockets must be an integer ≥ 1, got ${String(maxSockets)}`)
  const idleTimeout = options.idleTimeout ?? defaultIdleTimeout
  if (!(Number.isFinite(idleTimeout) && idleTimeout >= 0))
    throw new RangeError(
      `nodeHttpTransport: idleTimeout must be milliseconds ≥ 0, got ${String(idleTimeout)}`,
    )
  const custom = options.agent
  let plain: HttpAgent | undefined
  let secure: HttpsAgent | undefined
  const agentOptions = {
    keepAlive: true,
    scheduling: 'lifo',
    maxSockets,
    maxFreeSockets: maxSockets,
  } as const
  const agentFor = (protocol: string): HttpAgent => {
    if (custom) return custom
    if (protocol === 'http:') {
      plain ??= new IdleClosingHttpAgent(agentOptions, idleTimeout)
      return plain
    }
    secure ??= new IdleClosingHttpsAgent({ ...agentOptions, ...secureOptions(options.tls) }, idleTimeout)
    return secure
  }
  const targets = new Map<string, Target>()
  // Clients talk to one endpoint: the last target is checked first, without slicing the URL.
  let last: Target | undefined
  const targetOf = (url: string, end: number): Target => {
    const prefix = url.slice(0, end)
    let target = targets.get(prefix)
    if (!target) {
      target = newTarget(prefix, agentFor, custom === undefined)
      targets.set(prefix, target)
    }
    last = target
    return target
  }
  const transport = (request: TransportRequest): Promise<RawResponse> => {
    const { url } = request
    // The client's requests are never sent abandoned; reading `signal` would create it for nothing.
    if (request.whenAbandoned === undefined && request.signal?.aborted)
      return Promise.reject(request.signal.reason)
    // The usual case: the URL of the last target, which ends where a path, query or fragment starts.
    if (last !== undefined && url.startsWith(last.prefix)) {
      const end = last.prefix.length
      if (end === url.length || authorityEnds(url.charCodeAt(end)))
        return exchange(last, pathOf(url, end), request)
    }
    let target: Target
    let end: number
    try {
      end = authorityEnd(url)
      target = targetOf(url, end)
    } catch (error) {
      return Promise.reject(error)
    }
    return exchange(target, pathOf(url, end), request)
  }
  return Object.assign(transport, {
    destroy: () => {
      plain?.destroy()
      secure?.destroy()
    },
  })
}

const slash = 0x2f

/** Where the scheme and authority of an absolute URL end: the index of the path, query or fragment. */
function authorityEnd(url: string): number {
  const start = url.indexOf('//')
  if (start < 0) throw new TypeError(`not an absolute http(s) URL: ${url}`)
  for (let index = start + 2; index < url.length; index++) {
    if (authorityEnds(url.charCodeAt(index))) return index
  }
  return url.length
}

/** Whether a character ends a URL's authority: '/', '?' or '#'. */
function authorityEnds(code: number): boolean {
  return code === slash || code === 0x3f || code === 0x23
}

/** The request target: the path and query after the authority, without a fragment (never sent). */
function pathOf(url: string, end: number): string {
  const fragment = url.indexOf('#', end)
  const stop = fragment < 0 ? url.length : fragment
  if (end === stop) return '/'
  return url.charCodeAt(end) === slash ? url.slice(end, stop) : `/${url.slice(end, stop)}`
}

/** Parses an origin once (the URL parser is too costly per request). */
function newTarget(prefix: string, agentFor: (protocol: string) => HttpAgent, ownAgents: boolean): Target {
  const parsed = new URL(prefix)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new TypeError(`unsupported protocol ${parsed.protocol} (only http: and https:)`)
  // As fetch does: credentials travel in headers, never in the URL.
  if (parsed.username || parsed.password) throw new TypeError('the URL must not include credentials')
  const secure = parsed.protocol === 'https:'
  // `net.connect` wants an IPv6 address without its brackets.
  const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname
  return {
    prefix,
    send: secure ? httpsRequest : httpRequest,
    agent: agentFor(parsed.protocol),
    hostname,
    // Node's agent works the TLS server name out of every request (a header lookup and an IP test):
    // ours get it done once, as Node would (no name for an IP address, none needed without TLS; the
    // agent's own `tls.servername` still wins). Someone else's agent is left to do as it does.
    servername: ownAgents ? (secure && !isIP(hostname) ? hostname : '') : undefined,
    port: parsed.port ? Number(parsed.port) : secure ? 443 : 80,
    // URL#host already omits the default port and brackets IPv6 addresses, as `Host` wants.
    host: parsed.host,
  }
}

/**
 * The agent's TLS options. The certificates go into one secure context built here: Node's https agent
 * otherwise appends `ca`, `cert` and `key` (whole PEM texts) to the pool key of every request.
 */
function secureOptions(tls: NodeTlsOptions | undefined): ConnectionOptions {
  if (!tls) return {}
  const { rejectUnauthorized, servername, checkServerIdentity, ...context } = tls
  const options: ConnectionOptions = {}
  if (Object.values(context).some((value) => value !== undefined))
    options.secureContext = createSecureContext(context)
  if (rejectUnauthorized !== undefined) options.rejectUnauthorized = rejectUnauthorized
  if (servername !== undefined) options.servername = servername
  if (checkServerIdentity !== undefined) options.checkServerIdentity = checkServerIdentity
  return options
}
