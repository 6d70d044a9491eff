import type { Operation } from '../../core/descriptor.js'
import type { AccessKey } from '../access-key.js'
import { validateKey } from '../validation.js'

/** Options of {@link ControlPlaneClient.deleteAccessKey}. */
export interface DeleteAccessKeyOptions {
  /** The key to revoke: its text or the `AccessKey` that `createAccessKey` returned. */
  key: string | AccessKey
}

/** The path prefix of a key's resource; the client hides what follows it wherever it shows a URL. */
export const accessKeyPath = '/api/access_keys/'

/** `DELETE /api/access_keys/<key>`: revokes a key at once, on both planes; 404 if unknown. */
export const deleteAccessKey: Operation<DeleteAccessKeyOptions, undefined> = {
  encode: (options) => ({
    operation: 'DeleteAccessKey',
    method: 'DELETE',
    path: accessKeyPath + encodeURIComponent(validateKey(options.key)),
    headers: {},
    idempotent: true,
  }),
  decode: () => undefined,
}
