import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { updateStream } from '../../../src/operations/streams/update-stream.js'

describe('updateStream', () => {
  it('sends the contract example: POST {"ShardCount":16}, not retried', () => {
    expect(updateStream.encode({ container: 'bigdata', path: '/s', shardCount: 16 })).toEqual({
      operation: 'UpdateStream',
      method: 'POST',
      path: '/bigdata/s/',
      headers: { 'X-v3io-function': 'UpdateStream', 'Content-Type': 'application/json' },
      body: '{"ShardCount":16}',
      idempotent: false,
    })
  })

  it.each([undefined, 0, 4097, 1.5])('rejects shardCount %j', (shardCount) => {
    const call = () =>
      updateStream.encode({ container: 'bigdata', path: '/s', shardCount: shardCount as number })
    expect(call).toThrow(ValidationError)
    expect(call).toThrow(expect.objectContaining({ parameter: 'shardCount' }))
  })
})
