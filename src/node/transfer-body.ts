import type { ClientRequest, IncomingMessage } from 'node:http'
import { contentLengthError } from '../core/stream-body.js'
import { type BodyAbort, declaredLength, type ProgressCounter } from '../transport/progress.js'
import { relayStream } from '../transport/relay-stream.js'

// Pieces a byte body is written in when its upload progress is reported: small enough for a smooth
// display, large enough to cost nothing next to the network.
const piece = 64 * 1024

/**
 * Writes a request body that is a stream, or whose progress is watched, honouring back-pressure (the
 * source is read no faster than the socket drains), then ends the request. When the request is
 * destroyed (abandoned, or the server answered early and closed) the source stream is cancelled; when
 * the source fails, the request is destroyed with its error. A stream with a declared `length` is held
 * to it (see {@link relayStream}).
 */
export async function writeBody(
  outgoing: ClientRequest,
  body: string | Uint8Array | ReadableStream<Uint8Array> | undefined,
  counter: ProgressCounter | undefined,
  length: number | undefined,
): Promise<void> {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    const bytes = typeof body === 'string' ? Buffer.from(body) : (body ?? new Uint8Array(0))
    for (let offset = 0; offset < bytes.byteLength; offset += piece) {
      const chunk = bytes.subarray(offset, offset + piece)
      if (!outgoing.write(chunk)) await drained(outgoing)
      if (outgoing.destroyed) return
      counter?.add(chunk.byteLength)
    }
    outgoing.end()
    return
  }
  const declared = length === undefined ? undefined : { bytes: length, error: contentLengthError }
  const reader = (declared ? relayStream(body, { length: declared }) : body).getReader()
  // Destroyed while the source makes its next chunk (a slow producer): cancel the source now, rather
  // than when that chunk comes, if it ever does.
  const onClose = () => {
    reader.cancel().catch(() => undefined)
  }
  outgoing.once('close', onClose)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (outgoing.destroyed) {
        await reader.cancel()
        return
      }
      if (done) break
      if (!outgoing.write(value)) await drained(outgoing)
      counter?.add(value.byteLength)
    }
    outgoing.end()
  } catch (error) {
    outgoing.destroy(error as Error)
    reader.cancel(error).catch(() => undefined)
  } finally {
    outgoing.off('close', onClose)
  }
}

/** Resolves once the request can take more, or is closed (it will take nothing more). */
function drained(outgoing: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off('drain', done)
      outgoing.off('close', done)
      resolve()
    }
    outgoing.on('drain', done)
    outgoing.on('close', done)
  })
}

/**
 * The length a stream body declares in its `Content-Length` header (putObject's `contentLength`), if
 * any: the stream is then sent with that header instead of chunked.
 */
export function streamLength(headers: Record<string, string>): number | undefined {
  return declaredLength(headers['Content-Length'])
}

/**
 * A response body as a web stream, read from the socket only as fast as the stream's reader takes it
 * (at most one chunk waits in the stream). Cancelling the stream, or aborting `abort`'s signal, destroys
 * the response and its socket, which leaves the agent's pool; a connection lost before the end errors
 * the stream.
 */
export function incomingStream(
  response: IncomingMessage,
  counter: ProgressCounter | undefined,
  abort: BodyAbort | undefined,
): ReadableStream<Uint8Array> {
  const stream = socketStream(response, counter)
  return abort ? relayStream(stream, { abort }) : stream
}

function socketStream(
  response: IncomingMessage,
  counter: ProgressCounter | undefined,
): ReadableStream<Uint8Array> {
  let over = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      response.on('data', (chunk: Buffer) => {
        counter?.add(chunk.byteLength)
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 0) <= 0) response.pause()
      })
      response.on('end', () => {
        if (over) return
        over = true
        controller.close()
      })
      const lost = (error?: Error) => {
        if (over) return
        over = true
        controller.error(error ?? new Error('the connection closed before the response body ended'))
      }
      response.on('error', lost)
      response.on('close', () => {
        if (!response.complete) lost()
      })
    },
    pull() {
      response.resume()
    },
    cancel() {
      over = true
      response.destroy()
    },
  })
}
