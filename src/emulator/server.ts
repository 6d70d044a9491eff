import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ApiError, containerNotFound, invalidArgument, methodNotAllowed } from './api-error.js'
import { authenticate } from './authentication.js'
import { readBody } from './body-reader.js'
import type { ConnectionTracker } from './connection-tracker.js'
import { consoleFileResult, consoleScript, isConsoleRequest } from './console-page.js'
import type { HandlerResult, RequestContext } from './context.js'
import { serveControlPlane } from './control-plane/routes.js'
import { answerOptions, corsHeaders, refuseForeignOrigin } from './cors.js'
import type { FaultInjector, ServeOptions } from './faults.js'
import { listContainers } from './objects/list-containers.js'
import { isHostAllowed } from './origin-policy.js'
import { parseRequestTarget } from './request-target.js'
import { allowedMethods, functionRoute, objectRoute } from './router.js'
import type { EmulatorSettings } from './settings.js'
import type { Store } from './storage/store.js'

const mebibyte = 1024 * 1024
const knownMethods = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'])

/** Seconds-scale limits of every connection (docs/emulator-safety.md, "Connections"). */
export const connectionTimeouts = {
  /** Idle keep-alive connections stay open ≥ 120 s (ED-19). */
  keepAlive: 125_000,
  /** A new connection's first request head must arrive within this long (keep-alive idle time is `keepAlive`). */
  headers: 30_000,
  /** No request is cut short under 10 minutes (ED-19). */
  request: 600_000,
  /** How often Node checks the two above. */
  checkingInterval: 2_000,
} as const

/** Called once per answered request; never receives credentials. */
export type RequestLogger = (entry: {
  method: string
  url: string
  status: number
  milliseconds: number
  /** For a 500: the stack of the unexpected error, so that the bug can be found. */
  error?: string
  /** Warnings the request raised (e.g. ED-40R's unguarded shard write); absent when there are none. */
  warnings?: readonly string[]
}) => void

/** What the pipeline needs besides the store and the settings; all optional. */
export interface ServerHooks {
  readonly log?: RequestLogger | undefined
  readonly faults?: FaultInjector | undefined
  /** Shutdown state: answers carry `Connection: close` once it drains. */
  readonly connections?: Pick<ConnectionTracker, 'draining'> | undefined
}

/**
 * Creates the emulator's HTTP server: one pipeline for every request — normalise the target, check the
 * `Host`, CORS, authentication, read the body within its limit, route, handle, write the answer.
 */
export function createEmulatorServer(
  store: Store,
  settings: EmulatorSettings,
  hooks: ServerHooks = {},
): Server {
  const { log, faults } = hooks
  const serve = (request: IncomingMessage, response: ServerResponse, options?: ServeOptions) => {
    const started = performance.now()
    let failure: string | undefined
    const warnings: string[] = []
    handle(request, store, settings, options, warnings)
      // Durable before answered: a persistent store writes the request's changes here (or fails it 500).
      .finally(() => store.commit())
      .catch((error: unknown) => {
        const result = errorResult(error, request, response)
        if (result?.status === 500) failure = errorText(error)
        return result
      })
      .then((result) => {
        // The client went away (aborted while we read its body): nobody is left to answer.
        if (result === undefined) {
          response.destroy()
          return
        }
        write(request, response, result, settings, hooks)
        report(log, { request, status: result.status, started, error: failure, warnings })
      })
      .catch((error: unknown) => {
        // Writing the answer failed (a handler's header value Node refuses, say): still answer if we can.
        try {
          if (response.headersSent || response.destroyed) response.destroy()
          else write(request, response, internalError, settings, hooks)
        } catch {
          response.destroy()
        }
        report(log, { request, status: 500, started, error: errorText(error) })
      })
  }
  // Tests may inject faults (src/emulator/faults.ts) in front of the pipeline.
  const server = createServer(
    { connectionsCheckingInterval: connectionTimeouts.checkingInterval },
    (request, response) => (faults ? faults.intercept(request, response, serve) : serve(request, response)),
  )
  server.keepAliveTimeout = connectionTimeouts.keepAlive
  server.headersTimeout = connectionTimeouts.headers
  server.requestTimeout = connectionTimeouts.request
  return server
}

async function handle(
  request: IncomingMessage,
  store: Store,
  settings: EmulatorSettings,
  options: ServeOptions | undefined,
  warnings: string[],
): Promise<HandlerResult> {
  const method = request.method ?? ''
  const target = parseRequestTarget(request.url ?? '/')
  if (!isHostAllowed(request.headers.host, settings.allowedHosts)) {
    throw new ApiError(403, -1, 'Operation not permitted: host not allowed')
  }
  // With --console, a browser's page request for /console/ and the page's scripts under /_console/
  // (docs/console.md); the data plane is untouched.
  if (settings.console) {
    if (isConsoleRequest(method, target, request.headers))
      return consoleFileResult(settings.console.page, 'page')
    const script = consoleScript(method, target, request.headers, settings.console)
    if (script) return consoleFileResult(script, 'script')
  }
  if (method === 'OPTIONS') return { status: 204, ...answerOptions(request, settings) }
  refuseForeignOrigin(request, settings)
  if (!knownMethods.has(method)) throw methodNotAllowed(allowedMethods)
  // The control plane shares the port under `/api/` (CP-1) and authenticates by cookie (CP-4).
  if (target.segments[0] === 'api')
    return serveControlPlane(request, target.segments.slice(1), store, settings)
  authenticate(request, settings)
  const functionName = headerValue(request, 'x-v3io-function')
  if (functionName !== undefined && method !== 'PUT' && method !== 'POST') throw methodNotAllowed('PUT, POST')

  const [containerName, ...segments] = target.segments
  if (containerName === undefined) {
    if (functionName !== undefined) throw invalidArgument('a function call needs a container')
    if (method === 'GET') return listContainers(store)
    if (method === 'HEAD') return { status: 200 }
    throw methodNotAllowed('GET, HEAD, OPTIONS')
  }
  const container = store.findContainer(containerName)
  if (!container) throw containerNotFound()

  let handler = functionName === undefined ? undefined : functionRoute(functionName)
  if (functionName !== undefined && !handler) throw invalidArgument(`unknown function '${functionName}'`)
  if (!handler) {
    const kind = segments.length === 0 ? 'container' : target.trailingSlash ? 'directory' : 'object'
    handler = objectRoute(method, kind)
  }
  const limit =
    functionName === 'PutRecords' ? 10 * mebibyte : functionName ? 2 * mebibyte : settings.maxObjectSize
  const body = await readBody(request, limit, functionName ? 'Request entity too large' : 'File too large')
  if (options?.failAfterBody) throw new Error('injected fault: failure after the body was read')
  const context: RequestContext = {
    method,
    functionName,
    container,
    segments,
    trailingSlash: target.trailingSlash,
    query: target.query,
    headers: request.headers,
    body,
    store,
    settings,
    warn: (message) => warnings.push(message),
  }
  return handler(context)
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.at(-1) : value
}

const internalError: HandlerResult = {
  status: 500,
  body: JSON.stringify({ ErrorCode: -1, ErrorMessage: 'InternalError' }),
  contentType: 'application/json',
}

function errorResult(
  error: unknown,
  request: IncomingMessage,
  response: ServerResponse,
): HandlerResult | undefined {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      headers: error.headers,
      body: JSON.stringify(error.payload()),
      contentType: 'application/json',
    }
  }
  // A request stream ends destroyed once fully read, so only the socket tells whether the client left.
  if (request.socket.destroyed || response.destroyed) return undefined
  // A bug of ours: answer with the contract's JSON error rather than dropping the connection.
  return internalError
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
}

function report(
  log: RequestLogger | undefined,
  {
    request,
    status,
    started,
    error,
    warnings,
  }: {
    request: IncomingMessage
    status: number
    started: number
    error?: string | undefined
    warnings?: readonly string[] | undefined
  },
): void {
  const entry = {
    method: request.method ?? '',
    url: request.url ?? '',
    status,
    milliseconds: performance.now() - started,
    ...(error === undefined ? {} : { error }),
    ...(warnings !== undefined && warnings.length > 0 ? { warnings } : {}),
  }
  try {
    if (log) log(entry)
    // Without a logger, an unexpected error must still be seen.
    else if (error !== undefined) console.error(`v3io-emulator: ${entry.method} ${entry.url} failed:`, error)
  } catch (failure) {
    // A logger that throws must not take the server down (an unhandled rejection would end the process).
    console.error('v3io-emulator: the request logger threw', failure)
  }
}

function write(
  request: IncomingMessage,
  response: ServerResponse,
  result: HandlerResult,
  settings: EmulatorSettings,
  hooks: ServerHooks,
): void {
  const body = typeof result.body === 'string' ? Buffer.from(result.body) : (result.body ?? new Uint8Array(0))
  const headers: Record<string, string | number> = { ...corsHeaders(request, settings), ...result.headers }
  const isHead = request.method === 'HEAD'
  headers['Content-Length'] = isHead ? (result.contentLength ?? body.length) : body.length
  if (body.length > 0 && result.contentType) headers['Content-Type'] = result.contentType
  // After a 413 the rest of the body may be unread; during shutdown no further request is taken.
  if (result.status === 413 || hooks.connections?.draining) headers.Connection = 'close'
  response.writeHead(result.status, headers)
  response.end(isHead ? undefined : body)
}
