import type { JsonApiResource } from './json-api.js'
import { numeric, text } from './json-api.js'

/** The planes an access key is minted for. */
export type AccessKeyPlane = 'control' | 'data'

const inspect = Symbol.for('nodejs.util.inspect.custom')

/** What an {@link AccessKey} shows when printed: everything but the key. */
export type AccessKeyFields = Pick<
  AccessKey,
  'plane' | 'label' | 'ttl' | 'expiresAt' | 'createdAt' | 'updatedAt'
>

/**
 * An access key of the control plane. The key itself is `key` (an accessor): it stays out of
 * `console.log`, `JSON.stringify` and Node's inspection, which show every other field.
 */
export class AccessKey {
  readonly #key: string
  /** `control` or `data`. */
  readonly plane: string
  /** The label it was minted with. */
  readonly label: string
  /** The lifetime in seconds it was minted with, if any. */
  readonly ttl: number | undefined
  /** When it expires, in seconds since the epoch; `undefined` never expires. */
  readonly expiresAt: number | undefined
  /** When it was created (RFC 3339). */
  readonly createdAt: string
  /** When it was last updated (RFC 3339). */
  readonly updatedAt: string

  /** @internal */
  constructor(resource: JsonApiResource) {
    this.#key = resource.id
    this.plane = text(resource, 'plane')
    this.label = text(resource, 'label')
    this.ttl = numeric(resource, 'ttl')
    this.expiresAt = numeric(resource, 'expires_at')
    this.createdAt = text(resource, 'created_at')
    this.updatedAt = text(resource, 'updated_at')
  }

  /** The key: pass it as `accessKey` to a data-plane or control-plane client. */
  get key(): string {
    return this.#key
  }

  /** The fields without the key. */
  toJSON(): AccessKeyFields {
    const { plane, label, ttl, expiresAt, createdAt, updatedAt } = this
    return { plane, label, ttl, expiresAt, createdAt, updatedAt }
  }

  /** Node's `util.inspect`: the fields without the key. */
  [inspect](): string {
    return `AccessKey ${JSON.stringify(this.toJSON())}`
  }
}
