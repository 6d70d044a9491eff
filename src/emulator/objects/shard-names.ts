import { notPermitted } from '../api-error.js'
import type { DirectoryNode } from '../storage/nodes.js'

const shardId = /^(?:0|[1-9][0-9]*)$/

/** Inside a stream directory, names that are shard ids belong to the stream (ED-40). */
export function isReservedShardName(parent: DirectoryNode | undefined, name: string): boolean {
  return parent?.stream !== undefined && shardId.test(name)
}

/**
 * Refuses (403) an object-API write whose path passes through a shard name of a stream: neither a file,
 * a directory nor a parent directory may take a name the stream reserves for its shards (ED-40).
 */
export function assertOutsideShards(root: DirectoryNode, segments: readonly string[]): void {
  let current: DirectoryNode | undefined = root
  for (const name of segments) {
    if (!current) return
    if (isReservedShardName(current, name)) throw notPermitted()
    const child: DirectoryNode | undefined = current.children.get(name) as DirectoryNode | undefined
    current = child?.kind === 'directory' ? child : undefined
  }
}
