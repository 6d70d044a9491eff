import { type AddressInfo, createServer, type Socket } from 'node:net'

/** What the server does with the request number `index` (0-based, across connections). */
export type Misbehaviour =
  /** Sends the status line and headers of a 200 with a 100-byte body, then nothing, forever. */
  | 'headers-then-silence'
  /** Sends a 200 whose chunked body never ends (a chunk every few milliseconds). */
  | 'endless-body'
  /** Answers 413 with a JSON error as soon as the headers arrive, without reading the body, then resets. */
  | 'early-413'
  /** Answers 200 with the body `ok`. */
  | 'ok'

/** A raw TCP server speaking just enough HTTP/1.1 to misbehave in the ways tests need. */
export interface MisbehavingServer {
  readonly url: string
  /** Requests seen so far (their header blocks arrived). */
  readonly requests: number
  /** TCP connections accepted so far. */
  readonly connections: number
  close(): Promise<void>
}

/** Starts the server on a free port; `plan(index)` says how to answer request `index`. */
export async function startMisbehavingServer(
  plan: (index: number) => Misbehaviour,
): Promise<MisbehavingServer> {
  let requests = 0
  let connections = 0
  const sockets = new Set<Socket>()
  const timers = new Set<ReturnType<typeof setInterval>>()
  const server = createServer((socket) => {
    connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    let pending = ''
    let bodyLeft = 0
    const onData = (chunk: Buffer) => {
      if (bodyLeft > 0) {
        const used = Math.min(bodyLeft, chunk.length)
        bodyLeft -= used
        chunk = chunk.subarray(used)
      }
      pending += chunk.toString('latin1')
      let end = pending.indexOf('\r\n\r\n')
      while (end >= 0) {
        const head = pending.slice(0, end)
        pending = pending.slice(end + 4)
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
        const misbehaviour = plan(requests++)
        if (misbehaviour === 'early-413') {
          const body = '{"ErrorCode":-27,"ErrorMessage":"File too large"}'
          socket.off('data', onData)
          socket.write(
            `HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
          )
          // Unread body bytes make the kernel reset the connection, as a server refusing a body does.
          socket.destroy()
          return
        }
        // The body of an ordinary request is skipped.
        const inBuffer = Math.min(length, pending.length)
        pending = pending.slice(inBuffer)
        bodyLeft = length - inBuffer
        if (misbehaviour === 'headers-then-silence') {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n')
          return
        }
        if (misbehaviour === 'endless-body') {
          socket.write(
            'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
          )
          const chunkText = 'x'.repeat(64 * 1024)
          const timer = setInterval(() => {
            if (socket.destroyed) {
              clearInterval(timer)
              timers.delete(timer)
              return
            }
            socket.write(`${chunkText.length.toString(16)}\r\n${chunkText}\r\n`)
          }, 2)
          timers.add(timer)
          return
        }
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')
        end = pending.indexOf('\r\n\r\n')
      }
    }
    socket.on('data', onData)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests
    },
    get connections() {
      return connections
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer)
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
