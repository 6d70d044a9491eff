/** ED-40R: an attribute write that creates a never-written shard is logged as a warning. */

import { describe, expect, it } from 'vitest'
import type { RequestLogger } from '../../../src/emulator/index.js'
import { uniquePath } from '../../support/emulator.js'
import { rawHttp } from '../../support/raw-http.js'
import { useKvEmulator } from '../kv/kv-wire-support.js'

type LogEntry = Parameters<RequestLogger>[0]

const advice = 'on a platform this creates a plain item, not a shard; guard the write with `__obj_type == 3`'

describe('ED-40R: unguarded writes to never-written shards', () => {
  const log: LogEntry[] = []
  const kv = useKvEmulator({ log: (entry) => log.push(entry), accessKeys: ['secret-key-1234'] })
  const headers = { 'X-v3io-session-key': 'secret-key-1234' }
  const call = async (name: string, target: string, body: unknown) => {
    log.length = 0
    const answer = await rawHttp(kv.emulator.url, 'PUT', target, {
      headers: { ...headers, 'X-v3io-function': name, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { answer, entries: [...log] }
  }
  const createStream = async (shardCount: number) => {
    const stream = `/bigdata/${uniquePath('stream')}`
    expect((await call('CreateStream', `${stream}/`, { ShardCount: shardCount })).answer.status).toBe(204)
    return stream
  }

  it('warns, naming the path, when an UpdateItem or PutItem creates the shard; the shard is still created', async () => {
    const stream = await createStream(3)
    const update = await call('UpdateItem', `${stream}/1`, { UpdateExpression: '__cg_committed = 5' })
    expect(update.answer.status).toBe(200)
    expect(update.entries).toHaveLength(1)
    expect(update.entries[0]).toMatchObject({ method: 'PUT', url: `${stream}/1`, status: 200 })
    expect(update.entries[0]?.warnings).toEqual([
      `UpdateItem ${stream}/1 created never-written shard 1: ${advice}`,
    ])
    // The shard exists (ED-40 stands): a type-3 object with no records.
    const shard = await call('GetItem', `${stream}/1`, { AttributesToGet: '__obj_type,__last_sequence_num' })
    expect(shard.answer.text).toBe('{"Item":{"__obj_type":{"N":"3"},"__last_sequence_num":{"N":"0"}}}')
    expect(shard.entries[0]?.warnings).toBeUndefined()

    const put = await call('PutItem', `${stream}/2`, { Item: { __cg_committed: { N: '1' } } })
    expect(put.answer.status).toBe(200)
    expect(put.entries[0]?.warnings).toEqual([`PutItem ${stream}/2 created never-written shard 2: ${advice}`])
  })

  it('does not warn for guarded writes, writes to existing shards, records, or plain items', async () => {
    const stream = await createStream(2)
    const guarded = await call('UpdateItem', `${stream}/0`, {
      ConditionExpression: '__obj_type == 3',
      UpdateExpression: '__cg_committed = 5',
    })
    expect(guarded.answer.status).toBe(400)
    expect(guarded.entries[0]?.warnings).toBeUndefined()

    const records = await call('PutRecords', `${stream}/`, { Records: [{ Data: 'AAE=', ShardId: 0 }] })
    expect(records.answer.status).toBe(200)
    expect(records.entries[0]?.warnings).toBeUndefined()

    const existing = await call('UpdateItem', `${stream}/0`, {
      ConditionExpression: '__obj_type == 3',
      UpdateExpression: '__cg_committed = 5',
    })
    expect(existing.answer.status).toBe(200)
    expect(existing.entries[0]?.warnings).toBeUndefined()

    const plain = await call('PutItem', `/bigdata/${uniquePath('table')}/1`, { Item: { a: { N: '1' } } })
    expect(plain.answer.status).toBe(200)
    expect(plain.entries[0]?.warnings).toBeUndefined()
  })

  it('warns when a false condition with an alternate expression creates the shard, and never logs the key', async () => {
    const stream = await createStream(1)
    const alternate = await call('UpdateItem', `${stream}/0`, {
      ConditionExpression: 'exists(__cg_committed)',
      UpdateExpression: '__cg_committed = __cg_committed + 1',
      AlternateUpdateExpression: '__cg_committed = 0',
    })
    expect(alternate.answer.status).toBe(400)
    expect(alternate.entries[0]?.warnings).toEqual([
      `UpdateItem ${stream}/0 created never-written shard 0: ${advice}`,
    ])
    expect(JSON.stringify(alternate.entries)).not.toContain('secret-key-1234')
  })
})
