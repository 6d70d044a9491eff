import { ApiError } from '../api-error.js'
import { AccessKeyTable } from './access-key-table.js'
import type { BodyFiles } from './data-dir.js'
import { MemoryStore, type RestoredTree } from './memory-store.js'
import { encodeAttributes, encodeStream } from './node-rows.js'
import type { ContainerRecord, FileNode, StoredNode } from './nodes.js'
import type { PersistentStoreOptions } from './open-persistent-store.js'
import type { SqlDatabase, SqlStatement } from './sqlite-driver.js'
import type { PersistedState } from './tree-loader.js'

/** Bodies longer than this live in files beside the database rather than in its rows. */
export const inlineBodyLimit = 256 * 1024

/**
 * The durable store: the in-memory tree is the working model; every node a request creates, changes or
 * removes is remembered, and {@link PersistentStore.commit} writes them all to SQLite in one transaction,
 * which the server runs before it answers. Acknowledged writes therefore survive `kill -9`.
 */
export class PersistentStore extends MemoryStore {
  override readonly description: string
  readonly accessKeyArchive: AccessKeyTable
  private readonly pending = new Set<StoredNode>()
  private readonly roots: Set<StoredNode>
  private readonly statements: Record<
    | 'upsert'
    | 'updateKeepingBody'
    | 'deleteNode'
    | 'deleteRecords'
    | 'trimRecords'
    | 'insertRecord'
    | 'insertContainer'
    | 'deleteContainer',
    SqlStatement
  >
  private closed = false
  private scheduled: Promise<void> | undefined

  constructor(
    private readonly database: SqlDatabase,
    private readonly bodies: BodyFiles,
    private readonly persisted: PersistedState,
    options: PersistentStoreOptions,
    restored: RestoredTree,
    description: string,
  ) {
    super(options.containers, options.clock, restored)
    this.description = description
    this.roots = new Set(this.listContainers().map((container) => container.root))
    const prepare = (sql: string) => database.prepare(sql)
    this.statements = {
      upsert: prepare(
        `INSERT INTO nodes (inode, parent, name, kind, ctime, mtime, attributes, body, body_file, stream, shard_last_sequence)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (inode) DO UPDATE SET mtime = excluded.mtime, attributes = excluded.attributes, body = excluded.body,
           body_file = excluded.body_file, stream = excluded.stream, shard_last_sequence = excluded.shard_last_sequence`,
      ),
      updateKeepingBody: prepare(
        'UPDATE nodes SET mtime = ?, attributes = ?, stream = ?, shard_last_sequence = ? WHERE inode = ?',
      ),
      deleteNode: prepare('DELETE FROM nodes WHERE inode = ?'),
      deleteRecords: prepare('DELETE FROM records WHERE shard = ?'),
      trimRecords: prepare('DELETE FROM records WHERE shard = ? AND sequence_number < ?'),
      insertRecord: prepare(
        `INSERT INTO records (shard, sequence_number, arrival_time, data, client_info, partition_key)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertContainer: prepare(
        'INSERT INTO containers (id, name, creation_time, root_inode, description) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteContainer: prepare('DELETE FROM containers WHERE id = ?'),
    }
    this.accessKeyArchive = new AccessKeyTable(database)
    const known = new Set(restored.containers.map((container) => container.name))
    const added = this.listContainers().filter((container) => !known.has(container.name))
    if (added.length > 0) {
      this.transaction(() => {
        for (const container of added) this.insertContainer(container)
      })
    }
  }

  /** A container created through the control plane is durable before it is announced. */
  override createContainer(name: string, description: string): ContainerRecord {
    const container = super.createContainer(name, description)
    this.roots.add(container.root)
    this.transaction(() => this.insertContainer(container))
    return container
  }

  override removeContainer(container: ContainerRecord): void {
    super.removeContainer(container)
    this.roots.delete(container.root)
    this.pending.delete(container.root)
    this.transaction(() => {
      this.statements.deleteContainer.run(container.id)
      this.statements.deleteNode.run(container.root.inode)
    })
  }

  private insertContainer(container: ContainerRecord): void {
    const { id, name, creationTime, root, description } = container
    this.statements.insertContainer.run(id, name, creationTime.toString(), root.inode, description ?? null)
    this.writeNode(root, undefined)
  }

  protected override changed(node: StoredNode): void {
    this.pending.add(node)
  }

  /**
   * Resolves once every change made so far is committed. Requests finishing in the same turn of the event
   * loop share one transaction (one fsync): the write happens in a `setImmediate` after them.
   */
  override commit(): Promise<void> | undefined {
    if (this.closed) return Promise.reject(new Error('the emulator store is closed'))
    if (this.pending.size === 0) return undefined
    this.scheduled ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        this.scheduled = undefined
        try {
          if (!this.closed) this.flush()
          resolve()
        } catch (error) {
          // Every request waiting on this commit is answered 500: none of them is acknowledged.
          console.error('v3io-emulator: could not write to the data directory', error)
          reject(new ApiError(500, -1, 'InternalError: the emulator could not write to its data directory'))
        }
      })
    })
    return this.scheduled
  }

  /** Writes every pending change in one transaction, now. */
  private flush(): void {
    if (this.pending.size === 0) return
    const nodes = new Set(this.pending)
    // PutRecords advances the stream's round-robin counter without touching the stream directory.
    for (const node of this.pending)
      if (node.kind === 'file' && node.shard && node.parent) nodes.add(node.parent)
    // Large bodies reach the disk before the transaction that refers to them commits.
    const newFiles = new Map<FileNode, string>()
    try {
      for (const node of nodes) {
        if (
          node.kind === 'file' &&
          this.isAttached(node) &&
          this.bodyChanged(node) &&
          node.body.length > inlineBodyLimit
        )
          newFiles.set(node, this.bodies.write(node.inode, node.body))
      }
      this.transaction(() => {
        for (const node of nodes) if (!this.isAttached(node)) this.deleteNode(node)
        for (const node of nodes)
          if (this.isAttached(node)) this.writeNode(node, newFiles.get(node as FileNode))
      })
    } catch (error) {
      for (const file of newFiles.values()) this.bodies.remove(file)
      throw error
    }
    this.pending.clear()
    this.afterCommit(nodes, newFiles)
  }

  override close(): void {
    if (this.closed) return
    try {
      this.flush()
    } finally {
      this.closed = true
      this.database.close()
    }
  }

  private isAttached(node: StoredNode): boolean {
    return node.parent !== undefined || this.roots.has(node)
  }

  private bodyChanged(node: FileNode): boolean {
    return this.persisted.bodies.get(node)?.bytes !== node.body
  }

  private deleteNode(node: StoredNode): void {
    this.statements.deleteNode.run(node.inode)
    if (node.kind === 'file' && node.shard) this.statements.deleteRecords.run(node.inode)
  }

  private writeNode(node: StoredNode, bodyFile: string | undefined): void {
    const attributes = encodeAttributes(node.attributes)
    const stream = node.kind === 'directory' && node.stream ? encodeStream(node.stream) : null
    const shard = node.kind === 'file' && node.shard ? node.shard.lastSequenceNumber : null
    if (node.kind === 'file' && !this.bodyChanged(node)) {
      this.statements.updateKeepingBody.run(node.mtime.toString(), attributes, stream, shard, node.inode)
    } else {
      const body = node.kind === 'file' && bodyFile === undefined ? asBuffer(node.body) : null
      this.statements.upsert.run(
        node.inode,
        node.parent?.inode ?? null,
        node.name,
        node.kind,
        node.ctime.toString(),
        node.mtime.toString(),
        attributes,
        body,
        bodyFile ?? null,
        stream,
        shard,
      )
    }
    if (node.kind === 'file') this.writeRecords(node)
  }

  /** Inserts the records appended since the last commit and deletes those purged since (ED-43). */
  private writeRecords(node: FileNode): void {
    const shard = node.shard
    if (!shard) return
    const before = this.persisted.shards.get(node) ?? { first: 1, last: 0 }
    const first = shard.records[0]?.sequenceNumber ?? shard.lastSequenceNumber + 1
    if (first > before.first) this.statements.trimRecords.run(node.inode, first)
    const start = Math.max(0, before.last + 1 - first)
    for (let index = start; index < shard.records.length; index++) {
      const record = shard.records[index]
      if (!record) break
      this.statements.insertRecord.run(
        node.inode,
        record.sequenceNumber,
        record.arrivalTime.toString(),
        asBuffer(record.data),
        record.clientInfo ? asBuffer(record.clientInfo) : null,
        record.partitionKey ?? null,
      )
    }
  }

  /** Brings the bookkeeping up to the database's new state and deletes body files nothing refers to. */
  private afterCommit(nodes: ReadonlySet<StoredNode>, newFiles: ReadonlyMap<FileNode, string>): void {
    for (const node of nodes) {
      if (node.kind !== 'file') continue
      const previous = this.persisted.bodies.get(node)
      if (!this.isAttached(node)) {
        if (previous?.file) this.bodies.remove(previous.file)
        this.persisted.bodies.delete(node)
        this.persisted.shards.delete(node)
        continue
      }
      if (previous?.bytes !== node.body) {
        if (previous?.file) this.bodies.remove(previous.file)
        this.persisted.bodies.set(node, { bytes: node.body, file: newFiles.get(node) })
      }
      if (node.shard) {
        const first = node.shard.records[0]?.sequenceNumber ?? node.shard.lastSequenceNumber + 1
        this.persisted.shards.set(node, { first, last: node.shard.lastSequenceNumber })
      }
    }
  }

  private transaction(work: () => void): void {
    this.database.exec('BEGIN IMMEDIATE')
    try {
      work()
      this.database.exec('COMMIT')
    } catch (error) {
      this.database.exec('ROLLBACK')
      throw error
    }
  }
}

/** A Buffer view of the bytes (better-sqlite3 binds Buffers, not plain Uint8Arrays); no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
