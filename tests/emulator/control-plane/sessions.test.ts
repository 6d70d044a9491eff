/** Logins, `self`, cookies and the routing errors of `/api/` on the wire (CP-1 … CP-4). */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.js'
import { rawHttp } from '../../support/raw-http.js'
import { accessKeyCookie, api, apiError, envelope, sessionPair } from './wire.js'

const login = (emulator: RunningEmulator, username: string, password: string) =>
  api(emulator, 'POST', 'sessions', { body: envelope('session', { username, password, plane: 'control' }) })

describe('control-plane sessions and self', () => {
  let emulator: RunningEmulator
  let open: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKeys: ['startup-key'], users: { alice: 'wonderland' } })
    open = await startEmulator({ port: 0 })
  })
  afterAll(async () => {
    await emulator.close()
    await open.close()
  })

  it('logs in with a password: 201, the session resource and its cookie', async () => {
    const answer = await login(emulator, 'alice', 'wonderland')
    expect(answer.status).toBe(201)
    const { data } = answer.json() as {
      data: { type: string; id: string; attributes: Record<string, unknown> }
    }
    expect(data.type).toBe('session')
    expect(data.attributes).toMatchObject({ username: 'alice', plane: 'control' })
    const setCookie = String(answer.headers['set-cookie'])
    expect(setCookie).toBe(
      `session=${encodeURIComponent(`j:{"sid": "${data.id}"}`)}; Path=/; HttpOnly; SameSite=Lax`,
    )
    const self = await api(emulator, 'GET', 'self', { cookie: `other=1; ${sessionPair(answer)}` })
    expect(self.status).toBe(200)
    expect(self.json()).toEqual({
      data: {
        type: 'user',
        id: 'alice',
        attributes: { username: 'alice', first_name: '', last_name: '', email: '', uid: 1000, enabled: true },
      },
    })
  })

  it('answers 401 for a wrong password or an unknown user, and 400 for a bad login body', async () => {
    expect(apiError(await login(emulator, 'alice', 'wrong'))).toEqual([401, 'wrong username or password'])
    expect(apiError(await login(emulator, 'mallory', 'wonderland'))).toEqual([
      401,
      'wrong username or password',
    ])
    const bodies = [
      envelope('session', { password: 'x' }),
      envelope('session', { username: 'alice' }),
      envelope('session', { username: 'alice', password: 'wonderland', plane: 'data' }),
      envelope('user', { username: 'alice', password: 'wonderland' }),
      '[]',
    ]
    for (const body of bodies)
      expect(apiError(await api(emulator, 'POST', 'sessions', { body }))[0], body).toBe(400)
  })

  it('needs a known session or key on every other route: 401 otherwise', async () => {
    expect(apiError(await api(emulator, 'GET', 'self'))).toEqual([
      401,
      'authentication required: a session cookie or an access-key cookie',
    ])
    for (const cookie of [
      accessKeyCookie('wrong'),
      'session=garbage',
      'session=%E0%A4%A',
      'session=j%3A%7B',
    ]) {
      expect(apiError(await api(emulator, 'GET', 'containers', { cookie }))[0], cookie).toBe(401)
    }
    // The data plane's header is not the control plane's credential.
    const header = await rawHttp(emulator.url, 'GET', '/api/self', {
      headers: { 'X-v3io-session-key': 'startup-key' },
    })
    expect(header.status).toBe(401)
    const startup = await api(emulator, 'GET', 'self', { cookie: accessKeyCookie('startup-key') })
    expect((startup.json() as { data: { id: string } }).data.id).toBe('admin')
  })

  it('forgets sessions when told to (a restarted platform): the cookie then answers 401', async () => {
    const cookie = sessionPair(await login(emulator, 'alice', 'wonderland'))
    expect((await api(emulator, 'GET', 'self', { cookie })).status).toBe(200)
    emulator.dropSessions()
    expect(apiError(await api(emulator, 'GET', 'self', { cookie }))[0]).toBe(401)
    // Sessions are control-plane credentials only.
    const sid = decodeURIComponent(cookie.slice('session='.length)).match(/"sid": "(.*)"/)?.[1] ?? ''
    expect(sid).not.toBe('')
    const fresh = sessionPair(await login(emulator, 'alice', 'wonderland'))
    const freshSid = decodeURIComponent(fresh.slice('session='.length)).match(/"sid": "(.*)"/)?.[1] ?? ''
    const dataPlane = await rawHttp(emulator.url, 'GET', '/bigdata/', {
      headers: { 'X-v3io-session-key': freshSid },
    })
    expect(dataPlane.status).toBe(401)
  })

  it('accepts any credential, or none, when started without keys or users', async () => {
    expect(((await api(open, 'GET', 'self')).json() as { data: { id: string } }).data.id).toBe('admin')
    const answer = await login(open, 'anyone', 'anything')
    expect(answer.status).toBe(201)
    const self = await api(open, 'GET', 'self', { cookie: sessionPair(answer) })
    expect((self.json() as { data: { id: string } }).data.id).toBe('anyone')
  })

  it('answers 404 for unknown paths, 405 with Allow for other methods, 413 for huge bodies', async () => {
    const cookie = accessKeyCookie('startup-key')
    for (const path of ['', 'users', 'containers/1/extra', 'self/other', 'access_keys/x/y'])
      expect(apiError(await api(emulator, 'GET', path, { cookie }))[0], path).toBe(404)
    const put = await api(emulator, 'PUT', 'containers', { cookie, body: '{}' })
    expect(apiError(put)[0]).toBe(405)
    expect(put.headers.allow).toBe('GET, POST')
    expect((await api(emulator, 'DELETE', 'self', { cookie })).headers.allow).toBe('GET')
    const huge = await api(emulator, 'POST', 'containers', { cookie, body: 'x'.repeat(1024 * 1024 + 1) })
    expect(apiError(huge)).toEqual([413, 'Request entity too large'])
  })

  it('lets browsers on allowed origins send credentials', async () => {
    const answer = await rawHttp(open.url, 'GET', '/api/self', {
      headers: { Origin: 'http://localhost:3000' },
    })
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:3000')
    expect(answer.headers['access-control-allow-credentials']).toBe('true')
  })
})
