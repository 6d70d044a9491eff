import { notADirectory } from '../api-error.js'
import type { Clock } from '../clock.js'
import type { ContainerRecord, DirectoryNode, FileNode, StoredNode } from './nodes.js'
import type { Lookup, Store } from './store.js'
import { compareUtf8 } from './utf8-order.js'

/** The first container ID; further containers count up in configuration order (ED-46). */
const firstContainerId = 1026

/** A tree loaded from durable storage, which a store continues from. */
export interface RestoredTree {
  readonly containers: readonly ContainerRecord[]
  /** Larger than every inode in the tree. */
  readonly nextInode: number
}

/**
 * Keeps everything in memory: the emulator's default store, and the working model of the durable one
 * (which overrides {@link MemoryStore.changed} to learn what to write).
 */
export class MemoryStore implements Store {
  readonly description: string = 'in-memory (data is lost on exit)'
  private readonly containers: ContainerRecord[]
  private nextInode: number
  private nextContainerId: number
  // Sorted child lists, dropped whenever a directory gains or loses a child.
  private readonly sorted = new WeakMap<DirectoryNode, StoredNode[]>()

  /**
   * Serves the containers of `restored` (if any) plus those of `containerNames` not among them, the new
   * ones numbered after the highest ID so far.
   */
  constructor(
    containerNames: readonly string[],
    private readonly clock: Clock,
    restored?: RestoredTree,
  ) {
    this.containers = [...(restored?.containers ?? [])]
    this.nextInode = restored?.nextInode ?? 1
    this.nextContainerId =
      Math.max(firstContainerId - 1, ...this.containers.map((container) => container.id)) + 1
    for (const name of containerNames) {
      if (this.containers.some((container) => container.name === name)) continue
      this.addContainer(name, undefined)
    }
    this.containers.sort((a, b) => compareUtf8(a.name, b.name))
  }

  createContainer(name: string, description: string): ContainerRecord {
    return this.addContainer(name, description)
  }

  removeContainer(container: ContainerRecord): void {
    if (container.root.children.size > 0) throw new Error('container not empty')
    const index = this.containers.indexOf(container)
    if (index >= 0) this.containers.splice(index, 1)
  }

  private addContainer(name: string, description: string | undefined): ContainerRecord {
    const creationTime = this.clock()
    const root = this.newDirectory(name, undefined, creationTime)
    const container: ContainerRecord = {
      name,
      id: this.nextContainerId++,
      creationTime,
      root,
      ...(description === undefined ? {} : { description }),
    }
    this.containers.push(container)
    this.containers.sort((a, b) => compareUtf8(a.name, b.name))
    return container
  }

  now(): bigint {
    return this.clock()
  }

  noteChange(node: StoredNode): void {
    this.changed(node)
  }

  commit(): void {}

  close(): void {}

  /**
   * Called for every node created, modified or removed (a removed node has no parent) — but not for the
   * container roots the constructor creates, which runs before a subclass is initialised.
   */
  protected changed(_node: StoredNode): void {}

  listContainers(): readonly ContainerRecord[] {
    return this.containers
  }

  findContainer(nameOrId: string): ContainerRecord | undefined {
    if (/^\d+$/.test(nameOrId)) return this.containers.find((container) => container.id === Number(nameOrId))
    return this.containers.find((container) => container.name === nameOrId)
  }

  lookup(root: DirectoryNode, segments: readonly string[]): Lookup {
    let current: DirectoryNode = root
    for (let i = 0; i < segments.length; i++) {
      const child = current.children.get(segments[i] as string)
      if (i === segments.length - 1) {
        return child ? { node: child } : { node: undefined, parent: current, blockedByFile: false }
      }
      if (!child) return { node: undefined, parent: undefined, blockedByFile: false }
      if (child.kind === 'file') return { node: undefined, parent: undefined, blockedByFile: true }
      current = child
    }
    return { node: current }
  }

  ensureDirectory(root: DirectoryNode, segments: readonly string[]): DirectoryNode {
    let current = root
    for (let i = 0; i < segments.length; i++) {
      const name = segments[i] as string
      const child = current.children.get(name)
      if (child?.kind === 'file') throw notADirectory()
      if (child) {
        current = child
        continue
      }
      const created = this.newDirectory(name, current, this.clock())
      this.attach(current, created)
      this.changed(created)
      current = created
    }
    return current
  }

  createFile(parent: DirectoryNode, name: string): FileNode {
    const time = this.clock()
    const file: FileNode = {
      kind: 'file',
      inode: this.nextInode++,
      name,
      parent,
      ctime: time,
      mtime: time,
      attributes: new Map(),
      body: new Uint8Array(0),
    }
    this.attach(parent, file)
    this.changed(file)
    return file
  }

  remove(node: StoredNode): void {
    const parent = node.parent
    if (!parent) throw new Error('a container root cannot be removed')
    if (node.kind === 'directory' && node.children.size > 0) throw new Error('directory not empty')
    parent.children.delete(node.name)
    node.parent = undefined
    this.sorted.delete(parent)
    this.touch(parent)
    this.changed(node)
  }

  sortedChildren(directory: DirectoryNode): readonly StoredNode[] {
    let children = this.sorted.get(directory)
    if (!children) {
      children = [...directory.children.values()].sort((a, b) => compareUtf8(a.name, b.name))
      this.sorted.set(directory, children)
    }
    return children
  }

  touch(node: StoredNode): void {
    const now = this.clock()
    node.mtime = now > node.mtime ? now : node.mtime + 1n
    this.changed(node)
  }

  private attach(parent: DirectoryNode, child: StoredNode): void {
    parent.children.set(child.name, child)
    this.sorted.delete(parent)
    this.touch(parent)
  }

  private newDirectory(name: string, parent: DirectoryNode | undefined, time: bigint): DirectoryNode {
    return {
      kind: 'directory',
      inode: this.nextInode++,
      name,
      parent,
      ctime: time,
      mtime: time,
      attributes: new Map(),
      children: new Map(),
    }
  }
}
