import { notADirectory } from '../api-error.js'
import type { Clock } from '../clock.js'
import type { ContainerRecord, DirectoryNode, FileNode, StoredNode } from './nodes.js'
import type { Lookup, Store } from './store.js'
import { compareUtf8 } from './utf8-order.js'

/** The first container ID; further containers count up in configuration order (ED-46). */
const firstContainerId = 1026

/** Keeps everything in memory; the emulator's default (and, for now, only) store. */
export class MemoryStore implements Store {
  private readonly containers: ContainerRecord[]
  private nextInode = 1
  // Sorted child lists, dropped whenever a directory gains or loses a child.
  private readonly sorted = new WeakMap<DirectoryNode, StoredNode[]>()

  constructor(
    containerNames: readonly string[],
    private readonly clock: Clock,
  ) {
    this.containers = containerNames
      .map((name, index) => {
        const creationTime = clock()
        const root = this.newDirectory(name, undefined, creationTime)
        return { name, id: firstContainerId + index, creationTime, root }
      })
      .sort((a, b) => compareUtf8(a.name, b.name))
  }

  now(): bigint {
    return this.clock()
  }

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
