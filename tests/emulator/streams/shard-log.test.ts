import { describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/emulator/clock.js'
import { MemoryStore } from '../../../src/emulator/storage/memory-store.js'
import type { StreamState } from '../../../src/emulator/storage/nodes.js'
import {
  appendRecord,
  endPosition,
  ensureShardNode,
  findShard,
  firstPosition,
  isShardName,
  newShardState,
  purgeExpired,
  recordIndex,
} from '../../../src/emulator/streams/shard-log.js'

const hour = 3_600_000_000_000n
const bytes = (text: string) => new TextEncoder().encode(text)

function streamDirectory() {
  const store = new MemoryStore(['bigdata'], manualClock(1_000n * hour).clock)
  const root = store.findContainer('bigdata')?.root
  if (!root) throw new Error('no container')
  const directory = store.ensureDirectory(root, ['s'])
  const stream: StreamState = { shardCount: 4, retentionPeriodHours: 2, incarnation: 9, roundRobin: 0 }
  directory.stream = stream
  return { store, directory, stream }
}

describe('shard log', () => {
  it('knows shard names: 0 or digits without leading zeros', () => {
    expect(['0', '1', '10', '4095'].every(isShardName)).toBe(true)
    expect(['00', '01', '-1', '1a', '', ' 1', undefined].some((name) => isShardName(name))).toBe(false)
  })

  it('creates shard objects lazily, empty, and finds them', () => {
    const { store, directory } = streamDirectory()
    expect(findShard(directory, 2)).toBeUndefined()
    const node = ensureShardNode(store, directory, 2)
    expect(node?.name).toBe('2')
    expect(node?.shard).toEqual(newShardState())
    expect(findShard(directory, 2)).toBe(node?.shard)
    expect(ensureShardNode(store, directory, 2)).toBe(node)
    // A directory occupying the name leaves no room for the shard.
    store.ensureDirectory(directory, ['3'])
    expect(ensureShardNode(store, directory, 3)).toBeUndefined()
  })

  it('numbers records from 1 and tracks positions, size and indexes', () => {
    const shard = newShardState()
    expect([
      firstPosition(shard),
      endPosition(shard),
      firstPosition(undefined),
      endPosition(undefined),
    ]).toEqual([1, 1, 1, 1])
    expect(appendRecord(shard, { arrivalTime: 1n, data: bytes('abc') })).toBe(1)
    expect(appendRecord(shard, { arrivalTime: 2n, data: bytes('de') })).toBe(2)
    expect([firstPosition(shard), endPosition(shard), shard.retainedBytes]).toEqual([1, 3, 5])
    expect([
      recordIndex(shard, 1),
      recordIndex(shard, 2),
      recordIndex(shard, 3),
      recordIndex(shard, 0),
    ]).toEqual([0, 1, -1, -1])
  })

  it('purges the records older than the retention period, keeping the last sequence number', () => {
    const { stream } = streamDirectory()
    const shard = newShardState()
    const now = 100n * hour
    appendRecord(shard, { arrivalTime: now - 3n * hour, data: bytes('old') })
    appendRecord(shard, { arrivalTime: now - 2n * hour - 1n, data: bytes('older than 2h') })
    appendRecord(shard, { arrivalTime: now - 2n * hour, data: bytes('exactly 2h') })
    appendRecord(shard, { arrivalTime: now, data: bytes('new') })
    purgeExpired(shard, stream, now)
    expect(shard.records.map((record) => record.sequenceNumber)).toEqual([3, 4])
    expect(shard.retainedBytes).toBe('exactly 2h'.length + 'new'.length)
    expect([firstPosition(shard), endPosition(shard), shard.lastSequenceNumber]).toEqual([3, 5, 4])
    expect(recordIndex(shard, 3)).toBe(0)
    expect(recordIndex(shard, 2)).toBe(-1)
    purgeExpired(shard, stream, now + 10n * hour)
    expect(shard.records).toEqual([])
    expect([firstPosition(shard), endPosition(shard), shard.retainedBytes]).toEqual([5, 5, 0])
  })
})
