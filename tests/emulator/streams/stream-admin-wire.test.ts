import { describe, expect, it } from 'vitest'
import { uniquePath } from '../../support/emulator.js'
import { expectError, invalidArgumentCode, useStreamWire } from './stream-wire-support.js'

describe('CreateStream, DescribeStream and UpdateStream on the wire', () => {
  const wire = useStreamWire()
  const fresh = () => `/bigdata/${uniquePath('admin')}`

  it('creates with 204 and no body; describes with the contract JSON, with an empty body or {}', async () => {
    const path = fresh()
    const created = await wire.call(
      'CreateStream',
      `${path}/`,
      '{"ShardCount":8,"RetentionPeriodHours":24}',
      'POST',
    )
    expect([created.status, created.body.length, created.headers['content-type']]).toEqual([
      204,
      0,
      undefined,
    ])
    for (const body of [undefined, '{}', '  ']) {
      const described = await wire.call('DescribeStream', `${path}/`, body)
      expect(described.status).toBe(200)
      expect(described.headers['content-type']).toBe('application/json')
      expect(described.text).toBe('{"ShardCount":8,"RetentionPeriodHours":24}')
    }
    // PUT and POST alike (ED-2), trailing slash optional.
    expect((await wire.call('DescribeStream', path, undefined, 'POST')).status).toBe(200)
  })

  it('uses 1 shard and 24 hours by default, null counting as absent', async () => {
    const path = fresh()
    expect((await wire.call('CreateStream', `${path}/`, '{"ShardCount":null}', 'POST')).status).toBe(204)
    expect((await wire.call('DescribeStream', `${path}/`)).text).toBe(
      '{"ShardCount":1,"RetentionPeriodHours":24}',
    )
  })

  it('resolves StreamName relative to the URL directory, creating parents', async () => {
    const directory = fresh()
    const created = await wire.call(
      'CreateStream',
      `${directory}/`,
      { StreamName: 'a//b/', ShardCount: 3 },
      'POST',
    )
    expect(created.status).toBe(204)
    expect((await wire.call('DescribeStream', `${directory}/a/b/`)).json()).toEqual({
      ShardCount: 3,
      RetentionPeriodHours: 24,
    })
    expect((await wire.call('DescribeStream', `${directory}/`, { StreamName: 'a/b' })).status).toBe(200)
    expectError(
      await wire.call('DescribeStream', `${directory}/`, { StreamName: 'a/../b' }),
      400,
      invalidArgumentCode,
      /^InvalidArgumentException: /,
    )
    expectError(
      await wire.call('DescribeStream', `${directory}/`, { StreamName: 7 }),
      400,
      invalidArgumentCode,
      /StreamName/,
    )
  })

  it('answers 409 ResourceInUseException for any existing path, 409 -20 under a file', async () => {
    const stream = await wire.stream()
    const directory = fresh()
    await wire.http('PUT', `${directory}/`)
    const file = fresh()
    await wire.http('PUT', file, 'x')
    for (const path of [stream, directory, file])
      expectError(await wire.call('CreateStream', `${path}/`, {}, 'POST'), 409, -17, 'ResourceInUseException')
    expectError(await wire.call('CreateStream', `${file}/s/`, {}, 'POST'), 409, -20, 'Not a directory')
  })

  it.each([
    '{"ShardCount":0}',
    '{"ShardCount":4097}',
    '{"ShardCount":2.5}',
    '{"ShardCount":"8"}',
    '{"RetentionPeriodHours":0}',
    '{"RetentionPeriodHours":8761}',
    '{"RetentionPeriodHours":true}',
  ])('refuses CreateStream %s with 400 InvalidArgumentException', async (body) => {
    const path = fresh()
    expectError(
      await wire.call('CreateStream', `${path}/`, body, 'POST'),
      400,
      invalidArgumentCode,
      /^InvalidArgumentException/,
    )
    expect((await wire.call('DescribeStream', `${path}/`)).status).toBe(404)
  })

  it.each([
    ['{"ShardCount":', /^InvalidArgumentException: malformed JSON body: /],
    ['[1,2]', /^InvalidArgumentException: malformed JSON body: /],
    ['"text"', /^InvalidArgumentException: malformed JSON body: /],
    [new Uint8Array([0x7b, 0xff, 0x7d]), /^InvalidArgumentException: malformed JSON body: /],
    ['['.repeat(100_000), /^InvalidArgumentException: malformed JSON body: /],
  ])('answers 400 to a malformed body (%#)', async (body, message) => {
    expectError(
      await wire.call('CreateStream', `${fresh()}/`, body, 'POST'),
      400,
      invalidArgumentCode,
      message,
    )
  })

  it('refuses the container root and shard paths', async () => {
    expectError(
      await wire.call('CreateStream', '/bigdata/', {}, 'POST'),
      400,
      invalidArgumentCode,
      /InvalidArgumentException/,
    )
    const stream = await wire.stream(4)
    expectError(
      await wire.call('CreateStream', `${stream}/2/`, {}, 'POST'),
      400,
      invalidArgumentCode,
      /shard/,
    )
    expectError(await wire.call('DescribeStream', `${stream}/2/`), 400, invalidArgumentCode, /shard/)
  })

  it('answers 404 ResourceNotFoundException and 400 ResourceNotStreamException', async () => {
    const missing = fresh()
    expectError(await wire.call('DescribeStream', `${missing}/`), 404, -2, 'ResourceNotFoundException')
    expectError(await wire.call('DescribeStream', `${missing}/deeper/`), 404, -2, 'ResourceNotFoundException')
    expectError(
      await wire.call('UpdateStream', `${missing}/`, { ShardCount: 2 }, 'POST'),
      404,
      -2,
      'ResourceNotFoundException',
    )
    const directory = fresh()
    await wire.http('PUT', `${directory}/`)
    expectError(await wire.call('DescribeStream', `${directory}/`), 400, -22, 'ResourceNotStreamException')
    expectError(await wire.call('DescribeStream', '/bigdata/'), 400, -22, 'ResourceNotStreamException')
    const file = fresh()
    await wire.http('PUT', file, 'x')
    expectError(await wire.call('DescribeStream', `${file}/`), 400, -22, 'ResourceNotStreamException')
  })

  it('grows with UpdateStream and refuses anything else with InvalidShardCountException', async () => {
    const stream = await wire.stream(8)
    const grown = await wire.call('UpdateStream', `${stream}/`, '{"ShardCount":16}', 'POST')
    expect([grown.status, grown.body.length]).toEqual([204, 0])
    expect((await wire.call('DescribeStream', `${stream}/`)).json()).toEqual({
      ShardCount: 16,
      RetentionPeriodHours: 24,
    })
    for (const count of [16, 15, 0, -1, 4097])
      expectError(
        await wire.call('UpdateStream', `${stream}/`, { ShardCount: count }, 'POST'),
        400,
        -22,
        'InvalidShardCountException',
      )
    expectError(
      await wire.call('UpdateStream', `${stream}/`, {}, 'POST'),
      400,
      invalidArgumentCode,
      /ShardCount/,
    )
    expectError(
      await wire.call('UpdateStream', `${stream}/`, { ShardCount: 17.5 }, 'POST'),
      400,
      invalidArgumentCode,
      /ShardCount/,
    )
    expect((await wire.call('UpdateStream', `${stream}/`, { ShardCount: 4096 }, 'POST')).status).toBe(204)
  })

  it('makes the stream directory visible in listings with its metadata', async () => {
    const stream = await wire.stream(4, 12)
    const name = stream.slice('/bigdata/'.length)
    const listing = await wire.http('GET', `/bigdata?prefix=&prefix-info=1`)
    const entry = listing.text.match(
      new RegExp(`<CommonPrefixes><Prefix>${name}/</Prefix>.*?</CommonPrefixes>`),
    )?.[0]
    expect(entry).toContain('<ShardCount>4</ShardCount>')
    expect(entry).toContain('<RetentionPeriodHours>12</RetentionPeriodHours>')
    expect(entry).toContain('<RetentionPeriodSec>43200</RetentionPeriodSec>')
  })
})
