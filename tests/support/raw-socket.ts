import { connect } from 'node:net'

/** What came back on a raw connection, and whether writing to it ever failed. */
export interface RawExchange {
  /** Everything the server sent, as Latin-1 text. */
  readonly received: string
  /** The status of the first final (non-1xx) answer, or 0 when none came. */
  readonly status: number
  /** Whether the connection was still open when the time ran out. */
  readonly timedOut: boolean
  /** The error a write or the connection raised (EPIPE, ECONNRESET), if any. */
  readonly error: NodeJS.ErrnoException | undefined
}

/**
 * Sends `head` and then `body` in `chunkSize` pieces on one TCP connection, half-closes it (unless told
 * not to), and
 * collects the answer until the server closes the connection (or `timeoutMs` passes).
 */
export function rawExchange(
  baseUrl: string,
  head: string,
  body: Uint8Array = new Uint8Array(0),
  { chunkSize = 16 * 1024, timeoutMs = 10_000, halfClose = true } = {},
): Promise<RawExchange> {
  const url = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname)
    const received: Buffer[] = []
    let error: NodeJS.ErrnoException | undefined
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      socket.destroy()
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    socket.on('error', (failure: NodeJS.ErrnoException) => {
      error ??= failure
    })
    socket.on('close', () => {
      clearTimeout(timer)
      const text = Buffer.concat(received).toString('latin1')
      const status = Number(/(?:^|\r\n)HTTP\/1\.1 ([2-9]\d\d)/.exec(text)?.[1] ?? 0)
      resolve({ received: text, status, timedOut, error })
    })
    socket.on('connect', async () => {
      socket.write(head)
      for (let offset = 0; offset < body.length && !socket.destroyed; offset += chunkSize) {
        const piece = body.subarray(offset, offset + chunkSize)
        if (!socket.write(piece)) await new Promise((resume) => socket.once('drain', resume))
      }
      if (halfClose && !socket.destroyed) socket.end()
    })
  })
}
