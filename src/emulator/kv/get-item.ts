/** GetItem (kv.md "GetItem", ED-29, ED-33): selected attributes of any object. */

import { noSuchFile, notADirectory } from '../api-error.js'
import type { Handler, RequestContext } from '../context.js'
import { versionHeaders } from '../objects/object-headers.js'
import type { StoredNode } from '../storage/nodes.js'
import { parseAttributesToGet, selectAttributes } from './attribute-selection.js'
import { type ItemAddress, resolveItemAddress } from './item-addressing.js'
import { attributesJson } from './item-json.js'
import { RequestMembers } from './request-body.js'

function findObject(context: RequestContext, address: ItemAddress): StoredNode {
  const { store, container } = context
  if (address.segments.length === 0) return container.root
  const found = store.lookup(container.root, address.segments)
  if (!found.node) throw found.blockedByFile ? notADirectory(404) : noSuchFile()
  if (address.directoryPath && found.node.kind === 'file') throw notADirectory(404)
  return found.node
}

/**
 * `X-v3io-function: GetItem`: `{"Item":{…}}` with the verifier and `Last-Modified` headers; 404 when the
 * object does not exist. Files, shards and directories all answer (directories with system attributes
 * only).
 */
export const getItem: Handler = (context) => {
  const members = RequestMembers.fromBody(context.body)
  const selection = parseAttributesToGet(members.string('AttributesToGet'), 'item')
  const node = findObject(context, resolveItemAddress(context, members))
  return {
    status: 200,
    body: `{"Item":${attributesJson(selectAttributes(node, selection))}}`,
    contentType: 'application/json',
    headers: versionHeaders(node),
  }
}
