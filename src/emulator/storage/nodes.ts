import type { AttributeValue } from '../kv/values.js'

/** What every stored object has: identity, times (nanoseconds since the epoch) and attributes. */
export interface NodeBase {
  readonly inode: number
  name: string
  /** The containing directory; `undefined` for a container's root. */
  parent: DirectoryNode | undefined
  readonly ctime: bigint
  mtime: bigint
  /** User and hidden attributes (system attributes are derived, never stored). */
  readonly attributes: Map<string, AttributeValue>
}

/** One record of a stream shard. */
export interface StreamRecord {
  readonly sequenceNumber: number
  /** Arrival time, nanoseconds since the epoch. */
  readonly arrivalTime: bigint
  readonly data: Uint8Array
  readonly clientInfo?: Uint8Array
  readonly partitionKey?: string
}

/** The records of a shard object. */
export interface ShardState {
  records: StreamRecord[]
  lastSequenceNumber: number
  /** Decoded bytes of the retained records: the shard's `__size`. */
  retainedBytes: number
}

/** Metadata that makes a directory a stream. */
export interface StreamState {
  shardCount: number
  retentionPeriodHours: number
  /** Random tag baked into location tokens, so that tokens of a deleted stream are refused (ED-44). */
  readonly incarnation: number
  /** Round-robin counter for records without shard id or partition key (ED-41). */
  roundRobin: number
}

/** A file, KV item or shard object: anything that is not a directory. */
export interface FileNode extends NodeBase {
  readonly kind: 'file'
  body: Uint8Array
  /** Present on stream shard objects. */
  shard?: ShardState
}

/** A directory; a stream when `stream` is set. */
export interface DirectoryNode extends NodeBase {
  readonly kind: 'directory'
  readonly children: Map<string, StoredNode>
  stream?: StreamState
}

/** Any stored object. */
export type StoredNode = FileNode | DirectoryNode

/** A container: a named, numbered root directory. */
export interface ContainerRecord {
  readonly name: string
  readonly id: number
  /** Creation time, nanoseconds since the epoch. */
  readonly creationTime: bigint
  readonly root: DirectoryNode
  /** What the control plane was told the container is for; absent for configured containers. */
  readonly description?: string
}

/** The container-relative path of a node, without leading or trailing `/`. */
export function nodePath(node: StoredNode): string {
  const names: string[] = []
  for (let current: StoredNode | undefined = node; current?.parent; current = current.parent)
    names.push(current.name)
  return names.reverse().join('/')
}

/** `__size`: body length; for shards the retained record bytes; 0 for directories (ED-29). */
export function objectSize(node: StoredNode): number {
  if (node.kind === 'directory') return 0
  return node.shard ? node.shard.retainedBytes : node.body.length
}

/** `__mode`: 0100664 for files, items and shards, 040775 for directories (ED-29). */
export function objectMode(node: StoredNode): number {
  return node.kind === 'directory' ? 0o40775 : 0o100664
}

/** Owner uid and gid of every object (ED-29). */
export const ownerId = 1000
