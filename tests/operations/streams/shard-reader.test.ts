import { describe, expect, it } from 'vitest'
import { Client, HttpResponseError, type ShardRecord, type TransportRequest } from '../../../src/index.js'

type Answer = { status: number; body: string }

/** A client whose transport answers each function call by `<function> <body>` from a table. */
function scriptedClient(answers: Record<string, Answer>) {
  const sent: string[] = []
  const client = new Client({
    endpoint: 'http://webapi.test',
    accessKey: 'k',
    retry: false,
    transport: async (request: TransportRequest) => {
      const key = `${request.headers['X-v3io-function']} ${String(request.body ?? '')}`
      sent.push(key)
      const answer = answers[key] ?? {
        status: 500,
        body: '{"ErrorCode":-1,"ErrorMessage":"unexpected request"}',
      }
      return {
        status: answer.status,
        headers: new Headers({ 'Content-Type': 'application/json' }),
        body: new TextEncoder().encode(answer.body),
      }
    },
  })
  return { client, sent }
}

const record = (sequenceNumber: number, data: string) =>
  `{"ArrivalTimeSec":1,"ArrivalTimeNSec":0,"SequenceNumber":${sequenceNumber},"Data":"${btoa(data)}"}`
const page = (next: string, behind: number, ...records: string[]) => ({
  status: 200,
  body: `{"NextLocation":"${next}","MSecBehindLatest":0,"RecordsBehindLatest":${behind},"Records":[${records.join(',')}]}`,
})
const invalid = { status: 400, body: '{"ErrorCode":-201326592,"ErrorMessage":"InvalidArgumentException"}' }
const text = (records: ShardRecord[]) => records.map((r) => new TextDecoder().decode(r.data))

async function collect(iterable: AsyncIterable<ShardRecord>): Promise<ShardRecord[]> {
  const records: ShardRecord[] = []
  for await (const item of iterable) records.push(item)
  return records
}

describe('shardRecords resuming on a platform with gaps in sequence numbers', () => {
  it('falls back to SEQUENCE n when n+1 is refused, skipping record n', async () => {
    const { client, sent } = scriptedClient({
      'SeekShard {"Type":"SEQUENCE","StartingSequenceNumber":11}': invalid,
      'SeekShard {"Type":"SEQUENCE","StartingSequenceNumber":10}': {
        status: 200,
        body: '{"Location":"L10"}',
      },
      'GetRecords {"Location":"L10","Limit":5}': page('L14', 0, record(10, 'ten'), record(13, 'thirteen')),
    })
    const records = await collect(
      client.shardRecords({ container: 'c', path: 's/3', after: 10, limit: 5, follow: false }),
    )
    expect(text(records)).toEqual(['thirteen'])
    expect(records[0]?.shardId).toBe(3)
    expect(sent).toHaveLength(3)
  })

  it('falls back to EARLIEST when both numbers are gone, skipping up to n', async () => {
    const { client } = scriptedClient({
      'SeekShard {"Type":"SEQUENCE","StartingSequenceNumber":9007199254740993}': invalid,
      'SeekShard {"Type":"SEQUENCE","StartingSequenceNumber":9007199254740992}': invalid,
      'SeekShard {"Type":"EARLIEST"}': { status: 200, body: '{"Location":"E"}' },
      'GetRecords {"Location":"E"}': page(
        'F',
        0,
        record(9007199254740000, 'older'),
        '{"ArrivalTimeSec":1,"ArrivalTimeNSec":0,"SequenceNumber":9007199254740994,"Data":""}',
      ),
    })
    const records = await collect(
      client.shardRecords({ container: 'c', path: 's', shardId: 0, after: 9007199254740992n, follow: false }),
    )
    expect(records.map((r) => r.sequenceNumber)).toEqual([9007199254740994n])
  })

  it('does not fall back on errors that are not about the number', async () => {
    const { client, sent } = scriptedClient({
      'SeekShard {"Type":"SEQUENCE","StartingSequenceNumber":2}': {
        status: 400,
        body: '{"ErrorCode":-201326594,"ErrorMessage":"ShardIDOutOfRangeException"}',
      },
    })
    const error = await collect(client.shardRecords({ container: 'c', path: 's/9', after: 1 })).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(sent).toHaveLength(1)
  })

  it('follows pages while records remain behind, and stops at the end with follow: false', async () => {
    const { client, sent } = scriptedClient({
      'SeekShard {"Type":"LATEST"}': { status: 200, body: '{"Location":"A"}' },
      'GetRecords {"Location":"A","Limit":1}': page('B', 1, record(1, 'one')),
      'GetRecords {"Location":"B","Limit":1}': page('C', 0, record(2, 'two')),
    })
    const records = await collect(
      client.shardRecords({ container: 'c', path: 's/0', seekType: 'LATEST', limit: 1, follow: false }),
    )
    expect(text(records)).toEqual(['one', 'two'])
    expect(sent).toHaveLength(3)
  })
})
