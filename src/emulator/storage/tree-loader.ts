import type { BodyFiles } from './data-dir.js'
import type { RestoredTree } from './memory-store.js'
import { decodeAttributes, decodeStream } from './node-rows.js'
import type { ContainerRecord, DirectoryNode, FileNode, ShardState, StoredNode } from './nodes.js'
import type { SqlDatabase } from './sqlite-driver.js'

/** What is already in the database for each node, so that a commit writes only what changed. */
export interface PersistedState {
  /** The body array last written for a file, and the body file holding it (if not inline). */
  readonly bodies: WeakMap<FileNode, { readonly bytes: Uint8Array; readonly file: string | undefined }>
  /** The sequence numbers of a shard's oldest retained record and newest record in the database. */
  readonly shards: WeakMap<FileNode, { readonly first: number; readonly last: number }>
}

/** A tree read back from the database, with the bookkeeping of what it holds. */
export interface LoadedTree {
  readonly restored: RestoredTree
  readonly persisted: PersistedState
  /** Body files the rows refer to (any other file in `bodies/` is a crash leftover). */
  readonly bodyFiles: ReadonlySet<string>
}

/** Reads every container, node and record from the database into the in-memory model. */
export function loadTree(database: SqlDatabase, bodies: BodyFiles): LoadedTree {
  const persisted: PersistedState = { bodies: new WeakMap(), shards: new WeakMap() }
  const bodyFiles = new Set<string>()
  const nodes = new Map<number, StoredNode>()
  const parents: [StoredNode, number][] = []
  let nextInode = 1
  const rows = database.prepare('SELECT * FROM nodes ORDER BY inode').all()
  for (const row of rows) {
    const inode = Number(row.inode)
    const common = {
      inode,
      name: String(row.name),
      parent: undefined,
      ctime: BigInt(String(row.ctime)),
      mtime: BigInt(String(row.mtime)),
      attributes: decodeAttributes(String(row.attributes)),
    }
    let node: StoredNode
    if (row.kind === 'directory') {
      const directory: DirectoryNode = { kind: 'directory', ...common, children: new Map() }
      if (typeof row.stream === 'string') directory.stream = decodeStream(row.stream)
      node = directory
    } else {
      const file = typeof row.body_file === 'string' ? row.body_file : undefined
      const body = file
        ? bodies.read(file)
        : new Uint8Array((row.body as Uint8Array | null) ?? new Uint8Array(0))
      const fileNode: FileNode = { kind: 'file', ...common, body }
      persisted.bodies.set(fileNode, { bytes: body, file })
      if (file) bodyFiles.add(file)
      if (row.shard_last_sequence !== null && row.shard_last_sequence !== undefined) {
        const last = Number(row.shard_last_sequence)
        fileNode.shard = { records: [], lastSequenceNumber: last, retainedBytes: 0 }
      }
      node = fileNode
    }
    nodes.set(inode, node)
    if (row.parent !== null && row.parent !== undefined) parents.push([node, Number(row.parent)])
    nextInode = Math.max(nextInode, inode + 1)
  }
  for (const [node, parentInode] of parents) {
    const parent = nodes.get(parentInode)
    if (parent?.kind !== 'directory')
      throw new Error(`corrupt database: node ${node.inode} has no parent directory`)
    node.parent = parent
    parent.children.set(node.name, node)
  }
  loadRecords(database, nodes)
  for (const node of nodes.values()) {
    if (node.kind !== 'file' || !node.shard) continue
    const shard: ShardState = node.shard
    const first = shard.records[0]?.sequenceNumber ?? shard.lastSequenceNumber + 1
    persisted.shards.set(node, { first, last: shard.lastSequenceNumber })
  }
  const containers: ContainerRecord[] = database
    .prepare('SELECT id, name, creation_time, root_inode, description FROM containers ORDER BY id')
    .all()
    .map((row) => {
      const root = nodes.get(Number(row.root_inode))
      if (root?.kind !== 'directory')
        throw new Error(`corrupt database: container ${String(row.name)} has no root`)
      return {
        id: Number(row.id),
        name: String(row.name),
        creationTime: BigInt(String(row.creation_time)),
        root,
        ...(typeof row.description === 'string' ? { description: row.description } : {}),
      }
    })
  return { restored: { containers, nextInode }, persisted, bodyFiles }
}

function loadRecords(database: SqlDatabase, nodes: ReadonlyMap<number, StoredNode>): void {
  const rows = database
    .prepare(
      'SELECT shard, sequence_number, arrival_time, data, client_info, partition_key FROM records ORDER BY shard, sequence_number',
    )
    .all()
  for (const row of rows) {
    const node = nodes.get(Number(row.shard))
    if (node?.kind !== 'file' || !node.shard)
      throw new Error(`corrupt database: records of a missing shard ${String(row.shard)}`)
    const data = new Uint8Array(row.data as Uint8Array)
    node.shard.records.push({
      sequenceNumber: Number(row.sequence_number),
      arrivalTime: BigInt(String(row.arrival_time)),
      data,
      ...(row.client_info !== null && row.client_info !== undefined
        ? { clientInfo: new Uint8Array(row.client_info as Uint8Array) }
        : {}),
      ...(typeof row.partition_key === 'string' ? { partitionKey: row.partition_key } : {}),
    })
    node.shard.retainedBytes += data.length
  }
}
