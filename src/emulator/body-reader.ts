/**
 * Reads request bodies within their limit (ED-5) without extra copies, and discards the rest of a body
 * that is over the limit before the 413 goes out, so that the client reads the answer instead of
 * failing to write into a closed connection (docs/emulator-safety.md, "Bodies").
 */

import type { IncomingMessage } from 'node:http'
import { tooLarge } from './api-error.js'

/** Most bytes of an oversized body discarded before answering 413; past it the connection is closed. */
export const DISCARD_LIMIT = 64 * 1024 * 1024
/** Longest wait for the rest of an oversized body before answering 413 anyway. */
export const DISCARD_TIMEOUT_MS = 10_000

/** The 413 message of a body: function calls and objects have their own (ED-5). */
export type TooLargeMessage = 'Request entity too large' | 'File too large'

/**
 * The request's body. With `Content-Length` the bytes go straight into one buffer of that size
 * (allocated when the first chunk arrives, so idle connections cost nothing); chunked bodies are
 * collected and joined once. Over `limit`, the rest of the body is discarded (up to
 * {@link DISCARD_LIMIT}) and a 413 `ApiError` is thrown.
 */
export async function readBody(
  request: IncomingMessage,
  limit: number,
  message: TooLargeMessage,
): Promise<Uint8Array> {
  const header = request.headers['content-length']
  const declared = header === undefined ? undefined : Number(header)
  if (declared !== undefined && declared > limit) {
    await discard(request, declared)
    throw tooLarge(message)
  }
  if (declared === 0) return new Uint8Array(0)
  const outcome = await collect(request, limit, declared)
  if (outcome === 'too large') throw tooLarge(message)
  return outcome
}

/** The body's bytes, or `'too large'` once the rest of an oversized body has been discarded. */
function collect(
  request: IncomingMessage,
  limit: number,
  declared: number | undefined,
): Promise<Uint8Array | 'too large'> {
  return new Promise((resolve, reject) => {
    let buffer: Uint8Array | undefined
    const chunks: Buffer[] = []
    let total = 0
    const stop = () => {
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
      request.off('close', onClose)
    }
    const onData = (chunk: Buffer) => {
      if (total + chunk.length > limit) {
        stop()
        discard(request, (declared ?? total) - total - chunk.length).then(() => resolve('too large'))
        return
      }
      if (declared !== undefined) {
        buffer ??= new Uint8Array(declared)
        buffer.set(chunk, total)
      } else {
        chunks.push(chunk)
      }
      total += chunk.length
    }
    const onEnd = () => {
      stop()
      resolve(buffer ?? join(chunks, total))
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    const onClose = () => {
      if (request.complete) return
      stop()
      reject(new Error('the client closed the connection before sending its whole body'))
    }
    request.on('data', onData)
    request.once('end', onEnd)
    request.once('error', onError)
    request.once('close', onClose)
  })
}

// One copy into a buffer of the exact size: a chunk's own memory may be a slice of a larger one.
function join(chunks: readonly Buffer[], total: number): Uint8Array {
  const joined = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.length
  }
  return joined
}

/**
 * Reads and drops what remains of a body. Resolves at its end, or without waiting when more than
 * {@link DISCARD_LIMIT} remains (`expected`, when known), or after {@link DISCARD_TIMEOUT_MS}: the 413
 * then goes out with `Connection: close` and the client may see the connection close while it writes.
 */
function discard(request: IncomingMessage, expected: number): Promise<void> {
  if (request.complete || expected > DISCARD_LIMIT) return Promise.resolve()
  return new Promise((resolve) => {
    let discarded = 0
    const done = () => {
      clearTimeout(timer)
      request.off('data', onData)
      request.off('end', done)
      request.off('close', done)
      request.off('error', done)
      resolve()
    }
    const onData = (chunk: Buffer) => {
      discarded += chunk.length
      if (discarded > DISCARD_LIMIT) {
        request.pause()
        done()
      }
    }
    const timer = setTimeout(done, DISCARD_TIMEOUT_MS)
    request.on('data', onData)
    request.once('end', done)
    request.once('close', done)
    request.once('error', done)
    request.resume()
  })
}
