/**
 * The storage side of PutItem and UpdateItem (kv.md "PutItem" steps 2, 3 and 7): find the object a
 * write addresses without changing anything, then commit the new attributes in one step.
 */

import { isADirectory, notADirectory } from '../api-error.js'
import type { RequestContext } from '../context.js'
import { isReservedShardName } from '../objects/shard-names.js'
import type { FileNode } from '../storage/nodes.js'
import { newShardState } from '../streams/shard-log.js'
import { shardIdOutOfRange } from './condition-false.js'
import type { ItemAddress } from './item-addressing.js'
import { createTracked } from './scan-order.js'
import type { AttributeValue } from './values.js'

/** Where a write goes, found without side effects. */
export interface WriteTarget {
  readonly parentSegments: readonly string[]
  readonly name: string
  /** The object when it exists. */
  readonly existing: FileNode | undefined
  /** The write creates (or updates) a shard object of a stream (ED-40). */
  readonly shard: boolean
}

/**
 * Finds the object a write addresses: a directory there answers 409 -21, a file among the parents
 * 409 -20, a shard id at or beyond the stream's shard count 400 `ShardIDOutOfRangeException`.
 */
export function locateWriteTarget(context: RequestContext, address: ItemAddress): WriteTarget {
  const { store, container } = context
  const found = address.segments.length === 0 ? undefined : store.lookup(container.root, address.segments)
  if (address.directoryPath || found === undefined) {
    throw found?.node?.kind === 'file' ? notADirectory() : isADirectory()
  }
  if (found.node?.kind === 'directory') throw isADirectory()
  if (found.node === undefined && found.blockedByFile) throw notADirectory()
  const name = address.segments.at(-1) as string
  const parent = found.node ? found.node.parent : found.parent
  const shard = isReservedShardName(parent, name)
  if (shard && parent?.stream && Number(name) >= parent.stream.shardCount) throw shardIdOutOfRange()
  return { parentSegments: address.segments.slice(0, -1), name, existing: found.node, shard }
}

/**
 * ED-40R: on a platform an attribute write to a never-written shard id creates a plain item, which
 * breaks the stream; the emulator creates the shard (ED-40) but says so, naming the path.
 */
function unguardedShardWarning(context: RequestContext, target: WriteTarget): string {
  const path = [context.container.name, ...target.parentSegments, target.name].join('/')
  return `${context.functionName ?? 'write'} /${path} created never-written shard ${target.name}: on a platform this creates a plain item, not a shard; guard the write with \`__obj_type == 3\``
}

/**
 * Gives the target exactly `attributes` (user and hidden), creating the object — with its missing
 * parents, and as an empty shard where the target is one — when it does not exist, and advancing its
 * mtime strictly (ED-29). The body is never touched (ED-27).
 */
export function commitItem(
  context: RequestContext,
  target: WriteTarget,
  attributes: ReadonlyMap<string, AttributeValue>,
): FileNode {
  const { store, container } = context
  let file = target.existing
  if (file) {
    store.touch(file)
  } else {
    const parent = store.ensureDirectory(container.root, target.parentSegments)
    file = createTracked(parent, () => store.createFile(parent, target.name))
  }
  if (target.shard && !file.shard) {
    file.shard = newShardState()
    context.warn(unguardedShardWarning(context, target))
  }
  file.attributes.clear()
  for (const [name, value] of attributes) file.attributes.set(name, value)
  return file
}
