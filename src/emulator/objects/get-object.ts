import { noSuchFile, notADirectory } from '../api-error.js'
import type { Handler, HandlerResult, RequestContext } from '../context.js'
import type { StoredNode } from '../storage/nodes.js'
import { objectSize } from '../storage/nodes.js'
import { versionHeaders } from './object-headers.js'
import { parseGetRange } from './ranges.js'
import { assertOutsideShards } from './shard-names.js'

function find(context: RequestContext): StoredNode {
  const found = context.store.lookup(context.container.root, context.segments)
  if (!found.node) throw found.blockedByFile ? notADirectory(404) : noSuchFile()
  return found.node
}

/** GetObject: `GET /<c>/<p>`, whole or ranged (ED-25, ED-26, ED-40). */
export const getObject: Handler = (context) => {
  // Shard names of a stream answer 403 whether the shard exists yet or not (ED-40).
  assertOutsideShards(context.container.root, context.segments)
  const node = find(context)
  if (node.kind === 'directory') return { status: 200, headers: versionHeaders(node) }
  const headers = versionHeaders(node)
  const range = parseGetRange(context.headers.range, node.body.length)
  if (range === undefined) return bytes(200, node.body, headers)
  if (range === 'empty') return { status: 200, headers }
  headers['Content-Range'] = `bytes ${range.first}-${range.last}/${node.body.length}`
  return bytes(206, node.body.subarray(range.first, range.last + 1), headers)
}

/** HeadObject: `HEAD /<c>/<p>`; `Content-Length` is the object's size (0 for directories). */
export const headObject: Handler = (context) => {
  const node = find(context)
  return { status: 200, headers: versionHeaders(node), contentLength: objectSize(node) }
}

function bytes(status: number, body: Uint8Array, headers: Record<string, string>): HandlerResult {
  return { status, body, headers, contentType: 'application/octet-stream' }
}
