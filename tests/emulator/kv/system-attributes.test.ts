import { describe, expect, it } from 'vitest'
import { objectType, systemAttribute, systemAttributes } from '../../../src/emulator/kv/system-attributes.js'
import type { DirectoryNode, FileNode } from '../../../src/emulator/storage/nodes.js'

const root: DirectoryNode = {
  kind: 'directory',
  inode: 1,
  name: 'bigdata',
  parent: undefined,
  ctime: 5n,
  mtime: 1_714_557_600_123_456_789n,
  attributes: new Map(),
  children: new Map(),
}
const stream: DirectoryNode = { ...root, inode: 7, name: 'events', parent: root, children: new Map() }
stream.stream = { shardCount: 2, retentionPeriodHours: 24, incarnation: 1, roundRobin: 0 }
const file: FileNode = {
  kind: 'file',
  inode: 8,
  name: 'notes',
  parent: stream,
  ctime: 1_000_000_000_000_000_001n,
  mtime: 1_000_000_002_000_000_003n,
  attributes: new Map(),
  body: new Uint8Array(12),
}
const shard: FileNode = {
  ...file,
  inode: 9,
  name: '1',
  shard: { records: [], lastSequenceNumber: 42, retainedBytes: 300 },
}
const values = (node: FileNode | DirectoryNode) =>
  Object.fromEntries(
    systemAttributes(node).map(([name, value]) => [
      name,
      value.type === 'string' || value.type === 'int' ? String(value.value) : `unexpected ${value.type}`,
    ]),
  )

describe('system attribute values (ED-29)', () => {
  it('derives a file’s attributes', () => {
    expect(values(file)).toEqual({
      __name: 'notes',
      __size: '12',
      __mode: '33204',
      __atime_secs: '1000000002',
      __atime_nsecs: '3',
      __mtime_secs: '1000000002',
      __mtime_nsecs: '3',
      __ctime_secs: '1000000000',
      __ctime_nsecs: '1',
      __uid: '1000',
      __gid: '1000',
      __obj_type: '1',
      __collection_id: '7',
      __inode_number: '8',
    })
  })

  it('derives a shard’s attributes: type 3, record bytes as size, last sequence number', () => {
    expect(values(shard)).toMatchObject({
      __name: '1',
      __size: '300',
      __mode: '33204',
      __obj_type: '3',
      __collection_id: '7',
      __last_sequence_num: '42',
      __inode_number: '9',
    })
    expect(systemAttributes(shard).map(([name]) => name)).toContain('__last_sequence_num')
  })

  it('derives directory and container-root attributes', () => {
    expect(values(stream)).toMatchObject({
      __name: 'events',
      __size: '0',
      __mode: '16893',
      __obj_type: '2',
      __collection_id: '1',
    })
    expect(values(root)).toMatchObject({
      __name: 'bigdata',
      __collection_id: '0',
      __mtime_nsecs: '123456789',
    })
    expect([objectType(root), objectType(file), objectType(shard)]).toEqual([2, 1, 3])
  })

  it('has no value for unknown names or __last_sequence_num outside shards', () => {
    expect(systemAttribute(file, '__last_sequence_num')).toBeUndefined()
    expect(systemAttribute(file, 'age')).toBeUndefined()
    expect(systemAttribute(file, '__name')).toEqual({ type: 'string', value: 'notes' })
  })
})
