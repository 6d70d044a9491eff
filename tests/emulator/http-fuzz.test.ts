import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'
import { rawExchange } from '../support/raw-socket.js'

/**
 * A bounded fuzz run over raw HTTP against an emulator with credentials configured: arbitrary request
 * lines, headers (Host, Origin, credentials, framing) and bodies. Whatever arrives, the emulator answers
 * without a 500, closes or answers within a deadline (no hang), and keeps serving (no crash).
 */
const key = 'fuzz-key'
const methods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'PATCH', 'BREW', 'get']
const paths = fc.oneof(
  fc.constantFrom('/', '/bigdata', '/bigdata/', '/bigdata/a', '/bigdata/t/', '/users/x?marker=1', '/nope/x'),
  fc.constantFrom('*', 'http://127.0.0.1/bigdata/a', '/%zz', '/bigdata/..%2F..', '//', '/bigdata/a?x=%'),
  fc.string({ maxLength: 12 }).map((text) => `/bigdata/${encodeURIComponent(text)}`),
)
const headerValue = fc.oneof(
  fc.constantFrom('', ' ', 'x', '\t', 'bytes=0-1', '-1', 'chunked'),
  fc.string({ maxLength: 20 }).map((text) => text.replace(/[\r\n\0]/g, '')),
)
const credential = fc.oneof(
  fc.constant({}),
  { weight: 6, arbitrary: fc.constant({ 'X-v3io-session-key': key }) },
  headerValue.map((value) => ({ 'X-v3io-session-key': value })),
  headerValue.map((value) => ({ Authorization: `Basic ${value}` })),
  fc
    .string({ maxLength: 12 })
    .map((text) => ({ Authorization: `Basic ${Buffer.from(text).toString('base64')}` })),
  headerValue.map((value) => ({ Authorization: `AWS4-HMAC-SHA256 Credential=${value}` })),
)
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'Host',
    'Origin',
    'Range',
    'X-v3io-function',
    'Content-Type',
    'Access-Control-Request-Method',
  ),
  fc.oneof(
    headerValue,
    fc.constantFrom('GetItems', 'PutItem', 'PutRecords', 'evil.example', 'localhost', 'http://localhost:1'),
  ),
)
const expectation = fc.oneof(
  { weight: 5, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constantFrom({ Expect: '100-continue' }, { Expect: 'nonsense' }) },
)
const body = fc.oneof(
  fc.constant(''),
  fc.json().map((text) => text.slice(0, 2000)),
  fc.constantFrom('{"Item":{"a":{"N":"1"}}}', '{"FilterExpression":"contains(a, \'b\')"}', '{'),
)
const framing = fc.constantFrom('exact', 'chunked', 'none', 'extra')

function requestBytes(
  method: string,
  path: string,
  headers: Record<string, string>,
  payload: string,
  frame: string,
): { head: string; body: Buffer } {
  const lines = [`${method} ${path} HTTP/1.1`]
  const all: Record<string, string> = { Host: '127.0.0.1', ...headers }
  for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`)
  let data = Buffer.from(payload)
  if (frame === 'exact' || frame === 'extra') lines.push(`Content-Length: ${data.length}`)
  if (frame === 'chunked') {
    lines.push('Transfer-Encoding: chunked')
    data = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n0\r\n\r\n')])
  }
  if (frame === 'extra') data = Buffer.concat([data, Buffer.from('GARBAGE\r\n\r\n')])
  if (frame === 'none') data = Buffer.alloc(0)
  return { head: `${lines.join('\r\n')}\r\n\r\n`, body: data }
}

describe('HTTP fuzz against a live emulator', () => {
  const fixture = useEmulator({ accessKeys: [key], users: { ada: 'lovelace' } })

  it('answers every generated request without a 500, a hang or a crash', async () => {
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        paths,
        credential,
        extraHeaders,
        expectation,
        body,
        framing,
        async (method, path, auth, headers, expect100, payload, frame) => {
          const request = requestBytes(method, path, { ...auth, ...headers, ...expect100 }, payload, frame)
          const exchange = await rawExchange(fixture.emulator.url, request.head, request.body, {
            timeoutMs: 5000,
          })
          statuses.set(exchange.status, (statuses.get(exchange.status) ?? 0) + 1)
          const label = `${request.head}${request.body.toString('latin1').slice(0, 200)}`
          // Either an answer, or a connection the server closed (a timeout destroys it without either).
          expect(exchange.status !== 0 || exchange.received === '', label).toBe(true)
          expect(exchange.status, label).not.toBe(500)
          if (exchange.status === 0) expect(exchange.error?.code, label).not.toBe(undefined)
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 60_000 },
    )
    console.info(`fuzz statuses: ${JSON.stringify(Object.fromEntries(statuses))}`)
    expect(
      (await rawHttp(fixture.emulator.url, 'GET', '/', { headers: { 'X-v3io-session-key': key } })).status,
    ).toBe(200)
  }, 120_000)
})
