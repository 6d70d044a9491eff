import type { Credential } from '../client/credentials.js'

/** Logs in once and answers the session cookie; rejects with the login's error. */
export type LoginRequest = (signal: AbortSignal | undefined, timeout: number) => Promise<Credential>

/**
 * The session of a client that logs in with a password: logged in lazily by the first call, shared by
 * every call (concurrent first calls wait for one login), renewed once when the server forgets it.
 */
export class Session {
  #current: Promise<Credential> | undefined

  constructor(private readonly login: LoginRequest) {}

  /** The session cookie, logging in first if there is none (or the last login failed). */
  cookie(signal: AbortSignal | undefined, timeout: number): Promise<Credential> {
    this.#current ??= this.#start(signal, timeout)
    return this.#current
  }

  /**
   * A new session after the server answered 401 to `stale`: one login for every call that met the same
   * rejection, and none if another call already renewed it.
   */
  async renew(stale: Credential, signal: AbortSignal | undefined, timeout: number): Promise<Credential> {
    const current = this.#current
    if (current !== undefined && (await current.catch(() => stale)) !== stale) return current
    if (this.#current === current) this.#current = this.#start(signal, timeout)
    return this.#current ?? this.cookie(signal, timeout)
  }

  #start(signal: AbortSignal | undefined, timeout: number): Promise<Credential> {
    const started = this.login(signal, timeout)
    // A failed login (a wrong password, an aborted call) is not remembered: the next call tries again.
    started.catch(() => {
      if (this.#current === started) this.#current = undefined
    })
    return started
  }
}
