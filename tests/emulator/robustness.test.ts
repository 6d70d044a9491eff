import { request } from 'node:http'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

const methods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'PATCH']
const functions = [
  undefined,
  'PutItem',
  'UpdateItem',
  'GetItem',
  'GetItems',
  'CreateStream',
  'DescribeStream',
  'UpdateStream',
  'PutRecords',
  'SeekShard',
  'Seek',
  'GetRecords',
  'Nope',
]
const segment = fc.oneof(
  fc.constantFrom(
    'bigdata',
    'users',
    'nope',
    '1026',
    't',
    'k',
    '0',
    '1',
    '.',
    '..',
    '.%23schema',
    '%zz',
    '%ff',
    '%2F',
  ),
  fc.string({ maxLength: 8 }).map((text) => encodeURIComponent(text)),
)
const target = fc
  .tuple(fc.array(segment, { maxLength: 5 }), fc.boolean(), fc.option(fc.string({ maxLength: 20 })))
  .map(
    ([segments, slash, query]) =>
      `/${segments.join('/')}${slash ? '/' : ''}${query === null ? '' : `?${encodeURI(query)}`}`,
  )
const jsonish = fc.oneof(
  fc.json(),
  fc.constantFrom(
    '',
    '{',
    '{"Item":{"a":{"N":"1e999"}}}',
    '{"Records":[{"Data":"!!"}]}',
    '{"Type":"TIME"}',
    'null',
    '[]',
  ),
  fc
    .jsonValue()
    .map((value) => JSON.stringify({ Item: value, Records: value, Location: value, Limit: value })),
)

describe('emulator robustness', () => {
  const fixture = useEmulator()

  it('answers random requests without a 500 and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        target,
        fc.constantFrom(...functions),
        fc.option(fc.constantFrom('bytes=0-1', 'bytes=-5', '-1', 'bytes=9-2', 'junk')),
        jsonish,
        async (method, path, functionName, range, body) => {
          const headers: Record<string, string> = {}
          if (functionName) headers['X-v3io-function'] = functionName
          if (range) headers.Range = range
          const answer = await rawHttp(fixture.emulator.url, method, path, {
            headers,
            body: method === 'GET' || method === 'HEAD' ? undefined : body,
          })
          expect(answer.status, `${method} ${path} ${functionName ?? ''} ${body}`).not.toBe(500)
          expect(answer.status).toBeGreaterThanOrEqual(200)
          if (answer.status >= 400 && method !== 'HEAD') {
            expect(answer.json()).toMatchObject({
              ErrorCode: expect.any(Number),
              ErrorMessage: expect.any(String),
            })
          }
        },
      ),
      { numRuns: 400 },
    )
    expect((await rawHttp(fixture.emulator.url, 'GET', '/')).status).toBe(200)
  }, 60_000)

  it('shrugs off a client that disconnects in the middle of its body', async () => {
    const errors = vi.spyOn(console, 'error')
    const url = new URL(fixture.emulator.url)
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const outgoing = request({
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: `/bigdata/half-sent-${i}`,
          headers: { 'Content-Length': '100000' },
        })
        outgoing.on('error', () => resolve())
        outgoing.write('only the start of the body', () => setTimeout(() => outgoing.destroy(), 20))
        outgoing.on('close', () => resolve())
      })
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
    expect((await rawHttp(fixture.emulator.url, 'GET', '/bigdata/half-sent-0')).status).toBe(404)
    expect((await rawHttp(fixture.emulator.url, 'GET', '/')).status).toBe(200)
  })
})
