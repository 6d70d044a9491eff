import type { Operation } from '../../core/descriptor.js'
import { AccessKey } from '../access-key.js'
import { decodeResource } from '../json-api.js'
import { type CreateAccessKeyOptions, keyRequest } from './create-access-key.js'

/** Options of {@link ControlPlaneClient.getOrCreateAccessKey}: the key's plane and label (and its lifetime if it is minted). */
export type GetOrCreateAccessKeyOptions = CreateAccessKeyOptions

/**
 * `POST /api/self/get_or_create_access_key`: the caller's key with this label and plane, minted if
 * missing; `statusCode` is 200 for an existing key, 201 for a new one.
 */
export const getOrCreateAccessKey: Operation<GetOrCreateAccessKeyOptions, AccessKey> = {
  // Asking twice gives the same key: safe to retry.
  encode: (options) =>
    keyRequest('GetOrCreateAccessKey', '/api/self/get_or_create_access_key', options, true),
  decode: (response, descriptor) => new AccessKey(decodeResource(response, descriptor)),
}
