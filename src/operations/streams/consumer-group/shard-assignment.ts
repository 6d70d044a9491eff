/**
 * The replica groups of `shardCount` shards shared by `maxReplicas` members, as the Go SDK computes them:
 * group `i` is the shards `s` with `floor(i·step + 0.5) ≤ s < floor((i+1)·step + 0.5)`, `step = N / R`.
 * Groups are empty when there are more replicas than shards.
 */
export function replicaShardGroups(shardCount: number, maxReplicas: number): number[][] {
  const step = shardCount / maxReplicas
  const groups: number[][] = []
  for (let index = 0; index < maxReplicas; index++) {
    const start = Math.floor(index * step + 0.5)
    const end = Math.floor((index + 1) * step + 0.5)
    const group: number[] = []
    for (let shard = start; shard < end; shard++) group.push(shard)
    groups.push(group)
  }
  return groups
}
