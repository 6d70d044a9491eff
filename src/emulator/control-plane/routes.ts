import type { IncomingMessage } from 'node:http'
import { ApiError } from '../api-error.js'
import { readBody } from '../body-reader.js'
import type { HandlerResult } from '../context.js'
import type { EmulatorSettings } from '../settings.js'
import type { Store } from '../storage/store.js'
import { createAccessKey, deleteAccessKey, getOrCreateAccessKey, listAccessKeys } from './access-keys.js'
import { identifyCaller } from './caller.js'
import { createContainer, deleteContainer, listContainers } from './containers.js'
import type { ControlPlaneHandler } from './context.js'
import { ControlPlaneError } from './json-api.js'
import { getSelf } from './self.js'
import { createSession } from './sessions.js'

/** Request bodies of the control plane are small JSON documents. */
const bodyLimit = 1024 * 1024

/** One route: the path under `/api/` (`:id` matches any one segment) and its handler per method. */
interface Route {
  readonly path: readonly string[]
  readonly methods: Readonly<Record<string, ControlPlaneHandler>>
  /** Reachable without credentials: only the login itself. */
  readonly public?: boolean
}

/** The contract's table (control-plane.md, "Resources"). */
const routes: readonly Route[] = [
  { path: ['sessions'], methods: { POST: createSession }, public: true },
  { path: ['self'], methods: { GET: getSelf } },
  { path: ['self', 'get_or_create_access_key'], methods: { POST: getOrCreateAccessKey } },
  { path: ['access_keys'], methods: { GET: listAccessKeys, POST: createAccessKey } },
  { path: ['access_keys', ':id'], methods: { DELETE: deleteAccessKey } },
  { path: ['containers'], methods: { GET: listContainers, POST: createContainer } },
  { path: ['containers', ':id'], methods: { DELETE: deleteContainer } },
]

/**
 * Answers a request under `/api/` (CP-1): route, authenticate (CP-4), read the body, handle. Every error
 * is answered as a JSON:API error (CP-2), including the pipeline's own (a body over the limit, say).
 */
export async function serveControlPlane(
  request: IncomingMessage,
  segments: readonly string[],
  store: Store,
  settings: EmulatorSettings,
): Promise<HandlerResult> {
  try {
    const method = request.method ?? ''
    const { route, id } = findRoute(segments)
    const handler = route.methods[method]
    if (!handler) {
      const allow = Object.keys(route.methods).join(', ')
      throw new ControlPlaneError(405, `method not allowed; use ${allow}`, { Allow: allow })
    }
    const caller = route.public ? '' : identifyCaller(request, settings)
    const body = await readBody(request, bodyLimit, 'Request entity too large')
    return handler({ caller, id, body, store, settings })
  } catch (error) {
    if (error instanceof ControlPlaneError) return error.result()
    if (error instanceof ApiError) return new ControlPlaneError(error.status, error.errorMessage).result()
    throw error
  }
}

function findRoute(segments: readonly string[]): { route: Route; id: string } {
  for (const route of routes) {
    if (route.path.length !== segments.length) continue
    let id = ''
    const matches = route.path.every((part, index) => {
      const segment = segments[index] as string
      if (part !== ':id') return part === segment
      id = segment
      return segment !== ''
    })
    if (matches) return { route, id }
  }
  throw new ControlPlaneError(404, `no such control-plane resource: /api/${segments.join('/')}`)
}
