/**
 * Keeps the emulator's connections in check (docs/emulator-safety.md, "Connections"): idle connections
 * — keep-alive ones between requests and new ones that have not finished sending a request's headers —
 * beyond a cap are closed, least recently active first, so that idle clients cannot use up the file
 * descriptors that active ones need; and on shutdown, in-flight requests are let finish.
 */

import type { Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/** Default most idle connections kept open. */
export const DEFAULT_MAX_IDLE_CONNECTIONS = 128

/** Tracks a server's connections: which are busy, which idle and since when. */
export class ConnectionTracker {
  /** Idle sockets, least recently active first (a Map keeps insertion order). */
  readonly #idle = new Map<Socket, true>()
  /** Busy sockets and how many of their requests are unanswered. */
  readonly #busy = new Map<Socket, number>()
  #draining = false
  #onQuiet: (() => void) | undefined

  constructor(
    private readonly server: Server,
    private readonly maxIdle: number,
  ) {
    server.on('connection', (socket: Socket) => {
      this.#idle.set(socket, true)
      socket.once('close', () => {
        this.#idle.delete(socket)
        if (this.#busy.delete(socket)) this.#checkQuiet()
      })
      this.#evict()
    })
    server.on('request', (request: { socket: Socket }, response: ServerResponse) => {
      const socket = request.socket
      this.#idle.delete(socket)
      this.#busy.set(socket, (this.#busy.get(socket) ?? 0) + 1)
      response.once('close', () => this.#finished(socket))
    })
  }

  /** Whether shutdown has begun: answers then carry `Connection: close`. */
  get draining(): boolean {
    return this.#draining
  }

  /** Connections with a request in progress. */
  get busy(): number {
    return this.#busy.size
  }

  /** Connections open and idle. */
  get idle(): number {
    return this.#idle.size
  }

  /**
   * Stops accepting connections, closes idle ones, and resolves once every in-flight request has been
   * answered or `graceMs` has passed; then closes whatever is left.
   */
  async drain(graceMs: number): Promise<void> {
    this.#draining = true
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const socket of this.#idle.keys()) socket.destroy()
    if (this.#busy.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs)
        this.#onQuiet = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
    this.#onQuiet = undefined
    this.server.closeAllConnections()
    await closed
  }

  #finished(socket: Socket): void {
    const left = (this.#busy.get(socket) ?? 1) - 1
    if (left > 0) {
      this.#busy.set(socket, left)
      return
    }
    this.#busy.delete(socket)
    if (socket.destroyed) {
      this.#checkQuiet()
      return
    }
    if (this.#draining) {
      // The answer said `Connection: close`; make sure the socket goes even if the client lingers.
      socket.destroySoon()
    } else {
      this.#idle.set(socket, true)
      this.#evict()
    }
    this.#checkQuiet()
  }

  #evict(): void {
    for (const socket of this.#idle.keys()) {
      if (this.#idle.size <= this.maxIdle) return
      this.#idle.delete(socket)
      socket.destroy()
    }
  }

  #checkQuiet(): void {
    if (this.#busy.size === 0) this.#onQuiet?.()
  }
}
