import { describe, expect, it } from 'vitest'
import { DecodeError, ValidationError } from '../../../src/index.js'
import { getRecords } from '../../../src/operations/streams/get-records.js'
import { rawResponse } from '../../support/raw-response.js'

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe('getRecords encoding', () => {
  it('sends the contract request', () => {
    expect(
      getRecords.encode({
        container: 'bigdata',
        path: '/s/1',
        location: 'AQABADQS7V4BAAAAAAAAAA==',
        limit: 10,
      }),
    ).toEqual({
      operation: 'GetRecords',
      method: 'PUT',
      path: '/bigdata/s/1/',
      headers: { 'X-v3io-function': 'GetRecords', 'Content-Type': 'application/json' },
      body: '{"Location":"AQABADQS7V4BAAAAAAAAAA==","Limit":10}',
      idempotent: true,
    })
  })

  it('omits Limit when none is given', () => {
    expect(getRecords.encode({ container: 'bigdata', path: '/s', shardId: 0, location: 'x' }).body).toBe(
      '{"Location":"x"}',
    )
  })

  it.each([
    [{ location: '' }, 'location'],
    [{ location: undefined }, 'location'],
    [{ location: 'x', limit: 0 }, 'limit'],
    [{ location: 'x', limit: 2.5 }, 'limit'],
  ])('rejects %j naming %s', (options, parameter) => {
    const call = () => getRecords.encode({ container: 'bigdata', path: '/s/1', ...options } as never)
    expect(call).toThrow(ValidationError)
    expect(call).toThrow(expect.objectContaining({ parameter }))
  })
})

describe('getRecords decoding', () => {
  const descriptor = getRecords.encode({ container: 'bigdata', path: '/s/1', location: 'x' })

  it('decodes the contract answer', () => {
    const output = getRecords.decode(
      rawResponse(
        200,
        '{"NextLocation":"AQABADQS7V4DAAAAAAAAAA==","MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[{"ArrivalTimeSec":1714557600,"ArrivalTimeNSec":160186781,"SequenceNumber":1,"ClientInfo":"c29tZSBpbmZv","PartitionKey":"k","Data":"Zmlyc3Q="},{"ArrivalTimeSec":1714557600,"ArrivalTimeNSec":160186781,"SequenceNumber":2,"Data":"c2Vjb25k"}]}',
      ),
      descriptor,
    )
    expect(output.nextLocation).toBe('AQABADQS7V4DAAAAAAAAAA==')
    expect(output.msecBehindLatest).toBe(0)
    expect(output.recordsBehindLatest).toBe(0)
    expect(output.records).toHaveLength(2)
    const [first, second] = output.records
    expect(first).toMatchObject({
      sequenceNumber: 1,
      arrivalTimeSec: 1714557600,
      arrivalTimeNSec: 160186781,
      partitionKey: 'k',
    })
    expect(first?.arrivalTime.toISOString()).toBe('2024-05-01T10:00:00.160Z')
    expect(text(first?.data)).toBe('first')
    expect(text(first?.clientInfo)).toBe('some info')
    expect(second?.sequenceNumber).toBe(2)
    expect(text(second?.data)).toBe('second')
    expect(second).not.toHaveProperty('clientInfo')
    expect(second).not.toHaveProperty('partitionKey')
  })

  it('keeps big sequence numbers and lag exact', () => {
    const output = getRecords.decode(
      rawResponse(
        200,
        '{"NextLocation":"n","MSecBehindLatest":12,"RecordsBehindLatest":9007199254740993,"Records":[{"ArrivalTimeSec":1,"ArrivalTimeNSec":2,"SequenceNumber":9007199254740993,"Data":""}]}',
      ),
      descriptor,
    )
    expect(output.recordsBehindLatest).toBe(9007199254740993n)
    expect(output.records[0]?.sequenceNumber).toBe(9007199254740993n)
    expect(output.records[0]?.data).toEqual(new Uint8Array(0))
  })

  it('decodes every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const output = getRecords.decode(
      rawResponse(
        200,
        `{"NextLocation":"n","MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[{"ArrivalTimeSec":1,"ArrivalTimeNSec":0,"SequenceNumber":1,"Data":"${btoa(String.fromCharCode(...all))}"}]}`,
      ),
      descriptor,
    )
    expect(output.records[0]?.data).toEqual(all)
  })

  it.each([
    ['Records missing', '{"NextLocation":"n","MSecBehindLatest":0,"RecordsBehindLatest":0}'],
    ['NextLocation missing', '{"MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[]}'],
    [
      'Data not base64',
      '{"NextLocation":"n","MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[{"ArrivalTimeSec":1,"ArrivalTimeNSec":0,"SequenceNumber":1,"Data":"a b"}]}',
    ],
    [
      'SequenceNumber missing',
      '{"NextLocation":"n","MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[{"ArrivalTimeSec":1,"ArrivalTimeNSec":0,"Data":""}]}',
    ],
  ])('raises a decode error when %s', (_, body) => {
    expect(() => getRecords.decode(rawResponse(200, body), descriptor)).toThrow(DecodeError)
  })
})
