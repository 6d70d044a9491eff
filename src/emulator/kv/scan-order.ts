/**
 * The order in which GetItems visits the objects of a directory (ED-38): by slice — xxHash32 of the
 * sharding key modulo 1024 — then by name in UTF-8 byte order. The order of each directory is computed
 * once and cached until the directory's entries change; PutItem and UpdateItem insert the items they
 * create into a current order instead of discarding it, so a table that only grows through KV writes is
 * never re-sorted.
 */

import { xxHash32 } from '../hashing/xxhash32.js'
import type { DirectoryNode, FileNode } from '../storage/nodes.js'
import { compareUtf8 } from '../storage/utf8-order.js'

/** Slices per container (*Documented*). */
export const SLICE_COUNT = 1024
/** Slices per virtual-node group: 8 groups of 128 (ED-38). */
export const SLICES_PER_GROUP = 128

/** One object in scan order. */
export interface ScanEntry {
  readonly slice: number
  readonly name: string
  readonly node: FileNode
}

/** The sharding key: the name up to its leftmost `.`, or the whole name. */
export function shardingKeyOf(name: string): string {
  const dot = name.indexOf('.')
  return dot < 0 ? name : name.slice(0, dot)
}

/** The sorting key: the name after its leftmost `.`, or empty. */
export function sortingKeyOf(name: string): string {
  const dot = name.indexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1)
}

/** The slice of a sharding key: xxHash32 of its UTF-8 bytes (seed 0) modulo 1024. */
export function sliceOfShardingKey(shardingKey: string): number {
  return xxHash32(shardingKey) % SLICE_COUNT
}

/** The slice of an item name. */
export function sliceOf(name: string): number {
  return sliceOfShardingKey(shardingKeyOf(name))
}

/** The virtual-node group of a slice. */
export function groupOf(slice: number): number {
  return Math.floor(slice / SLICES_PER_GROUP)
}

/** Compares two scan positions (slice, then name bytes). */
export function comparePositions(sliceA: number, nameA: string, sliceB: number, nameB: string): number {
  return sliceA !== sliceB ? sliceA - sliceB : compareUtf8(nameA, nameB)
}

/** Where a scan stands in a {@link ScanOrder}: a block and an index in it. */
export interface ScanPosition {
  readonly block: number
  readonly index: number
}

/** Entries per block: inserting costs at most a block's worth of moves, however large the table. */
const blockSize = 512

/**
 * The scan order of one directory as a list of sorted blocks (a one-level B-tree), so that inserting
 * an item into the order of a large table does not move the whole table.
 */
export class ScanOrder {
  private constructor(
    /** The directory's mtime when the order was last known to be complete; entry changes touch it. */
    public stamp: bigint,
    private readonly blocks: ScanEntry[][],
  ) {}

  /** An order from entries already sorted. */
  static fromSorted(stamp: bigint, entries: readonly ScanEntry[]): ScanOrder {
    const blocks: ScanEntry[][] = []
    for (let i = 0; i < entries.length; i += blockSize) blocks.push(entries.slice(i, i + blockSize))
    return new ScanOrder(stamp, blocks)
  }

  /** Number of entries. */
  get size(): number {
    let size = 0
    for (const block of this.blocks) size += block.length
    return size
  }

  /** Every entry in order (for tests and diagnostics). */
  toArray(): ScanEntry[] {
    return this.blocks.flat()
  }

  /** The entry at `position`, or `undefined` at the end. */
  at(position: ScanPosition): ScanEntry | undefined {
    return this.blocks[position.block]?.[position.index]
  }

  /** The position after `position`. */
  next(position: ScanPosition): ScanPosition {
    const block = this.blocks[position.block]
    if (block && position.index + 1 < block.length)
      return { block: position.block, index: position.index + 1 }
    return { block: position.block + 1, index: 0 }
  }

  /** The first position at or after (`slice`, `name`) — strictly after it when `strict`. */
  seek(slice: number, name: string, strict: boolean): ScanPosition {
    let low = 0
    let high = this.blocks.length
    // The first block whose last entry is not before the target holds the position.
    while (low < high) {
      const middle = (low + high) >>> 1
      const block = this.blocks[middle] as ScanEntry[]
      const last = block[block.length - 1] as ScanEntry
      if (isBefore(last, slice, name, strict)) low = middle + 1
      else high = middle
    }
    const block = this.blocks[low]
    return block ? { block: low, index: lowerBound(block, slice, name, strict) } : { block: low, index: 0 }
  }

  /** Inserts an entry at its place, splitting a block that grows too large. */
  insert(entry: ScanEntry): void {
    if (this.blocks.length === 0) {
      this.blocks.push([entry])
      return
    }
    const position = this.seek(entry.slice, entry.name, false)
    const blockIndex = Math.min(position.block, this.blocks.length - 1)
    const block = this.blocks[blockIndex] as ScanEntry[]
    block.splice(position.block === blockIndex ? position.index : block.length, 0, entry)
    if (block.length > 2 * blockSize) this.blocks.splice(blockIndex + 1, 0, block.splice(blockSize))
  }
}

function isBefore(entry: ScanEntry, slice: number, name: string, strict: boolean): boolean {
  const order = comparePositions(entry.slice, entry.name, slice, name)
  return order < 0 || (strict && order === 0)
}

const cache = new WeakMap<DirectoryNode, ScanOrder>()

function current(directory: DirectoryNode): ScanOrder | undefined {
  const cached = cache.get(directory)
  return cached && cached.stamp === directory.mtime ? cached : undefined
}

/** The non-directory children of `directory` in scan order; cached until the directory changes. */
export function scanOrder(directory: DirectoryNode): ScanOrder {
  const cached = current(directory)
  if (cached) return cached
  const entries: ScanEntry[] = []
  for (const node of directory.children.values()) {
    if (node.kind === 'file') entries.push({ slice: sliceOf(node.name), name: node.name, node })
  }
  entries.sort((a, b) => comparePositions(a.slice, a.name, b.slice, b.name))
  const order = ScanOrder.fromSorted(directory.mtime, entries)
  cache.set(directory, order)
  return order
}

/**
 * Runs `create`, which adds exactly one file to `directory`, and keeps a current cached order current
 * by inserting the new file instead of discarding the order.
 */
export function createTracked(directory: DirectoryNode, create: () => FileNode): FileNode {
  const cached = current(directory)
  const file = create()
  if (cached) {
    cached.insert({ slice: sliceOf(file.name), name: file.name, node: file })
    cached.stamp = directory.mtime
  }
  return file
}

/**
 * Index of the first entry of a sorted array at or after (`slice`, `name`) — or strictly after it when
 * `strict` — by binary search.
 */
export function lowerBound(
  entries: readonly ScanEntry[],
  slice: number,
  name: string,
  strict: boolean,
): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (isBefore(entries[middle] as ScanEntry, slice, name, strict)) low = middle + 1
    else high = middle
  }
  return low
}

/** The slices of segment `segment` of `total`: those `k` with floor(k × total / 1024) = segment (ED-38). */
export function segmentSlices(segment: number, total: number): { first: number; last: number } {
  return {
    first: Math.ceil((segment * SLICE_COUNT) / total),
    last: Math.ceil(((segment + 1) * SLICE_COUNT) / total) - 1,
  }
}
