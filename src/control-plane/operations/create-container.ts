import type { Operation } from '../../core/descriptor.js'
import { decodeResource, jsonApiBody, jsonHeaders } from '../json-api.js'
import { type Container, toContainer } from '../resources.js'
import { optionalString, validateContainerName } from '../validation.js'

/** Options of {@link ControlPlaneClient.createContainer}. */
export interface CreateContainerOptions {
  /** The name: 1–128 characters of `a-z 0-9 - _ .`, starting with a letter, not `api` (CP-7). */
  name: string
  /** What the container is for. */
  description?: string
}

/** `POST /api/containers`: a new, empty container, usable on the data plane at once. 409 if the name exists. */
export const createContainer: Operation<CreateContainerOptions, Container> = {
  encode(options) {
    const name = validateContainerName(options.name)
    const description = optionalString(options.description, 'description')
    return {
      operation: 'CreateContainer',
      method: 'POST',
      path: '/api/containers',
      headers: jsonHeaders,
      body: jsonApiBody('container', { name, description }),
      // A second attempt after a lost answer would meet its own container: 409.
      idempotent: false,
    }
  },
  decode: (response, descriptor) => toContainer(decodeResource(response, descriptor)),
}
