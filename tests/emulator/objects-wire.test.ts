import { describe, expect, it } from 'vitest'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

describe('emulator object API on the wire', () => {
  const fixture = useEmulator({ maxObjectSize: 1024 })
  const http = (method: string, target: string, options?: Parameters<typeof rawHttp>[3]) =>
    rawHttp(fixture.emulator.url, method, target, options)

  it('spells Content-Length exactly so on HEAD and announces the size', async () => {
    const path = uniquePath('head')
    await http('PUT', `/bigdata/${path}`, { body: '1234567890' })
    const answer = await http('HEAD', `/bigdata/${path}`)
    expect(answer.status).toBe(200)
    expect(answer.rawHeaders).toContainEqual(['Content-Length', '10'])
    expect(answer.rawHeaders.map(([name]) => name)).toContain('X-v3io-transaction-verifier')
    expect(answer.body.length).toBe(0)
  })

  it.each([
    ['bytes=2-4', 206, '345', 'bytes 2-4/10'],
    ['bytes=7-', 206, '890', 'bytes 7-9/10'],
    ['bytes=7', 206, '890', 'bytes 7-9/10'],
    ['bytes=-3', 206, '890', 'bytes 7-9/10'],
    ['bytes=-30', 206, '1234567890', 'bytes 0-9/10'],
    ['bytes=5-100', 206, '67890', 'bytes 5-9/10'],
    ['bytes=10-12', 200, '', undefined],
  ])('serves Range %s with %i', async (range, status, body, contentRange) => {
    const path = uniquePath('range')
    await http('PUT', `/bigdata/${path}`, { body: '1234567890' })
    const answer = await http('GET', `/bigdata/${path}`, { headers: { Range: range } })
    expect([answer.status, answer.text, answer.headers['content-range']]).toEqual([
      status,
      body,
      contentRange,
    ])
  })

  it.each(['bytes=4-2', 'bytes=0-1,3-4', 'items=0-1', 'garbage', 'bytes=-0'])(
    'refuses Range %s',
    async (range) => {
      const path = uniquePath('bad-range')
      await http('PUT', `/bigdata/${path}`, { body: '1234567890' })
      const answer = await http('GET', `/bigdata/${path}`, { headers: { Range: range } })
      expect(answer.status).toBe(400)
      expect(answer.json()).toEqual({
        ErrorCode: -201326592,
        ErrorMessage: 'InvalidArgumentException: invalid Range header',
      })
    },
  )

  it('answers any range on an empty object with 200 and no body', async () => {
    const path = uniquePath('empty')
    await http('PUT', `/bigdata/${path}`)
    const answer = await http('GET', `/bigdata/${path}`, { headers: { Range: 'bytes=0-0' } })
    expect([answer.status, answer.body.length]).toEqual([200, 0])
  })

  it('refuses a Range other than -1 on PUT, and appends with -1 (also through POST)', async () => {
    const path = uniquePath('append')
    expect(
      (await http('PUT', `/bigdata/${path}`, { body: 'a', headers: { Range: 'bytes=0-1' } })).status,
    ).toBe(400)
    await http('POST', `/bigdata/${path}`, { body: 'a', headers: { Range: '-1' } })
    await http('PUT', `/bigdata/${path}`, { body: 'b', headers: { Range: '-1' } })
    expect((await http('GET', `/bigdata/${path}`)).text).toBe('ab')
  })

  it('normalises paths: double slashes, %2F, either hex case, literal plus', async () => {
    const path = uniquePath('norm')
    await http('PUT', `//bigdata//${path}///a%2fb+c`, { body: 'x' })
    expect((await http('GET', `/bigdata/${path}/a/b+c`)).text).toBe('x')
    expect((await http('GET', `/bigdata/${path}/a%2Fb%2Bc`)).text).toBe('x')
  })

  it.each([
    ['a ".." segment', '/bigdata/a/../b', 400, -201326592],
    ['a "." segment', '/bigdata/a/./b', 400, -201326592],
    ['an invalid escape', '/bigdata/bad%zz', 400, -201326592],
    ['invalid UTF-8', '/bigdata/bad%ff', 400, -201326592],
    ['a control character', '/bigdata/ctl%01', 400, -201326592],
    ['a 256-byte name', `/bigdata/${'n'.repeat(256)}`, 400, -36],
    ['a path over 4096 bytes', `/bigdata/${'d/'.repeat(2100)}x`, 400, -36],
  ])('refuses %s', async (_, target, status, code) => {
    const answer = await http('GET', target)
    expect(answer.status).toBe(status)
    expect((answer.json() as { ErrorCode: number }).ErrorCode).toBe(code)
  })

  it('accepts a container-relative path of exactly 4096 bytes and refuses 4097', async () => {
    const base = Array.from({ length: 40 }, () => 'p'.repeat(100)).join('/')
    expect(`${base}/${'q'.repeat(56)}`.length).toBe(4096)
    expect((await http('PUT', `/users/${base}/${'q'.repeat(56)}`, { body: 'x' })).status).toBe(200)
    const over = await http('PUT', `/users/${base}/${'q'.repeat(57)}`, { body: 'x' })
    expect([over.status, (over.json() as { ErrorCode: number }).ErrorCode]).toEqual([400, -36])
  })

  it('answers GET and HEAD of a directory without slash with an empty 200, and lists with a slash', async () => {
    const root = uniquePath('dir')
    await http('PUT', `/bigdata/${root}/child`, { body: 'x' })
    const get = await http('GET', `/bigdata/${root}`)
    expect([get.status, get.body.length]).toEqual([200, 0])
    const head = await http('HEAD', `/bigdata/${root}/`)
    expect([head.status, head.headers['content-length']]).toEqual([200, '0'])
    const listing = await http('GET', `/bigdata/${root}/?max-keys=5`)
    expect(listing.headers['content-type']).toBe('application/xml')
    expect(listing.text).toContain(`<Key>${root}/child</Key>`)
    expect(listing.text).toContain('<Prefix/>')
  })

  it('clamps max-keys, handles 0, refuses negative, ignores empty parameters', async () => {
    const root = uniquePath('keys')
    await http('PUT', `/bigdata/${root}/a`)
    const clamped = await http('GET', `/bigdata?prefix=${root}&max-keys=5000`)
    expect(clamped.text).toContain('<MaxKeys>1000</MaxKeys>')
    const zero = await http('GET', `/bigdata?&prefix=${root}&max-keys=0&marker=zz`)
    expect(zero.text).toContain('<NextMarker>zz</NextMarker>')
    expect(zero.text).toContain('<IsTruncated>false</IsTruncated>')
    const zeroFromStart = await http('GET', `/bigdata?prefix=${root}&max-keys=0`)
    expect(zeroFromStart.text).toContain('<IsTruncated>true</IsTruncated>')
    expect(zeroFromStart.text).not.toContain('<Contents>')
    for (const bad of ['-1', 'ten'])
      expect((await http('GET', `/bigdata?prefix=${root}&max-keys=${bad}`)).status).toBe(400)
  })

  it('resumes after a marker given with a trailing slash or as a bare name', async () => {
    const root = uniquePath('marker')
    for (const name of ['a', 'b', 'c']) await http('PUT', `/bigdata/${root}/${name}/`)
    const slash = await http('GET', `/bigdata?prefix=${root}&marker=${root}%2Fa%2F`)
    expect(slash.text).toContain(`<Prefix>${root}/b/</Prefix><`)
    expect(slash.text).not.toContain(`<Prefix>${root}/a/</Prefix>`)
    const bare = await http('GET', `/bigdata?prefix=${root}&marker=b&prefix-only=TRUE`)
    expect(bare.text).toContain(`<CommonPrefixes><Prefix>${root}/c/</Prefix></CommonPrefixes>`)
    expect(bare.text).not.toContain(`<Prefix>${root}/b/</Prefix>`)
  })

  it('answers the contract errors for deletes and directory writes', async () => {
    const root = uniquePath('errors')
    await http('PUT', `/bigdata/${root}/file`, { body: 'x' })
    expect((await http('DELETE', '/bigdata')).json()).toEqual({
      ErrorCode: -1,
      ErrorMessage: 'Operation not permitted',
    })
    expect((await http('DELETE', '/bigdata/')).status).toBe(403)
    expect((await http('DELETE', `/bigdata/${root}/file/`)).json()).toEqual({
      ErrorCode: -20,
      ErrorMessage: 'Not a directory',
    })
    expect((await http('DELETE', `/bigdata/${root}/nope`)).status).toBe(404)
    expect((await http('PUT', `/bigdata/${root}/d/`, { body: 'x' })).status).toBe(400)
    expect((await http('PUT', '/bigdata/')).status).toBe(200)
  })

  it('reserves shard names inside a stream for the stream (ED-40)', async () => {
    const stream = uniquePath('stream')
    const created = await http('POST', `/bigdata/${stream}/`, {
      headers: { 'X-v3io-function': 'CreateStream' },
      body: '{"ShardCount":4,"RetentionPeriodHours":1}',
    })
    expect(created.status).toBe(204)
    for (const [method, target] of [
      ['PUT', `/bigdata/${stream}/3`],
      ['PUT', `/bigdata/${stream}/3/`],
      ['POST', `/bigdata/${stream}/7/sub/file`],
      ['GET', `/bigdata/${stream}/0`],
    ] as const) {
      const answer = await http(method, target)
      expect([method, target, answer.status], answer.text).toEqual([method, target, 403])
    }
    expect((await http('PUT', `/bigdata/${stream}/notes/`)).status).toBe(200)
    expect((await http('PUT', `/bigdata/${stream}/notes/3`, { body: 'x' })).status).toBe(200)
  })

  it('refuses bodies over the configured object size with 413 File too large', async () => {
    const path = uniquePath('big')
    const answer = await http('PUT', `/bigdata/${path}`, { body: new Uint8Array(2048) })
    expect(answer.status).toBe(413)
    expect(answer.json()).toEqual({ ErrorCode: -27, ErrorMessage: 'File too large' })
    await http('PUT', `/bigdata/${path}`, { body: new Uint8Array(1000) })
    const append = await http('PUT', `/bigdata/${path}`, {
      body: new Uint8Array(100),
      headers: { Range: '-1' },
    })
    expect(append.status).toBe(413)
    expect((await http('HEAD', `/bigdata/${path}`)).headers['content-length']).toBe('1000')
  })

  it('answers 405 for unknown methods and function headers on GET, 400 for unknown functions', async () => {
    const patch = await http('PATCH', '/bigdata/x')
    expect(patch.status).toBe(405)
    expect(patch.headers.allow).toBeDefined()
    expect((await http('GET', '/bigdata/x', { headers: { 'X-v3io-function': 'GetItem' } })).status).toBe(405)
    const unknown = await http('PUT', '/bigdata/x', {
      headers: { 'X-v3io-function': 'Frobnicate' },
      body: '{}',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.json()).toEqual({
      ErrorCode: -201326592,
      ErrorMessage: "InvalidArgumentException: unknown function 'Frobnicate'",
    })
  })

  it('answers CORS preflights and exposes headers on actual requests', async () => {
    const preflight = await http('OPTIONS', '/bigdata/x', {
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PUT' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(preflight.headers['access-control-allow-headers']).toContain('X-v3io-session-key')
    expect(preflight.headers['access-control-max-age']).toBe('600')
    const actual = await http('GET', '/', { headers: { Origin: 'http://localhost:5173' } })
    expect(actual.headers['access-control-expose-headers']).toContain('X-v3io-transaction-verifier')
    const plain = await http('OPTIONS', '/bigdata/x')
    expect([plain.status, plain.headers.allow]).toEqual([204, 'GET, HEAD, PUT, POST, DELETE, OPTIONS'])
  })
})

describe('emulator authentication and origins', () => {
  const fixture = useEmulator({
    accessKeys: ['key-1'],
    users: { alice: 'p:ss' },
    allowedOrigins: ['http://ok.test'],
  })
  const http = (method: string, target: string, headers: Record<string, string> = {}) =>
    rawHttp(fixture.emulator.url, method, target, { headers })

  it('accepts every configured credential form and refuses the rest with 401', async () => {
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
    for (const headers of <Array<Record<string, string>>>[
      { 'X-v3io-session-key': 'key-1' },
      { Authorization: 'AWS key-1:signature' },
      { Authorization: 'AWS4-HMAC-SHA256 Credential=key-1/20240501/us-east-1/s3/aws4_request, Signature=x' },
      { Authorization: basic('alice', 'p:ss') },
    ])
      expect((await http('GET', '/', headers)).status).toBe(200)
    for (const headers of <Array<Record<string, string>>>[
      {},
      { 'X-v3io-session-key': 'wrong' },
      { 'X-v3io-session-key': 'wrong', Authorization: 'AWS key-1:s' },
      { Authorization: basic('alice', 'nope') },
      { Authorization: 'Bearer key-1' },
    ]) {
      const answer = await http('GET', '/', headers)
      expect(answer.status).toBe(401)
      expect(answer.headers['www-authenticate']).toBeUndefined()
      expect(answer.json()).toEqual({ ErrorCode: -1, ErrorMessage: 'Unauthorized' })
    }
  })

  it('answers preflights without credentials, refusing origins outside the allow-list', async () => {
    const ok = await http('OPTIONS', '/bigdata/x', {
      Origin: 'http://ok.test',
      'Access-Control-Request-Method': 'GET',
    })
    expect(ok.status).toBe(204)
    const refused = await http('OPTIONS', '/bigdata/x', {
      Origin: 'http://evil.test',
      'Access-Control-Request-Method': 'GET',
    })
    expect(refused.status).toBe(403)
    expect(refused.json()).toEqual({
      ErrorCode: -1,
      ErrorMessage: 'Operation not permitted: origin not allowed',
    })
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
    const actual = await http('GET', '/', { Origin: 'http://evil.test', 'X-v3io-session-key': 'key-1' })
    expect(actual.headers['access-control-allow-origin']).toBeUndefined()
  })
})
