import { describe, expect, it } from 'vitest'
import { DecodeError } from '../../../src/index.js'
import { describeStream } from '../../../src/operations/streams/describe-stream.js'
import { rawResponse } from '../../support/raw-response.js'

describe('describeStream', () => {
  it('sends an empty PUT without Content-Type, as the contract shows', () => {
    expect(describeStream.encode({ container: 'bigdata', path: 'app/events' })).toEqual({
      operation: 'DescribeStream',
      method: 'PUT',
      path: '/bigdata/app/events/',
      headers: { 'X-v3io-function': 'DescribeStream' },
      body: new Uint8Array(0),
      idempotent: true,
    })
  })

  it('decodes the contract answer', () => {
    const descriptor = describeStream.encode({ container: 'bigdata', path: 's' })
    const output = describeStream.decode(
      rawResponse(200, '{"ShardCount":8,"RetentionPeriodHours":24}'),
      descriptor,
    )
    expect(output).toEqual({ shardCount: 8, retentionPeriodHours: 24 })
  })

  it('raises a decode error naming a missing member', () => {
    const descriptor = describeStream.encode({ container: 'bigdata', path: 's' })
    const decode = () => describeStream.decode(rawResponse(200, '{"ShardCount":8}'), descriptor)
    expect(decode).toThrow(DecodeError)
    expect(decode).toThrow(/RetentionPeriodHours/)
  })
})
