import type { Operation } from '../../core/descriptor.js'
import { decodeResources } from '../json-api.js'
import { type Container, toContainer } from '../resources.js'

/** The output of {@link ControlPlaneClient.listContainers}. */
export interface ListContainersOutput {
  /** The containers, in the order the server lists them. */
  readonly containers: Container[]
}

/** `GET /api/containers`: every container of the tenant. */
export const listContainers: Operation<Record<never, never> | undefined, ListContainersOutput> = {
  encode: () => ({
    operation: 'ListContainers',
    method: 'GET',
    path: '/api/containers',
    headers: {},
    idempotent: true,
  }),
  decode: (response, descriptor) => ({ containers: decodeResources(response, descriptor).map(toContainer) }),
}
