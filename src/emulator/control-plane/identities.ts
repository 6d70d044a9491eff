import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.js'

/** The planes an access key is minted for (control-plane.md, `POST /api/access_keys`). */
export type Plane = 'control' | 'data'

/** An access key minted through `/api/access_keys`: valid on both planes until deleted or expired. */
export interface AccessKeyRecord {
  /** The key itself, which is also its resource id. */
  readonly id: string
  /** The user who created it. */
  readonly owner: string
  readonly plane: Plane
  readonly label: string
  /** Lifetime in seconds as asked for, if it was. */
  readonly ttl: number | undefined
  /** Expiry, nanoseconds since the epoch; `undefined` never expires. */
  readonly expiresAt: bigint | undefined
  /** Nanoseconds since the epoch. */
  readonly createdAt: bigint
  readonly updatedAt: bigint
}

/** A logged-in user's session (`POST /api/sessions`): valid on the control plane only, in memory only. */
export interface SessionRecord {
  readonly id: string
  readonly username: string
  readonly createdAt: bigint
}

/** Where minted access keys are kept across restarts (`--data-dir`); absent keeps them in memory. */
export interface AccessKeyArchive {
  load(): readonly AccessKeyRecord[]
  save(key: AccessKeyRecord): void
  remove(id: string): void
}

/**
 * The emulator's control-plane identities: the sessions it issued and the access keys minted through
 * `/api/access_keys`. Expiry is judged by the emulator's clock, so that tests can move time (ED-48).
 */
export class Identities {
  readonly #sessions = new Map<string, SessionRecord>()
  readonly #keys = new Map<string, AccessKeyRecord>()

  constructor(
    private readonly clock: Clock,
    private readonly archive?: AccessKeyArchive,
  ) {
    for (const key of archive?.load() ?? []) this.#keys.set(key.id, key)
  }

  /** Opens a session for a user who proved their password. */
  openSession(username: string): SessionRecord {
    const session = { id: randomUUID(), username, createdAt: this.clock() }
    this.#sessions.set(session.id, session)
    return session
  }

  /** The session with this id, if the emulator issued it and has not dropped it. */
  session(id: string): SessionRecord | undefined {
    return this.#sessions.get(id)
  }

  /** Forgets every session, as a restarted platform would: clients must log in again. */
  dropSessions(): void {
    this.#sessions.clear()
  }

  /** Mints a key for `owner`. */
  mintKey(
    owner: string,
    plane: Plane,
    label: string,
    ttl: number | undefined,
    expiresAt: bigint | undefined,
  ) {
    const now = this.clock()
    const record: AccessKeyRecord = {
      id: randomUUID(),
      owner,
      plane,
      label,
      ttl,
      expiresAt,
      createdAt: now,
      updatedAt: now,
    }
    this.#keys.set(record.id, record)
    this.archive?.save(record)
    return record
  }

  /** The minted key `id` while it is valid; an expired key is forgotten. */
  liveKey(id: string): AccessKeyRecord | undefined {
    const key = this.#keys.get(id)
    if (key === undefined || !this.#expired(key)) return key
    this.revokeKey(id)
    return undefined
  }

  /** Whether `id` is a minted key still valid. */
  isLiveKey(id: string): boolean {
    return this.#keys.size > 0 && this.liveKey(id) !== undefined
  }

  /** The valid keys of `owner`, oldest first. */
  keysOf(owner: string): AccessKeyRecord[] {
    return [...this.#keys.values()].filter((key) => key.owner === owner && this.liveKey(key.id) !== undefined)
  }

  /** Deletes a key; whether it existed (and was valid). */
  revokeKey(id: string): boolean {
    const existed = this.#keys.delete(id)
    if (existed) this.archive?.remove(id)
    return existed
  }

  #expired(key: AccessKeyRecord): boolean {
    return key.expiresAt !== undefined && key.expiresAt <= this.clock()
  }
}
