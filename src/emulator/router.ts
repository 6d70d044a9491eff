import { methodNotAllowed, notPermitted } from './api-error.js'
import { getClusterMd } from './cluster/get-cluster-md.js'
import type { Handler } from './context.js'
import { kvFunctions } from './kv/functions.js'
import { deleteObject } from './objects/delete-object.js'
import { getObject, headObject } from './objects/get-object.js'
import { headContainer } from './objects/list-containers.js'
import { listDirectory } from './objects/list-directory.js'
import { createDirectory, putObject } from './objects/put-object.js'
import { streamFunctions } from './streams/functions.js'

/**
 * What a path names, for routing: the container itself (`/<c>`, `/<c>/`), a directory (`/<c>/<p>/`) or an
 * object (`/<c>/<p>`). `GET /` and `HEAD /` never reach this table.
 */
export type TargetKind = 'container' | 'directory' | 'object'

/** The simple-object API (objects-and-containers.md, routing summary): method × target → handler. */
const objectRoutes: Record<string, Record<TargetKind, Handler>> = {
  GET: { container: listDirectory, directory: listDirectory, object: getObject },
  HEAD: { container: headContainer, directory: headObject, object: headObject },
  PUT: { container: createDirectory, directory: createDirectory, object: putObject },
  POST: { container: createDirectory, directory: createDirectory, object: putObject },
  DELETE: { container: () => Promise.reject(notPermitted()), directory: deleteObject, object: deleteObject },
}

/** The data-service functions, selected by `X-v3io-function` on PUT or POST (kv.md, streams.md, ED-49). */
const functionRoutes: Record<string, Handler> = {
  ...kvFunctions,
  ...streamFunctions,
  GetClusterMD: getClusterMd,
}

/** Methods the emulator knows at all (ED-45). */
export const allowedMethods = 'GET, HEAD, PUT, POST, DELETE, OPTIONS'

/** The handler of a simple-object request. */
export function objectRoute(method: string, target: TargetKind): Handler {
  const handler = objectRoutes[method]?.[target]
  if (!handler) throw methodNotAllowed(allowedMethods)
  return handler
}

/** The handler of a function call, or `undefined` for an unknown function. */
export function functionRoute(name: string): Handler | undefined {
  return Object.hasOwn(functionRoutes, name) ? functionRoutes[name] : undefined
}
