import type { Operation } from '../../core/descriptor.js'
import { validateContainerId } from '../validation.js'

/** Options of {@link ControlPlaneClient.deleteContainer}. */
export interface DeleteContainerOptions {
  /** The numeric container id (`output.id` of `createContainer` or `listContainers`). */
  id: string | number
}

/** `DELETE /api/containers/<id>`: deletes an empty container; 409 while it holds anything (CP-6), 404 if unknown. */
export const deleteContainer: Operation<DeleteContainerOptions, undefined> = {
  encode: (options) => ({
    operation: 'DeleteContainer',
    method: 'DELETE',
    path: `/api/containers/${validateContainerId(options.id)}`,
    headers: {},
    idempotent: true,
  }),
  decode: () => undefined,
}
