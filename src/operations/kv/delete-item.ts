import type { Operation } from '../../core/descriptor.js'
import { itemUrlPath } from './item-paths.js'

/** Options of {@link deleteItem}. */
export interface DeleteItemOptions {
  /** The container. */
  container: string
  /** The item's path: table path and key. */
  path: string
}

/** DeleteItem: `DELETE /<c>/<t>/<k>` (204; 404 when missing). There is no conditional delete. */
export const deleteItem: Operation<DeleteItemOptions, undefined> = {
  encode(options) {
    return {
      operation: 'DeleteItem',
      method: 'DELETE',
      path: itemUrlPath(options.container, options.path),
      headers: {},
      idempotent: true,
    }
  },
  decode: () => undefined,
}
