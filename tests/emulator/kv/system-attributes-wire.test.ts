import { describe, expect, it } from 'vitest'
import type { StoredNode } from '../../../src/emulator/storage/nodes.js'
import { uniquePath } from '../../support/emulator.js'
import { exchangeStart, header, scanItems, useKvEmulator, verifierOf } from './kv-wire-support.js'

type Item = Record<string, { S?: string; N?: string }>

const systemOrder = [
  '__name',
  '__size',
  '__mode',
  '__atime_secs',
  '__atime_nsecs',
  '__mtime_secs',
  '__mtime_nsecs',
  '__ctime_secs',
  '__ctime_nsecs',
  '__uid',
  '__gid',
  '__obj_type',
  '__collection_id',
  '__last_sequence_num',
  '__inode_number',
]

describe('system attributes per object kind on the wire (ED-29, ED-40)', () => {
  const kv = useKvEmulator()
  const all = async (path: string): Promise<Item> => {
    const answer = await kv.call('GetItem', path, { AttributesToGet: '**' })
    expect(answer.status).toBe(200)
    return (answer.json() as { Item: Item }).Item
  }
  const node = (path: string): StoredNode => {
    const [container, ...segments] = path.split('/').filter(Boolean)
    const root = kv.emulator.store.findContainer(container as string)?.root
    const found = root && kv.emulator.store.lookup(root, segments)
    if (!found?.node) throw new Error(`no node at ${path}`)
    return found.node
  }

  it('gives a file its size, mode, owner, type, parent, inode and times (ctime fixed, atime = mtime)', async () => {
    const dir = `/bigdata/${uniquePath('file')}`
    kv.clock.set(exchangeStart)
    await kv.http('PUT', `${dir}/f`, 'twelve bytes')
    kv.clock.set(exchangeStart + 2_000_000_001n)
    const put = await kv.call('PutItem', `${dir}/f`, { Item: { u: { N: '1' } } })
    const item = await all(`${dir}/f`)
    expect(Object.keys(item)).toEqual(['u', ...systemOrder.filter((name) => name !== '__last_sequence_num')])
    expect(item).toEqual({
      u: { N: '1' },
      __name: { S: 'f' },
      __size: { N: '12' },
      __mode: { N: '33204' },
      __atime_secs: { N: '1714557602' },
      __atime_nsecs: { N: '123456790' },
      __mtime_secs: { N: '1714557602' },
      __mtime_nsecs: { N: '123456790' },
      __ctime_secs: { N: '1714557600' },
      __ctime_nsecs: { N: '123456789' },
      __uid: { N: '1000' },
      __gid: { N: '1000' },
      __obj_type: { N: '1' },
      __collection_id: { N: String(node(dir).inode) },
      __inode_number: { N: String(node(`${dir}/f`).inode) },
    })
    expect(header(put, 'x-v3io-transaction-verifier')).toBe(verifierOf(exchangeStart + 2_000_000_001n))
    expect((await all(`${dir}/f`)).__inode_number).toEqual(item.__inode_number)
    await kv.call('PutItem', `${dir}/g`, { Item: {} })
    expect((await all(`${dir}/g`)).__inode_number).not.toEqual(item.__inode_number)
  })

  it('gives directories and the container root type 2, mode 16893 and no user attributes', async () => {
    const dir = `/bigdata/${uniquePath('dir')}`
    await kv.call('PutItem', `${dir}/sub/k`, { Item: { a: { N: '1' } } })
    const item = await all(`${dir}/sub`)
    expect(item).toMatchObject({
      __name: { S: 'sub' },
      __size: { N: '0' },
      __mode: { N: '16893' },
      __obj_type: { N: '2' },
      __collection_id: { N: String(node(dir).inode) },
    })
    expect(Object.keys(item)).not.toContain('a')
    const root = await all('/users/')
    expect(root).toMatchObject({
      __name: { S: 'users' },
      __obj_type: { N: '2' },
      __collection_id: { N: '0' },
    })
    const star = await kv.call('GetItem', `${dir}/sub`, {})
    expect(star.json()).toEqual({ Item: {} })
  })

  it('creates shard objects on attribute writes to in-range ids, with type 3 and __last_sequence_num', async () => {
    const stream = `/bigdata/${uniquePath('stream')}`
    expect((await kv.call('CreateStream', `${stream}/`, { ShardCount: 2 })).status).toBe(204)
    expect((await kv.call('GetItem', `${stream}/1`, {})).status).toBe(404)
    const guarded = await kv.call('PutItem', `${stream}/1`, {
      Item: { __cg_committed_sequence_number: { N: '0' } },
      ConditionExpression: '__obj_type == 3',
    })
    expect(guarded.status).toBe(400)
    expect((await kv.call('GetItem', `${stream}/1`, {})).status).toBe(404)

    const created = await kv.call('UpdateItem', `${stream}/1`, {
      UpdateExpression: '__cg_committed_sequence_number = 5',
    })
    expect(created.status).toBe(200)
    const shard = await all(`${stream}/1`)
    expect(shard).toMatchObject({
      __cg_committed_sequence_number: { N: '5' },
      __name: { S: '1' },
      __size: { N: '0' },
      __mode: { N: '33204' },
      __obj_type: { N: '3' },
      __last_sequence_num: { N: '0' },
      __collection_id: { N: String(node(stream).inode) },
    })
    expect(Object.keys(shard).filter((name) => systemOrder.includes(name))).toEqual(systemOrder)

    const records = await kv.call('PutRecords', `${stream}/`, {
      Records: [
        { Data: 'AAEC', ShardId: 1 },
        { Data: 'AAECAw==', ShardId: 1 },
      ],
    })
    expect(records.status).toBe(200)
    const after = await all(`${stream}/1`)
    expect(after).toMatchObject({
      __cg_committed_sequence_number: { N: '5' },
      __size: { N: '7' },
      __last_sequence_num: { N: '2' },
    })
    const guardedNow = await kv.call('PutItem', `${stream}/1`, {
      UpdateMode: 'CreateOrReplaceAttributes',
      Item: { __cg_committed_sequence_number: { N: '2' } },
      ConditionExpression: '__obj_type == 3 AND __last_sequence_num >= 2',
    })
    expect(guardedNow.status).toBe(200)
    expect((await all(`${stream}/1`)).__last_sequence_num).toEqual({ N: '2' })
  })

  it('refuses attribute writes to shard ids beyond the shard count, and treats 007 as an ordinary object', async () => {
    const stream = `/bigdata/${uniquePath('stream')}`
    await kv.call('CreateStream', `${stream}/`, { ShardCount: 2 })
    const outOfRange = { ErrorCode: -201326594, ErrorMessage: 'ShardIDOutOfRangeException' }
    for (const [name, body] of [
      ['PutItem', { Item: {} }],
      ['UpdateItem', { UpdateExpression: 'a = 1' }],
    ] as const) {
      const answer = await kv.call(name, `${stream}/2`, body)
      expect([answer.status, answer.json()]).toEqual([400, outOfRange])
      const byKey = await kv.call(name, `${stream}/`, { ...body, Key: { id: { S: '99999999999999999999' } } })
      expect([byKey.status, byKey.json()]).toEqual([400, outOfRange])
    }
    expect((await kv.call('PutItem', `${stream}/007`, { Item: { a: { N: '1' } } })).status).toBe(200)
    expect((await all(`${stream}/007`)).__obj_type).toEqual({ N: '1' })
    await kv.call('PutItem', `${stream}/0`, { Item: {} })
    const items = (await scanItems(kv, `${stream}/`, { AttributesToGet: '__name,__obj_type' })) as Item[]
    expect(items.map((item) => [item.__name?.S, item.__obj_type?.N]).sort()).toEqual([
      ['0', '3'],
      ['007', '1'],
    ])
  })
})
