/**
 * The values of the read-only system attributes of every stored object (kv.md "System attributes",
 * objects-and-containers.md "System attributes of objects", ED-29). They are derived from the node on
 * every read, never stored.
 */

import { objectMode, objectSize, ownerId, type StoredNode } from '../storage/nodes.js'
import { SYSTEM_ATTRIBUTE_NAMES } from './attribute-names.js'
import type { AttributeValue } from './values.js'

/** `__obj_type` of files and items (ED-29). */
export const FILE_OBJECT_TYPE = 1
/** `__obj_type` of directories, streams included (ED-29). */
export const DIRECTORY_OBJECT_TYPE = 2
/** `__obj_type` of stream shard objects (*Go SDK*: the only value clients rely on). */
export const SHARD_OBJECT_TYPE = 3

const nanosecondsPerSecond = 1_000_000_000n

function int(value: number | bigint): AttributeValue {
  return { type: 'int', value: BigInt(value) }
}

/**
 * The value of system attribute `name` for `node`, or `undefined` when the attribute does not apply
 * (`__last_sequence_num` outside shards) or `name` is not a system attribute. A container root has no
 * parent; its `__collection_id` is 0.
 */
export function systemAttribute(node: StoredNode, name: string): AttributeValue | undefined {
  switch (name) {
    case '__name':
      return { type: 'string', value: node.name }
    case '__size':
      return int(objectSize(node))
    case '__mode':
      return int(objectMode(node))
    case '__atime_secs':
    case '__mtime_secs':
      return int(node.mtime / nanosecondsPerSecond)
    case '__atime_nsecs':
    case '__mtime_nsecs':
      return int(node.mtime % nanosecondsPerSecond)
    case '__ctime_secs':
      return int(node.ctime / nanosecondsPerSecond)
    case '__ctime_nsecs':
      return int(node.ctime % nanosecondsPerSecond)
    case '__uid':
    case '__gid':
      return int(ownerId)
    case '__obj_type':
      return int(objectType(node))
    case '__collection_id':
      return int(node.parent?.inode ?? 0)
    case '__last_sequence_num':
      return node.kind === 'file' && node.shard ? int(node.shard.lastSequenceNumber) : undefined
    case '__inode_number':
      return int(node.inode)
    default:
      return undefined
  }
}

/** `__obj_type`: 1 for files and items, 2 for directories, 3 for shard objects (ED-29). */
export function objectType(node: StoredNode): number {
  if (node.kind === 'directory') return DIRECTORY_OBJECT_TYPE
  return node.shard ? SHARD_OBJECT_TYPE : FILE_OBJECT_TYPE
}

/** Every system attribute that applies to `node`, in the order of kv.md's table (ED-33). */
export function systemAttributes(node: StoredNode): Array<[string, AttributeValue]> {
  const result: Array<[string, AttributeValue]> = []
  for (const name of SYSTEM_ATTRIBUTE_NAMES) {
    const value = systemAttribute(node, name)
    if (value !== undefined) result.push([name, value])
  }
  return result
}
