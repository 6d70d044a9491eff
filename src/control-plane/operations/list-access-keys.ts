import type { Operation } from '../../core/descriptor.js'
import { AccessKey } from '../access-key.js'
import { decodeResources } from '../json-api.js'

/** The output of {@link ControlPlaneClient.listAccessKeys}. */
export interface ListAccessKeysOutput {
  /** The caller's keys. */
  readonly accessKeys: AccessKey[]
}

/** `GET /api/access_keys`: the caller's access keys. */
export const listAccessKeys: Operation<Record<never, never> | undefined, ListAccessKeysOutput> = {
  encode: () => ({
    operation: 'ListAccessKeys',
    method: 'GET',
    path: '/api/access_keys',
    headers: {},
    idempotent: true,
  }),
  decode: (response, descriptor) => ({
    accessKeys: decodeResources(response, descriptor).map((resource) => new AccessKey(resource)),
  }),
}
