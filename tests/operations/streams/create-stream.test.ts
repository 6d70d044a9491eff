import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { createStream } from '../../../src/operations/streams/create-stream.js'
import { rawResponse } from '../../support/raw-response.js'

describe('createStream', () => {
  it('sends the contract example: POST /<c>/<s>/ with ShardCount and RetentionPeriodHours', () => {
    const descriptor = createStream.encode({
      container: 'bigdata',
      path: '/my stream',
      shardCount: 8,
      retentionPeriodHours: 24,
    })
    expect(descriptor).toEqual({
      operation: 'CreateStream',
      method: 'POST',
      path: '/bigdata/my%20stream/',
      headers: { 'X-v3io-function': 'CreateStream', 'Content-Type': 'application/json' },
      body: '{"ShardCount":8,"RetentionPeriodHours":24}',
      idempotent: false,
    })
  })

  it('defaults to one shard and 24 hours, and keeps a single trailing slash', () => {
    const descriptor = createStream.encode({ container: 'users', path: 'a//b/' })
    expect(descriptor.path).toBe('/users/a/b/')
    expect(descriptor.body).toBe('{"ShardCount":1,"RetentionPeriodHours":24}')
  })

  it.each([
    [{ shardCount: 0 }, 'shardCount'],
    [{ shardCount: 4097 }, 'shardCount'],
    [{ shardCount: 2.5 }, 'shardCount'],
    [{ retentionPeriodHours: 0 }, 'retentionPeriodHours'],
    [{ retentionPeriodHours: 8761 }, 'retentionPeriodHours'],
    [{ retentionPeriodHours: '24' }, 'retentionPeriodHours'],
  ])('rejects %j naming %s', (bad, parameter) => {
    const call = () => createStream.encode({ container: 'users', path: '/s', ...(bad as object) })
    expect(call).toThrow(ValidationError)
    expect(call).toThrow(expect.objectContaining({ parameter }))
  })

  it('rejects the container root and a bad container', () => {
    expect(() => createStream.encode({ container: 'users', path: '/' })).toThrow(
      expect.objectContaining({ parameter: 'path' }),
    )
    expect(() => createStream.encode({ container: '', path: '/s' })).toThrow(
      expect.objectContaining({ parameter: 'container' }),
    )
  })

  it('decodes the 204 to no output', () => {
    const descriptor = createStream.encode({ container: 'users', path: '/s' })
    expect(createStream.decode(rawResponse(204), descriptor)).toBeUndefined()
  })
})
