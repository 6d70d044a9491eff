import type { Operation, RequestDescriptor } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { AccessKey, type AccessKeyPlane } from '../access-key.js'
import { decodeResource, jsonApiBody, jsonHeaders } from '../json-api.js'
import { optionalSeconds, optionalString, validatePlane } from '../validation.js'

/** Options of {@link ControlPlaneClient.createAccessKey}. */
export interface CreateAccessKeyOptions {
  /** The plane the key is for: `data` (the default) or `control`. */
  plane?: AccessKeyPlane
  /** A label to find it by (`getOrCreateAccessKey`). */
  label?: string
  /** Seconds until it expires. At most one of `ttl` and `expiresAt`; neither: it never expires. */
  ttl?: number
  /** When it expires, in seconds since the epoch. */
  expiresAt?: number
}

/** `POST /api/access_keys`: mints an access key for the caller; `output.key` is the key. */
export const createAccessKey: Operation<CreateAccessKeyOptions, AccessKey> = {
  encode: (options) => keyRequest('CreateAccessKey', '/api/access_keys', options, false),
  decode: (response, descriptor) => new AccessKey(decodeResource(response, descriptor)),
}

/** The descriptor of a request minting a key, checked; shared with `getOrCreateAccessKey`. */
export function keyRequest(
  operation: string,
  path: string,
  options: CreateAccessKeyOptions,
  idempotent: boolean,
): RequestDescriptor {
  const plane = validatePlane(options.plane)
  const label = optionalString(options.label, 'label')
  const ttl = optionalSeconds(options.ttl, 'ttl', 1)
  const expiresAt = optionalSeconds(options.expiresAt, 'expiresAt', 0)
  if (ttl !== undefined && expiresAt !== undefined)
    throw new ValidationError('ttl', 'give at most one of ttl and expiresAt')
  return {
    operation,
    method: 'POST',
    path,
    headers: jsonHeaders,
    body: jsonApiBody('access_key', { plane, label, ttl, expires_at: expiresAt }),
    idempotent,
  }
}
