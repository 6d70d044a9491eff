import type { AccessKeyArchive } from '../control-plane/identities.js'
import type { ContainerRecord, DirectoryNode, FileNode, StoredNode } from './nodes.js'

/** Where a path leads: the node, or why there is none. */
export type Lookup =
  | { readonly node: StoredNode }
  | {
      readonly node: undefined
      /** The parent directory when it exists (the last segment alone is missing). */
      readonly parent: DirectoryNode | undefined
      /** A component before the last one is a file (→ `Not a directory`). */
      readonly blockedByFile: boolean
    }

/**
 * The emulator's storage: containers holding a tree of directories and objects. Handlers reach data
 * only through this interface (the in-memory implementation is `MemoryStore`); node contents
 * (bodies, attributes, records) are plain fields of the nodes it returns.
 */
export interface Store {
  /** Containers in ascending name order. @internal */
  listContainers(): readonly ContainerRecord[]
  /** A container by name, or by numeric ID (ED-46). @internal */
  findContainer(nameOrId: string): ContainerRecord | undefined
  /**
   * Creates an empty container (the control plane's `POST /api/containers`), numbered after every ID so
   * far; the caller has checked the name and that it is free.
   * @internal
   */
  createContainer(name: string, description: string): ContainerRecord
  /** Deletes an empty container (the control plane's `DELETE /api/containers/<id>`). @internal */
  removeContainer(container: ContainerRecord): void
  /** Resolves container-relative segments. @internal */
  lookup(root: DirectoryNode, segments: readonly string[]): Lookup
  /**
   * `mkdir -p`: the directory at `segments`, created with its missing parents; a file on the way → 409 -20.
   * @internal
   */
  ensureDirectory(root: DirectoryNode, segments: readonly string[]): DirectoryNode
  /** Creates an empty file (object, item or shard) in `parent`. @internal */
  createFile(parent: DirectoryNode, name: string): FileNode
  /** Removes a node from its parent. Directories must be empty. @internal */
  remove(node: StoredNode): void
  /** The children of a directory in UTF-8 byte order of their names. @internal */
  sortedChildren(directory: DirectoryNode): readonly StoredNode[]
  /** Marks a node modified: its mtime becomes strictly greater than before (ED-29). @internal */
  touch(node: StoredNode): void
  /**
   * Records a change that does not advance a node's mtime (a stream's shard count, say), so that a durable
   * store writes it at the next {@link Store.commit}. Changes made through the other methods need no call.
   * @internal
   */
  noteChange(node: StoredNode): void
  /** A fresh value of the store's clock, in nanoseconds since the epoch. */
  now(): bigint
  /** Where a durable store keeps the control plane's minted access keys; absent in memory. @internal */
  readonly accessKeyArchive?: AccessKeyArchive
  /** How the data is kept, for the start-up line: e.g. `in-memory (data is lost on exit)`. */
  readonly description: string
  /**
   * Makes every change made so far durable. The server calls it after each request and waits for it
   * before writing the answer, so an acknowledged write survives a crash; in memory it does nothing. A
   * durable store may resolve later, to write the changes of concurrent requests in one transaction
   * (group commit). Fails when the data could not be written (the request is then answered 500).
   */
  commit(): void | Promise<void>
  /**
   * Commits what is pending and releases the storage (closes the database). Call it once the server has
   * stopped answering; later calls do nothing, and the store must not be used afterwards.
   */
  close(): void
}
