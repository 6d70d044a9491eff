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

/**
 * The seconds of a `Keep-Alive: timeout=N` response header, if there is one (the first such header, as
 * `/^timeout=(\d+)/` reads its value). Runs once per response: names are compared by length and
 * character codes and the number read in place, so that it allocates nothing.
 */
export function keepAliveHint(raw: readonly string[] | undefined): number | undefined {
  if (raw === undefined) return undefined
  for (let index = 0; index < raw.length; index += 2) {
    if (isKeepAliveName(raw[index] as string)) return timeoutSeconds(raw[index + 1] as string)
  }
  return undefined
}

const keepAliveName = 'keep-alive'
const timeoutPrefix = 'timeout='

/** Whether a header name is `Keep-Alive`, ignoring ASCII case (without lower-casing a copy). */
function isKeepAliveName(name: string): boolean {
  if (name.length !== keepAliveName.length) return false
  for (let index = 0; index < keepAliveName.length; index++) {
    // `| 0x20` folds ASCII capitals; of the characters a parsed header name (a token) may hold, it maps
    // no other onto the name's letters or '-'.
    if ((name.charCodeAt(index) | 0x20) !== keepAliveName.charCodeAt(index)) return false
  }
  return true
}

/** The digits after a leading `timeout=`, as a number; undefined without them. */
function timeoutSeconds(value: string): number | undefined {
  if (!value.startsWith(timeoutPrefix)) return undefined
  let seconds = 0
  let index = timeoutPrefix.length
  for (; index < value.length; index++) {
    const digit = value.charCodeAt(index) - 0x30
    if (digit < 0 || digit > 9) break
    seconds = seconds * 10 + digit
  }
  return index === timeoutPrefix.length ? undefined : seconds
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
