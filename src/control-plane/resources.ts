import type { JsonApiResource } from './json-api.js'
import { numeric, text } from './json-api.js'

/** A container as the control plane describes it. */
export interface Container {
  /** The numeric container id (ED-46), as a string: what `deleteContainer` takes. */
  readonly id: string
  /** The container's name, as the data plane addresses it. */
  readonly name: string
  /** The description it was created with (empty if none). */
  readonly description: string
  /** When it was created (RFC 3339). */
  readonly createdAt: string
}

/** The calling user, as `self()` answers. */
export interface User {
  /** The user's id on the platform. */
  readonly id: string
  /** The login name. */
  readonly username: string
  /** The first name (empty if none). */
  readonly firstName: string
  /** The last name (empty if none). */
  readonly lastName: string
  /** The e-mail address (empty if none). */
  readonly email: string
  /** The numeric POSIX user id, if the platform gives one. */
  readonly uid: number | undefined
  /** Whether the account may log in. */
  readonly enabled: boolean
}

/** A container resource as the SDK exposes it. */
export function toContainer(resource: JsonApiResource): Container {
  return {
    id: resource.id,
    name: text(resource, 'name'),
    description: text(resource, 'description'),
    createdAt: text(resource, 'created_at'),
  }
}

/** A user resource as the SDK exposes it. */
export function toUser(resource: JsonApiResource): User {
  return {
    id: resource.id,
    username: text(resource, 'username'),
    firstName: text(resource, 'first_name'),
    lastName: text(resource, 'last_name'),
    email: text(resource, 'email'),
    uid: numeric(resource, 'uid'),
    enabled: resource.attributes.enabled !== false,
  }
}
