import type { RawResponse, RequestBody } from '../core/descriptor.js'
import { declaredLength, progressCounter } from './progress.js'
import { relayStream } from './relay-stream.js'
import type { TransportRequest } from './transport.js'

type Send = (url: string, init: RequestInit) => Promise<globalThis.Response>
/**
 * What fetch-transport.ts passes in, so that this module, loaded on demand, imports nothing the entry
 * has (a copy would be a second class for `instanceof`, and a chunk shared with the entry costs it).
 */
export interface EntryParts {
  /** fetch-transport.ts's `readRawResponse`. */
  readonly readRawResponse: (
    response: globalThis.Response,
    method: string,
    limit?: number,
  ) => Promise<RawResponse>
  /** core/abort-signals.ts's `whenAborted`. */
  readonly whenAborted: (signal: AbortSignal, action: (reason: unknown) => void) => () => void
  /** core/stream-body.ts's `contentLengthError`. */
  readonly contentLengthError: (message: string) => unknown
  /** fetch-transport.ts's `readAtMost`: a stream's bytes, or the stream's own error. */
  readonly readAtMost: (stream: ReadableStream<Uint8Array>, limit: number) => Promise<Uint8Array>
}

// Pieces a byte body is streamed in when its upload progress is reported.
const piece = 64 * 1024

/**
 * The init of a stream body. `duplex: 'half'` is required by fetch (the response may not start before
 * the upload ends). `redirect: 'error'` keeps undici from cloning the request to be able to follow a
 * redirect: the clone tees the body, and the branch kept for the redirect buffers every byte sent, the
 * whole object in memory (docs/decisions-io.md, IO-1). A stream cannot be sent twice, so a redirect
 * could not be followed anyway: fetch fails it either way.
 */
const streamInit = { duplex: 'half', redirect: 'error' } as const

/**
 * Whether `fetch` can send a `ReadableStream` request body here. Node (undici), Bun and Deno stream it
 * over HTTP/1.1; browsers need HTTP/2 (Chromium refuses a stream body over HTTP/1.1, which is what an
 * emulator or most gateways speak, and Firefox and Safari have no upload streams), so there the stream
 * is read whole first (docs/decisions-io.md, IO-1).
 */
function streamsUploads(): boolean {
  const runtime = globalThis as { process?: { versions?: { node?: unknown } }; Deno?: unknown }
  return typeof runtime.process?.versions?.node === 'string' || runtime.Deno !== undefined
}

/**
 * An exchange through a fetch-shaped `send` for a request with a stream body or a
 * {@link TransportRequest.transfer}: streams the upload (or buffers it where fetch cannot stream),
 * counts progress, and hands a successful response's body over unread when asked to.
 */
export async function fetchTransfer(
  send: Send,
  request: TransportRequest,
  entry: EntryParts,
): Promise<RawResponse> {
  const { transfer, signal } = request
  const headers = { ...request.headers }
  const upload = await uploadBody(request.body, headers, transfer?.onUploadProgress, signal, entry)
  const response = await send(request.url, {
    method: request.method,
    headers,
    body: upload.body as BodyInit | null,
    signal,
    ...(upload.body instanceof ReadableStream ? streamInit : undefined),
  })
  upload.finish()
  const { status } = response
  const download = progressCounter(
    transfer?.onDownloadProgress,
    declaredLength(response.headers.get('Content-Length')),
  )
  if (transfer?.streamResponse && status >= 200 && status < 300 && response.body) {
    const abort = transfer.bodyAbort
    const stream =
      download || abort ? relayStream(response.body, { counter: download, abort }) : response.body
    return { status, headers: response.headers, body: new Uint8Array(0), stream }
  }
  const counted =
    download && response.body
      ? new globalThis.Response(relayStream(response.body, { counter: download }), {
          status,
          headers: response.headers,
        })
      : response
  return entry.readRawResponse(counted, request.method, request.maxResponseBytes)
}

/**
 * The body to give fetch, and what to do once the response has arrived (complete the progress). A
 * stream is relayed: counted, held to its declared length (`Content-Length`, from `contentLength`), and
 * cancelled when the exchange is abandoned — fetch itself leaves a source that is slow to yield its next
 * chunk alone.
 */
async function uploadBody(
  body: RequestBody | undefined,
  headers: Record<string, string>,
  onProgress: ((progress: { loaded: number; total: number | undefined }) => void) | undefined,
  signal: AbortSignal,
  entry: EntryParts,
): Promise<{ body: RequestBody | undefined; finish: () => void }> {
  const stream = body instanceof ReadableStream
  const total = stream ? declaredLength(headers['Content-Length']) : sizeOf(body)
  const counter = progressCounter(onProgress, total)
  const finish = () => {
    if (counter && total !== undefined && counter.loaded < total) counter.add(total - counter.loaded)
  }
  if (stream) {
    const relayed = relayStream(body, {
      counter,
      length: total === undefined ? undefined : { bytes: total, error: entry.contentLengthError },
      abort: { watch: (onAbort) => entry.whenAborted(signal, onAbort) },
    })
    // Read here rather than by a Response, whose reading fails with a bare `TypeError` (Chromium).
    if (!streamsUploads()) return { body: await entry.readAtMost(relayed, Number.POSITIVE_INFINITY), finish }
    return { body: relayed, finish }
  }
  if (!counter || body === undefined || !streamsUploads()) {
    counter?.add(0)
    return { body, finish }
  }
  // Streamed in pieces to count them; the length is known, so the body keeps its Content-Length.
  headers['Content-Length'] = String(total)
  const source = typeof body === 'string' ? new TextEncoder().encode(body) : body
  return { body: relayStream(pieces(source), { counter }), finish }
}

function sizeOf(body: string | Uint8Array | Blob | undefined): number {
  if (body === undefined) return 0
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength
  return body instanceof Uint8Array ? body.byteLength : body.size
}

/** A byte body or Blob as a stream of pieces, each read when fetch asks for it. */
function pieces(source: Uint8Array | Blob): ReadableStream<Uint8Array> {
  if (!(source instanceof Uint8Array)) return source.stream()
  let offset = 0
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= source.byteLength) {
          controller.close()
          return
        }
        controller.enqueue(source.subarray(offset, offset + piece))
        offset += piece
      },
    },
    { highWaterMark: 0 },
  )
}
