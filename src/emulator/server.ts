import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ApiError, containerNotFound, invalidArgument, methodNotAllowed, tooLarge } from './api-error.js'
import { authenticate } from './authentication.js'
import type { HandlerResult, RequestContext } from './context.js'
import { answerOptions, corsHeaders } from './cors.js'
import type { FaultInjector } from './faults.js'
import { listContainers } from './objects/list-containers.js'
import { parseRequestTarget } from './request-target.js'
import { allowedMethods, functionRoute, objectRoute } from './router.js'
import type { EmulatorSettings } from './settings.js'
import type { Store } from './storage/store.js'

const mebibyte = 1024 * 1024
const knownMethods = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'])

/** Called once per answered request; never receives credentials. */
export type RequestLogger = (entry: {
  method: string
  url: string
  status: number
  milliseconds: number
  /** Warnings the request raised (e.g. ED-40R's unguarded shard write); absent when there are none. */
  warnings?: readonly string[]
}) => void

/**
 * Creates the emulator's HTTP server: one pipeline for every request — normalise the target, CORS,
 * authentication, read the body within its limit, route, handle, write the answer.
 */
export function createEmulatorServer(
  store: Store,
  settings: EmulatorSettings,
  log?: RequestLogger,
  faults?: FaultInjector,
): Server {
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now()
    const warnings: string[] = []
    handle(request, store, settings, warnings)
      .catch((error: unknown) => errorResult(error, request))
      .then((result) => {
        // The client went away (aborted while we read its body): nobody is left to answer.
        if (result === undefined) {
          response.destroy()
          return
        }
        write(request, response, result, settings)
        log?.({
          method: request.method ?? '',
          url: request.url ?? '',
          status: result.status,
          milliseconds: performance.now() - started,
          ...(warnings.length > 0 ? { warnings } : {}),
        })
      })
      .catch(() => response.destroy())
  }
  // Tests may inject faults (src/emulator/faults.ts) in front of the pipeline.
  const server = createServer((request, response) =>
    faults ? faults.intercept(request, response, serve) : serve(request, response),
  )
  // Idle connections stay open ≥ 120 s and no request is cut short under 10 minutes (ED-19).
  server.keepAliveTimeout = 125_000
  server.headersTimeout = 130_000
  server.requestTimeout = 600_000
  return server
}

async function handle(
  request: IncomingMessage,
  store: Store,
  settings: EmulatorSettings,
  warnings: string[],
): Promise<HandlerResult> {
  const method = request.method ?? ''
  const target = parseRequestTarget(request.url ?? '/')
  if (method === 'OPTIONS') return { status: 204, ...answerOptions(request, settings) }
  if (!knownMethods.has(method)) throw methodNotAllowed(allowedMethods)
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

async function readBody(
  request: IncomingMessage,
  limit: number,
  message: 'Request entity too large' | 'File too large',
): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge(message)
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > limit) throw tooLarge(message)
    chunks.push(chunk)
  }
  if (chunks.length === 1) return new Uint8Array(chunks[0] as Buffer)
  return new Uint8Array(Buffer.concat(chunks, total))
}

function errorResult(error: unknown, request: IncomingMessage): HandlerResult | undefined {
  if (request.destroyed && !(error instanceof ApiError)) return undefined
  if (error instanceof ApiError) {
    return {
      status: error.status,
      headers: error.headers,
      body: JSON.stringify(error.payload()),
      contentType: 'application/json',
    }
  }
  // A bug of ours: answer with a JSON error rather than dropping the connection, and say so loudly.
  console.error('v3io-emulator: unexpected error', error)
  return {
    status: 500,
    body: JSON.stringify({ ErrorCode: -1, ErrorMessage: 'InternalError' }),
    contentType: 'application/json',
  }
}

function write(
  request: IncomingMessage,
  response: ServerResponse,
  result: HandlerResult,
  settings: EmulatorSettings,
): void {
  const body = typeof result.body === 'string' ? Buffer.from(result.body) : (result.body ?? new Uint8Array(0))
  const headers: Record<string, string | number> = { ...corsHeaders(request, settings), ...result.headers }
  const isHead = request.method === 'HEAD'
  headers['Content-Length'] = isHead ? (result.contentLength ?? body.length) : body.length
  if (body.length > 0 && result.contentType) headers['Content-Type'] = result.contentType
  // A request whose body we refused to read cannot be followed on the same connection.
  if (result.status === 413) headers.Connection = 'close'
  response.writeHead(result.status, headers)
  response.end(isHead ? undefined : body)
}
