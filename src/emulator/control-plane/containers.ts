import type { ContainerRecord } from '../storage/nodes.js'
import type { ControlPlaneHandler } from './context.js'
import {
  badRequest,
  ControlPlaneError,
  listResult,
  readAttributes,
  resourceResult,
  rfc3339,
  stringAttribute,
} from './json-api.js'

/** CP-7: 1–128 characters of `[a-z0-9-_.]`, starting with a letter. */
const containerName = /^[a-z][a-z0-9._-]{0,127}$/

/** `GET /api/containers`: every container, as the data plane's ListContainers sees them. */
export const listContainers: ControlPlaneHandler = ({ store }) =>
  listResult(
    'container',
    store.listContainers().map((container) => ({ id: container.id, attributes: attributes(container) })),
  )

/** `POST /api/containers`: creates an empty container, usable on the data plane at once (201). */
export const createContainer: ControlPlaneHandler = ({ body, store }) => {
  const fields = readAttributes(body, 'container')
  const name = stringAttribute(fields, 'name')
  const description = stringAttribute(fields, 'description') ?? ''
  if (name === undefined) throw badRequest('attribute "name" is required')
  if (!containerName.test(name) || name === 'api')
    throw badRequest(
      `invalid container name ${JSON.stringify(name)}: 1–128 characters of a-z, 0-9, "-", "_" and ".", starting with a letter, and not "api"`,
    )
  if (store.findContainer(name)) throw new ControlPlaneError(409, `container ${name} already exists`)
  const container = store.createContainer(name, description)
  return resourceResult(201, 'container', container.id, attributes(container))
}

/** `DELETE /api/containers/<numeric id>`: deletes an empty container (204); 409 while it holds anything (CP-6). */
export const deleteContainer: ControlPlaneHandler = ({ id, store }) => {
  const container = /^\d+$/.test(id) ? store.findContainer(id) : undefined
  if (!container) throw new ControlPlaneError(404, 'container not found')
  if (container.root.children.size > 0) throw new ControlPlaneError(409, 'container is not empty')
  store.removeContainer(container)
  return { status: 204 }
}

function attributes(container: ContainerRecord): Record<string, unknown> {
  return {
    id: container.id,
    name: container.name,
    description: container.description ?? '',
    created_at: rfc3339(container.creationTime),
  }
}
