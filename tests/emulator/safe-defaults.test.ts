import { describe, expect, it } from 'vitest'
import { decodeBasicCredential, secretsEqual } from '../../src/emulator/authentication.js'
import { hostName, isHostAllowed, isOriginAllowed } from '../../src/emulator/origin-policy.js'
import { useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

const preflight = (origin: string) => ({ Origin: origin, 'Access-Control-Request-Method': 'PUT' })

describe('CORS and Host by default (no access keys, no origin list)', () => {
  const fixture = useEmulator()
  const http = (method: string, target: string, headers: Record<string, string>, body?: string) =>
    rawHttp(fixture.emulator.url, method, target, { headers, ...(body === undefined ? {} : { body }) })

  it('refuses a page on another site: no preflight, no CORS headers, so it can neither read nor write', async () => {
    await http('PUT', '/bigdata/secret', {}, 'the secret')
    const refused = await http('OPTIONS', '/bigdata/secret', preflight('https://evil.example'))
    expect(refused.status).toBe(403)
    expect(refused.json()).toEqual({
      ErrorCode: -1,
      ErrorMessage: 'Operation not permitted: origin not allowed',
    })
    const read = await http('GET', '/bigdata/secret', { Origin: 'https://evil.example' })
    expect(read.status).toBe(403)
    expect(read.text).not.toContain('the secret')
    expect(read.headers['access-control-allow-origin']).toBeUndefined()
    expect(read.headers['access-control-allow-credentials']).toBeUndefined()
    // A simple POST needs no preflight: it must be refused before it writes anything.
    const simple = await http(
      'POST',
      '/bigdata/planted-simple',
      { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      'x',
    )
    expect(simple.status).toBe(403)
    expect((await http('GET', '/bigdata/planted-simple', {})).status).toBe(404)
  })

  it('serves pages on loopback origins, whatever their port', async () => {
    for (const origin of [
      'http://localhost:5173',
      'http://127.0.0.1:3000',
      'http://[::1]:8080',
      'http://localhost',
    ]) {
      const allowed = await http('OPTIONS', '/bigdata/x', preflight(origin))
      expect([allowed.status, allowed.headers['access-control-allow-origin']]).toEqual([204, origin])
      const actual = await http('GET', '/', { Origin: origin })
      expect(actual.headers['access-control-allow-origin']).toBe(origin)
    }
    const lookalike = await http('OPTIONS', '/bigdata/x', preflight('http://localhost.evil.example'))
    expect(lookalike.status).toBe(403)
  })

  it('refuses requests whose Host is not a loopback name (DNS rebinding)', async () => {
    const port = fixture.emulator.port
    const rebound = await http('GET', '/bigdata/secret', { Host: `evil.example:${port}` })
    expect(rebound.status).toBe(403)
    expect(rebound.json()).toEqual({
      ErrorCode: -1,
      ErrorMessage: 'Operation not permitted: host not allowed',
    })
    const write = await http('PUT', '/bigdata/planted', { Host: 'evil.example' }, 'x')
    expect(write.status).toBe(403)
    expect((await http('GET', '/bigdata/planted', {})).status).toBe(404)
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      'LOCALHOST',
      `[::1]:${port}`,
      'app.localhost',
    ]) {
      expect((await http('GET', '/', { Host: host })).status).toBe(200)
    }
  })
})

describe('widened CORS and Host policies', () => {
  const any = useEmulator({ allowedOrigins: ['*'], allowedHosts: ['emulator.test'] })

  it("allows every origin with '*', and listed hosts besides loopback ones", async () => {
    const answer = await rawHttp(any.emulator.url, 'OPTIONS', '/bigdata/x', {
      headers: preflight('https://app.example'),
    })
    expect([answer.status, answer.headers['access-control-allow-origin']]).toEqual([
      204,
      'https://app.example',
    ])
    const listed = await rawHttp(any.emulator.url, 'GET', '/', { headers: { Host: 'Emulator.test:1234' } })
    expect(listed.status).toBe(200)
    const other = await rawHttp(any.emulator.url, 'GET', '/', { headers: { Host: 'other.test' } })
    expect(other.status).toBe(403)
  })
})

describe('origin and host policy', () => {
  it('recognises loopback origins and host names only', () => {
    expect(isOriginAllowed('http://127.0.0.2:1', undefined)).toBe(true)
    expect(isOriginAllowed('https://localhost:8443', undefined)).toBe(true)
    expect(isOriginAllowed('null', undefined)).toBe(false)
    expect(isOriginAllowed('file://', undefined)).toBe(false)
    expect(isOriginAllowed('http://127.0.0.1.evil.example', undefined)).toBe(false)
    expect(isOriginAllowed('http://localhost:1', ['http://ok.test'])).toBe(false)
    expect(hostName('[::1]:80')).toBe('[::1]')
    expect(hostName('a:b:c')).toBeUndefined()
    expect(isHostAllowed('evil.example', [])).toBe(false)
    expect(isHostAllowed('evil.example', undefined)).toBe(true)
    expect(isHostAllowed(undefined, [])).toBe(true)
  })
})

describe('credentials', () => {
  const fixture = useEmulator({ accessKeys: ['key-1', 'key-2'], users: { ada: 'pa:ss', bo: 'pw' } })
  const status = async (headers: Record<string, string>) =>
    (await rawHttp(fixture.emulator.url, 'GET', '/', { headers })).status

  it('accepts exactly the configured keys and passwords', async () => {
    expect(await status({ 'X-v3io-session-key': 'key-2' })).toBe(200)
    expect(await status({ 'X-v3io-session-key': 'key-' })).toBe(401)
    expect(await status({ 'X-v3io-session-key': 'key-22' })).toBe(401)
    const basic = (text: string) => ({ Authorization: `Basic ${Buffer.from(text).toString('base64')}` })
    expect(await status(basic('ada:pa:ss'))).toBe(200)
    expect(await status(basic('ada:pa:s'))).toBe(401)
    expect(await status(basic('bob:pa:ss'))).toBe(401)
  })

  it('refuses Basic credentials that are not canonical base64', async () => {
    const good = Buffer.from('bo:pw').toString('base64') // Ym86cHc=, padded
    expect(await status({ Authorization: `Basic ${good}` })).toBe(200)
    for (const bad of [
      good.replace(/=+$/, ''),
      `${good}==`,
      `!${good}`,
      good.replace(/.$/, 'z'),
      `${good.slice(0, 4)} ${good.slice(4)}`,
    ]) {
      expect(await status({ Authorization: `Basic ${bad}` }), bad).toBe(401)
    }
  })

  it('decodes Basic strictly and compares secrets of any length', () => {
    expect(decodeBasicCredential('YWRhOnBhOnNz')).toEqual({ user: 'ada', password: 'pa:ss' })
    expect(decodeBasicCredential('YWRhOnBhOnN=')).toBeUndefined()
    expect(decodeBasicCredential('YWRhOnBhOnN')).toBeUndefined()
    expect(decodeBasicCredential(Buffer.from([0x61, 0x3a, 0xff]).toString('base64'))).toBeUndefined()
    expect(decodeBasicCredential(Buffer.from('no-colon').toString('base64'))).toBeUndefined()
    expect(secretsEqual('a', 'a')).toBe(true)
    expect(secretsEqual('a', 'a'.repeat(1000))).toBe(false)
    expect(secretsEqual('', '')).toBe(true)
  })
})
