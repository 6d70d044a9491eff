import { Agent as HttpAgent, type AgentOptions as HttpAgentOptions } from 'node:http'
import { Agent as HttpsAgent, type AgentOptions as HttpsAgentOptions } from 'node:https'
import type { Socket } from 'node:net'

// Node's margin before a server's announced keep-alive timeout (HTTP_AGENT_KEEP_ALIVE_TIMEOUT_BUFFER).
const serverHintMargin = 1000

/** The socket's last exchange, as Node's agent sees it (`_httpMessage` is how Node finds it too). */
type PooledSocket = Socket & {
  _httpMessage?: { res?: { rawHeaders?: string[] } | null } | null
  timeout?: number
}

/**
 * Node's `keepSocketAlive` with an idle timeout, without its per-request cost. Given a `timeout`,
 * Node's agent clears each socket's idle timer when a request takes the socket, re-arms it when the
 * socket comes back, adds a `timeout` listener per request, and parses every response's headers into
 * an object to read `Keep-Alive`. Here the agent has no `timeout`: the socket's idle timer is armed
 * once and stays armed (socket activity keeps pushing it back, and Node's agent destroys a socket that
 * times out only while it is free), and the hint is read from the raw header list.
 */
function keepAlive(socket: PooledSocket, idleTimeout: number): boolean {
  let timeout = idleTimeout
  if (idleTimeout > 0) {
    const hint = keepAliveHint(socket._httpMessage?.res?.rawHeaders)
    if (hint !== undefined) {
      const serverTimeout = hint * 1000 - serverHintMargin
      // The server closes idle connections too soon for this one to be reused safely.
      if (serverTimeout <= 0) return false
      if (serverTimeout < timeout) timeout = serverTimeout
    }
  }
  socket.setKeepAlive(true, 1000)
  socket.unref()
  if (socket.timeout !== timeout) socket.setTimeout(timeout)
  return true
}

/** The seconds of a `Keep-Alive: timeout=N` response header, if there is one. */
function keepAliveHint(raw: string[] | undefined): number | undefined {
  if (raw === undefined) return undefined
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index] as string
    if (name.length !== 10 || name.toLowerCase() !== 'keep-alive') continue
    const seconds = /^timeout=(\d+)/.exec(raw[index + 1] as string)?.[1]
    return seconds === undefined ? undefined : Number.parseInt(seconds, 10)
  }
  return undefined
}

/** A keep-alive `http.Agent` whose idle sockets close after `idleTimeout` ms (0: when the server closes them). */
export class IdleClosingHttpAgent extends HttpAgent {
  readonly #idleTimeout: number

  constructor(options: Omit<HttpAgentOptions, 'timeout'>, idleTimeout: number) {
    super(options)
    this.#idleTimeout = idleTimeout
  }

  override keepSocketAlive(socket: Socket): boolean {
    return keepAlive(socket, this.#idleTimeout)
  }
}

/** The `https.Agent` counterpart of {@link IdleClosingHttpAgent}. */
export class IdleClosingHttpsAgent extends HttpsAgent {
  readonly #idleTimeout: number

  constructor(options: Omit<HttpsAgentOptions, 'timeout'>, idleTimeout: number) {
    super(options)
    this.#idleTimeout = idleTimeout
  }

  override keepSocketAlive(socket: Socket): boolean {
    return keepAlive(socket, this.#idleTimeout)
  }
}
