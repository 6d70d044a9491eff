import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DecodeError } from '../../src/index.js'
import { testAccessKey } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

/**
 * Answers the emulator never gives: a server that replies to every request with the body queued for it,
 * so that the SDK's decoders meet hostile JSON over real HTTP (issue 8 §2).
 */
let server: Server
let client: Client
const bodies: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(bodies.shift() ?? '{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  client = new Client({ endpoint: `http://127.0.0.1:${port}`, accessKey: testAccessKey, retry: false })
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

const deep = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`

async function decodeFailure(body: string, call: () => Promise<unknown>): Promise<DecodeError> {
  bodies.push(body)
  const error = await rejection(call())
  expect(error).toBeInstanceOf(DecodeError)
  return error as DecodeError
}

describe('very deep JSON answers', () => {
  const getItem = () => client.getItem({ container: 'bigdata', path: '/table/key' })

  it.each([
    ['a value of a known type', `{"Item":{"a":{"S":${deep(100_000)}}}}`],
    ['an attribute that is no typed value', `{"Item":{"a":${deep(100_000)}}}`],
    ['an unknown type', `{"Item":{"a":{"L":${deep(100_000)}}}}`],
    ['a big integer at the bottom', `{"Item":{"a":{"L":${deep(100_000, '12345678901234567890')}}}}`],
    ['the item itself', `{"Item":${deep(100_000)}}`],
  ])('GetItem with %s gives a DecodeError naming the operation, status and body', async (_case, body) => {
    const error = await decodeFailure(body, getItem)
    expect(error.operation).toBe('GetItem')
    expect(error.statusCode).toBe(200)
    expect(error.bodyPrefix).toBe(body.slice(0, 200))
    expect(error.message).toMatch(/^Cannot decode the GetItem response \(status 200\): .*(attribute a|item)/i)
  })

  it('GetItems with a deep item gives a DecodeError too', async () => {
    const body = `{"Items":[{"a":{"S":"x"}},{"a":{"BOOL":${deep(50_000)}}}],"LastItemIncluded":"TRUE"}`
    const error = await decodeFailure(body, () => client.getItems({ container: 'bigdata', path: '/table/' }))
    expect(error.operation).toBe('GetItems')
    expect(error.message).toContain('attribute a has an invalid BOOL value (not a boolean): an array')
  })

  it('GetRecords with deep fields gives a DecodeError naming the field', async () => {
    const body = `{"NextLocation":"x","MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[{"ArrivalTimeSec":1,"ArrivalTimeNSec":0,"SequenceNumber":${deep(100_000)},"Data":"AA=="}]}`
    const error = await decodeFailure(body, () =>
      client.getRecords({ container: 'bigdata', path: '/stream/', shardId: 0, location: 'x' }),
    )
    expect(error.operation).toBe('GetRecords')
    expect(error.message).toContain('SequenceNumber is not an integer: an array')
  })

  it('a deep answer that is valid for the operation is decoded, big integer included', async () => {
    bodies.push(
      `{"Item":{"a":{"N":"12345678901234567890"}},"Ignored":${deep(100_000, '12345678901234567890')}}`,
    )
    const { output } = await client.getItem({ container: 'bigdata', path: '/table/key' })
    expect(output.item).toEqual({ a: 12345678901234567890n })
  })

  it('a 200 KB malformed answer that made the former JSON pre-pass quadratic fails fast as DecodeError', async () => {
    const body = `{"Item":{"a":{"N":12345678901234567890}},"x":${'"\\'.repeat(100_000)}`
    const error = await decodeFailure(body, getItem)
    expect(error.message).toMatch(/malformed JSON/)
  })
})
