import type { ResolvedGroupOptions } from './group-options.js'

// Where a consumer group keeps its state and commits (the Go SDK's layout). Only the reading engine uses
// these (loaded with a group's first join or inspection).

/** The path of the group's state item: `<stream>/<group>-state.json`. */
export function stateItemPath(options: ResolvedGroupOptions): string {
  return `${options.streamPath}/${options.name}-state.json`
}

/** The hidden attribute holding a group's committed sequence number on each shard object. */
export function committedAttribute(options: Pick<ResolvedGroupOptions, 'name'>): string {
  return `__${options.name}_committed_sequence_number`
}

/** The path of a shard object: `<stream>/<shard id>`. */
export function shardItemPath(options: ResolvedGroupOptions, shardId: number): string {
  return `${options.streamPath}/${shardId}`
}
