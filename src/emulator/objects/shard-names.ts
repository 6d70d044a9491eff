import type { DirectoryNode } from '../storage/nodes.js'

const shardId = /^(?:0|[1-9][0-9]*)$/

/** Inside a stream directory, names that are shard ids belong to the stream (ED-40). */
export function isReservedShardName(parent: DirectoryNode | undefined, name: string): boolean {
  return parent?.stream !== undefined && shardId.test(name)
}
