import type { HandlerResult } from '../context.js'
import type { ControlPlaneHandler } from './context.js'
import type { AccessKeyRecord, Identities, Plane } from './identities.js'
import {
  badRequest,
  ControlPlaneError,
  listResult,
  readAttributes,
  resourceResult,
  rfc3339,
  stringAttribute,
} from './json-api.js'

/** The longest `ttl` accepted, in seconds: 100 years. */
const maxTtl = 100 * 365 * 24 * 3600
/** The latest `expires_at` accepted, in epoch seconds (the year 2514). */
const latestExpiry = 2 ** 34

/** What a key is minted with, checked. */
interface KeyRequest {
  readonly plane: Plane
  readonly label: string
  readonly ttl: number | undefined
  readonly expiresAt: bigint | undefined
}

/** `POST /api/access_keys`: mints a key for the caller (201). */
export const createAccessKey: ControlPlaneHandler = ({ caller, body, settings }) => {
  const request = keyRequest(body, settings.clock())
  return keyResult(201, mint(settings.identities, caller, request))
}

/**
 * `POST /api/self/get_or_create_access_key`: the caller's valid key with this label and plane (200), or a
 * new one (201).
 */
export const getOrCreateAccessKey: ControlPlaneHandler = ({ caller, body, settings }) => {
  const request = keyRequest(body, settings.clock())
  const existing = settings.identities
    .keysOf(caller)
    .find((key) => key.label === request.label && key.plane === request.plane)
  if (existing) return keyResult(200, existing)
  return keyResult(201, mint(settings.identities, caller, request))
}

/** `GET /api/access_keys`: the caller's valid keys. */
export const listAccessKeys: ControlPlaneHandler = ({ caller, settings }) =>
  listResult(
    'access_key',
    settings.identities.keysOf(caller).map((key) => ({ id: key.id, attributes: keyAttributes(key) })),
  )

/** `DELETE /api/access_keys/<id>`: revokes one of the caller's keys at once, on both planes (204). */
export const deleteAccessKey: ControlPlaneHandler = ({ caller, id, settings }) => {
  const key = settings.identities.liveKey(id)
  // Another user's key is as unknown to the caller as a key that never existed.
  if (key?.owner !== caller) throw new ControlPlaneError(404, 'access key not found')
  settings.identities.revokeKey(id)
  return { status: 204 }
}

function mint(identities: Identities, owner: string, request: KeyRequest): AccessKeyRecord {
  return identities.mintKey(owner, request.plane, request.label, request.ttl, request.expiresAt)
}

function keyResult(status: number, key: AccessKeyRecord): HandlerResult {
  return resourceResult(status, 'access_key', key.id, keyAttributes(key))
}

function keyAttributes(key: AccessKeyRecord): Record<string, unknown> {
  return {
    plane: key.plane,
    label: key.label,
    ...(key.ttl === undefined ? {} : { ttl: key.ttl }),
    ...(key.expiresAt === undefined ? {} : { expires_at: Number(key.expiresAt / 1_000_000_000n) }),
    created_at: rfc3339(key.createdAt),
    updated_at: rfc3339(key.updatedAt),
  }
}

/**
 * Reads and checks a key's attributes: `plane` `control` or `data` (default `data`), `label` (default
 * empty), and at most one of `ttl` (seconds from now, > 0) and `expires_at` (epoch seconds; a past one
 * mints a key that is already expired, as on the platform).
 */
function keyRequest(body: Uint8Array, now: bigint): KeyRequest {
  const attributes = readAttributes(body, 'access_key')
  const plane = stringAttribute(attributes, 'plane') ?? 'data'
  if (plane !== 'control' && plane !== 'data')
    throw badRequest('attribute "plane" must be "control" or "data"')
  const label = stringAttribute(attributes, 'label') ?? ''
  const ttl = seconds(attributes, 'ttl', 1, maxTtl)
  const expiresAtSeconds = seconds(attributes, 'expires_at', 0, latestExpiry)
  if (ttl !== undefined && expiresAtSeconds !== undefined)
    throw badRequest('give at most one of the attributes "ttl" and "expires_at"')
  const expiresAt =
    ttl !== undefined
      ? now + BigInt(ttl) * 1_000_000_000n
      : expiresAtSeconds === undefined
        ? undefined
        : BigInt(expiresAtSeconds) * 1_000_000_000n
  return { plane, label, ttl, expiresAt }
}

function seconds(
  attributes: Record<string, unknown>,
  name: string,
  minimum: number,
  maximum: number,
): number | undefined {
  const value = attributes[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum)
    throw badRequest(`attribute "${name}" must be a whole number of seconds from ${minimum} to ${maximum}`)
  return value
}
