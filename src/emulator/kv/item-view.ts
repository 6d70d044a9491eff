/**
 * How expressions see a stored object (expressions.md "Missing attributes"): user and hidden
 * attributes from the node, system attributes derived from it, and nothing at all for an absent item.
 */

import type { ItemAttributes } from '../expressions/index.js'
import type { StoredNode } from '../storage/nodes.js'
import { isSystemAttributeName } from './attribute-names.js'
import { systemAttribute } from './system-attributes.js'

const absentItem: ItemAttributes = { get: () => undefined }

/** The attributes of `node` as expressions read them; every name is missing when `node` is absent. */
export function nodeAttributes(node: StoredNode | undefined): ItemAttributes {
  if (node === undefined) return absentItem
  return {
    get: (name) => (isSystemAttributeName(name) ? systemAttribute(node, name) : node.attributes.get(name)),
  }
}
