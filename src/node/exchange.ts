import type { Agent, ClientRequest, IncomingMessage } from 'node:http'
import type { RequestOptions } from 'node:https'
import type { RawResponse } from '../core/descriptor.js'
import { ResponseTooLargeError } from '../core/errors.js'
import { parseJsonBytes } from '../core/json-pieces.js'
import { declaredLength, progressCounter } from '../transport/progress.js'
import type { TransportRequest } from '../transport/transport.js'
import { ResponseHeaders } from './response-headers.js'
import { incomingStream, streamLength, writeBody } from './transfer-body.js'

/** An origin the transport sends to, parsed once: its URL prefix, agent and address. */
export interface Target {
  /** The URL up to the path, e.g. `http://127.0.0.1:8081`. */
  readonly prefix: string
  /** `http.request` or `https.request` (https' options: `servername` too). */
  readonly send: (options: RequestOptions) => ClientRequest
  readonly agent: Agent
  readonly hostname: string
  /** The TLS server name the transport's own agents get ('' for none); undefined for a caller's agent. */
  readonly servername: string | undefined
  readonly port: number
  /** The `Host` header's value. */
  readonly host: string
}

// Every body-less answer (HEAD, 204, empty 200) shares one empty array: nothing can be written to it.
const noBytes = new Uint8Array(0)

/** Methods whose requests announce `Content-Length: 0` when they have no body (as fetch does). */
const bodyMethods = new Set(['PUT', 'POST', 'PATCH'])

/**
 * Performs one HTTP exchange and resolves with the whole response. Headers go to Node as a flat array
 * (`[name, value, …]`), which it serialises directly instead of validating them into a map first; the
 * transport therefore writes `Host` and `Content-Length` itself and drops those from the caller.
 */
export function exchange(target: Target, path: string, request: TransportRequest): Promise<RawResponse> {
  const { body } = request
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
    return send(target, path, request, body, undefined)
  if (body instanceof ReadableStream) return send(target, path, request, body, undefined)
  // A Blob: read it first; like fetch, its type is the default Content-Type.
  return body
    .arrayBuffer()
    .then((bytes) => send(target, path, request, new Uint8Array(bytes), body.type || undefined))
}

function send(
  target: Target,
  path: string,
  request: TransportRequest,
  body: string | Uint8Array | ReadableStream<Uint8Array> | undefined,
  blobType: string | undefined,
): Promise<RawResponse> {
  const { method, transfer } = request
  // The client's requests offer `whenAbandoned`, which costs nothing until used; others have a signal.
  const cheap = request.whenAbandoned !== undefined
  const signal = cheap ? undefined : request.signal
  // Reading a Blob took a turn of the event loop: the signal may have fired meanwhile.
  if (signal?.aborted) return Promise.reject(signal.reason)
  const headers = headerList(target.host, request.headers, method, body, blobType)
  const limit = request.maxResponseBytes ?? Number.POSITIVE_INFINITY
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false
    let answered = false
    let outgoing: ClientRequest
    const finish = () => {
      settled = true
      signal?.removeEventListener('abort', onSignal)
      if (cheap) request.whenAbandoned?.(undefined)
    }
    const onAbort = (reason: unknown) => {
      if (settled) return
      finish()
      reject(reason)
      outgoing.destroy()
    }
    const onSignal = () => onAbort(signal?.reason)
    const fail = (error: Error) => {
      if (settled) return
      finish()
      // Node reports a connection refused on every address of a name as an AggregateError without a message.
      const detail = error.message || (error as { code?: string }).code || error.name
      reject(new Error(`HTTP request failed: ${detail}`, { cause: error }))
    }
    // A server may answer before reading the whole body (a 413) and close: writing the rest then fails
    // (EPIPE, ECONNRESET), but the answer stands. Once it has arrived only the response can fail.
    const onRequestError = (error: Error) => {
      if (!answered) fail(error)
    }
    const onResponse = (response: IncomingMessage) => {
      answered = true
      const status = response.statusCode ?? 0
      if (transfer?.streamResponse && status >= 200 && status < 300 && !settled) {
        finish()
        const headers = new ResponseHeaders(response.rawHeaders)
        const total = declaredLength(headers.get('Content-Length'))
        const counter = progressCounter(transfer.onDownloadProgress, total)
        resolve({
          status,
          headers,
          body: noBytes,
          stream: incomingStream(response, counter, transfer.bodyAbort),
        })
        return
      }
      const download =
        transfer &&
        progressCounter(transfer.onDownloadProgress, declaredLength(response.headers['content-length']))
      let first: Buffer | undefined
      let rest: Buffer[] | undefined
      let length = 0
      response.on('data', (chunk: Buffer) => {
        length += chunk.byteLength
        download?.add(chunk.byteLength)
        if (length > limit) {
          if (settled) return
          finish()
          reject(new ResponseTooLargeError(limit))
          outgoing.destroy()
          return
        }
        if (first === undefined) first = chunk
        else if (rest === undefined) rest = [chunk]
        else rest.push(chunk)
      })
      response.on('error', fail)
      response.on('end', () => {
        if (settled) return
        finish()
        resolve({
          status,
          headers: new ResponseHeaders(response.rawHeaders),
          body: first === undefined ? noBytes : joinChunks(first, rest, length),
          parseJson: parseJsonBytes,
        })
      })
    }
    try {
      outgoing = target.send({
        agent: target.agent,
        host: target.hostname,
        servername: target.servername,
        port: target.port,
        method,
        path,
        headers,
      })
    } catch (error) {
      // Node validates the method, path and headers synchronously.
      fail(error as Error)
      return
    }
    outgoing.on('response', onResponse)
    // Stays attached for the request's whole life: an 'error' without a listener would crash the process.
    outgoing.on('error', onRequestError)
    if (cheap) request.whenAbandoned?.(onAbort)
    else signal?.addEventListener('abort', onSignal)
    if (transfer === undefined && !(body instanceof ReadableStream)) outgoing.end(body)
    else {
      const total = body instanceof ReadableStream ? streamLength(request.headers) : byteLength(body)
      writeBody(outgoing, body, progressCounter(transfer?.onUploadProgress, total), total)
    }
  })
}

/** The request headers as Node's flat array: `Host`, the caller's (but framing ones), the body's. */
function headerList(
  host: string,
  given: Record<string, string>,
  method: string,
  body: string | Uint8Array | ReadableStream<Uint8Array> | undefined,
  blobType: string | undefined,
): string[] {
  const list = ['Host', host]
  let typed = false
  for (const name in given) {
    const value = given[name]
    if (value === undefined) continue
    if (ownedHeader(name)) continue
    if (blobType !== undefined && name.length === 12 && name.toLowerCase() === 'content-type') typed = true
    list.push(name, value)
  }
  // A stream's length is unknown unless declared (contentLength): Node sends it chunked.
  if (body instanceof ReadableStream) {
    const length = streamLength(given)
    if (length !== undefined) list.push('Content-Length', String(length))
    return list
  }
  if (body !== undefined) list.push('Content-Length', String(byteLength(body)))
  else if (bodyMethods.has(method)) list.push('Content-Length', '0')
  if (blobType !== undefined && !typed) list.push('Content-Type', blobType)
  return list
}

function byteLength(body: string | Uint8Array | undefined): number {
  if (body === undefined) return 0
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
}

/** Headers the transport writes itself (framing and connection management), whatever the caller says. */
function ownedHeader(name: string): boolean {
  // Only names of the right lengths are lower-cased: the usual ones never are.
  switch (name.length) {
    case 4:
      return name.toLowerCase() === 'host'
    case 10: {
      const lower = name.toLowerCase()
      return lower === 'connection' || lower === 'keep-alive'
    }
    case 14:
      return name.toLowerCase() === 'content-length'
    case 17:
      return name.toLowerCase() === 'transfer-encoding'
    default:
      return false
  }
}

/**
 * The body as a plain `Uint8Array` that owns its whole buffer, as fetch's `arrayBuffer()` gives: Node's
 * HTTP parser already copies each body chunk into a buffer of its own, so a single chunk is only
 * wrapped (no copy); several are joined.
 */
function joinChunks(first: Buffer, rest: Buffer[] | undefined, length: number): Uint8Array {
  if (rest === undefined && first.byteOffset === 0 && first.buffer.byteLength === length)
    return new Uint8Array(first.buffer, 0, length)
  const body = new Uint8Array(length)
  body.set(first, 0)
  let offset = first.byteLength
  for (const chunk of rest ?? []) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
