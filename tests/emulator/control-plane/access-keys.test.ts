/** The control plane's access-key routes on the wire, and minted keys on both planes (CP-4). */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock, type RunningEmulator, startEmulator } from '../../../src/emulator/index.js'
import { rawHttp } from '../../support/raw-http.js'
import { accessKeyCookie, api, apiError, envelope, sessionPair } from './wire.js'

const startupKey = 'startup-key'
const cookie = accessKeyCookie(startupKey)
const time = manualClock(1_800_000_000_000_000_000n)

interface KeyResource {
  type: string
  id: string
  attributes: Record<string, unknown>
}

const dataPlaneStatus = async (emulator: RunningEmulator, key: string) =>
  (await rawHttp(emulator.url, 'GET', '/bigdata/', { headers: { 'X-v3io-session-key': key } })).status

describe('control-plane access keys', () => {
  let emulator: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      accessKeys: [startupKey],
      users: { alice: 'wonderland', bob: 'builder' },
      clock: time.clock,
    })
  })
  afterAll(async () => {
    await emulator.close()
  })

  it('mints a key that works on both planes until it is deleted', async () => {
    const created = await api(emulator, 'POST', 'access_keys', {
      cookie,
      body: envelope('access_key', { plane: 'data', label: 'ingest' }),
    })
    expect(created.status).toBe(201)
    const { data } = created.json() as { data: KeyResource }
    expect(data.type).toBe('access_key')
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(data.attributes).toEqual({
      plane: 'data',
      label: 'ingest',
      created_at: '2027-01-15T08:00:00.000Z',
      updated_at: '2027-01-15T08:00:00.000Z',
    })
    expect(await dataPlaneStatus(emulator, data.id)).toBe(200)
    expect((await api(emulator, 'GET', 'self', { cookie: accessKeyCookie(data.id) })).status).toBe(200)

    const listed = (await api(emulator, 'GET', 'access_keys', { cookie })).json() as { data: KeyResource[] }
    expect(listed.data.map((key) => [key.id, key.attributes.label])).toContainEqual([data.id, 'ingest'])

    const deleted = await api(emulator, 'DELETE', `access_keys/${data.id}`, { cookie })
    expect([deleted.status, deleted.text]).toEqual([204, ''])
    expect(await dataPlaneStatus(emulator, data.id)).toBe(401)
    expect(apiError(await api(emulator, 'GET', 'self', { cookie: accessKeyCookie(data.id) }))[0]).toBe(401)
    expect(apiError(await api(emulator, 'DELETE', `access_keys/${data.id}`, { cookie }))).toEqual([
      404,
      'access key not found',
    ])
  })

  it('rejects a key on both planes once its ttl or expires_at has passed', async () => {
    const ttlKey = (
      (
        await api(emulator, 'POST', 'access_keys', {
          cookie,
          body: envelope('access_key', { plane: 'data', label: 'short', ttl: 60 }),
        })
      ).json() as { data: KeyResource }
    ).data
    expect(ttlKey.attributes).toMatchObject({ ttl: 60, expires_at: 1_800_000_060 })
    const dated = (
      (
        await api(emulator, 'POST', 'access_keys', {
          cookie,
          body: envelope('access_key', { plane: 'control', label: 'dated', expires_at: 1_800_000_120 }),
        })
      ).json() as { data: KeyResource }
    ).data
    expect(await dataPlaneStatus(emulator, ttlKey.id)).toBe(200)
    time.advance(60_000)
    expect(await dataPlaneStatus(emulator, ttlKey.id)).toBe(401)
    expect(apiError(await api(emulator, 'GET', 'self', { cookie: accessKeyCookie(ttlKey.id) }))).toEqual([
      401,
      'unknown or expired session or access key',
    ])
    expect(await dataPlaneStatus(emulator, dated.id)).toBe(200)
    time.advance(60_000)
    expect(await dataPlaneStatus(emulator, dated.id)).toBe(401)
    const listed = (await api(emulator, 'GET', 'access_keys', { cookie })).json() as { data: KeyResource[] }
    expect(listed.data.map((key) => key.id)).not.toContain(ttlKey.id)

    const past = await api(emulator, 'POST', 'access_keys', {
      cookie,
      body: envelope('access_key', { label: 'past', expires_at: 1 }),
    })
    expect(past.status).toBe(201)
    expect(await dataPlaneStatus(emulator, (past.json() as { data: KeyResource }).data.id)).toBe(401)
  })

  it('get_or_create returns the caller’s key with that label (200) or mints it (201)', async () => {
    const body = envelope('access_key', { plane: 'data', label: 'service' })
    const first = await api(emulator, 'POST', 'self/get_or_create_access_key', { cookie, body })
    const second = await api(emulator, 'POST', 'self/get_or_create_access_key', { cookie, body })
    expect([first.status, second.status]).toEqual([201, 200])
    const firstKey = (first.json() as { data: KeyResource }).data
    expect((second.json() as { data: KeyResource }).data.id).toBe(firstKey.id)
    const otherPlane = await api(emulator, 'POST', 'self/get_or_create_access_key', {
      cookie,
      body: envelope('access_key', { plane: 'control', label: 'service' }),
    })
    expect(otherPlane.status).toBe(201)
  })

  it('keeps each user’s keys apart', async () => {
    const login = async (username: string, password: string) =>
      sessionPair(
        await api(emulator, 'POST', 'sessions', {
          body: envelope('session', { username, password, plane: 'control' }),
        }),
      )
    const alice = await login('alice', 'wonderland')
    const bob = await login('bob', 'builder')
    const aliceKey = (
      (
        await api(emulator, 'POST', 'access_keys', {
          cookie: alice,
          body: envelope('access_key', { label: 'mine' }),
        })
      ).json() as { data: KeyResource }
    ).data
    const bobsList = (await api(emulator, 'GET', 'access_keys', { cookie: bob })).json() as {
      data: KeyResource[]
    }
    expect(bobsList.data).toEqual([])
    expect(apiError(await api(emulator, 'DELETE', `access_keys/${aliceKey.id}`, { cookie: bob }))[0]).toBe(
      404,
    )
    const self = (await api(emulator, 'GET', 'self', { cookie: accessKeyCookie(aliceKey.id) })).json() as {
      data: KeyResource
    }
    expect(self.data.attributes.username).toBe('alice')
  })

  it('answers 400 for bad attributes', async () => {
    const bad = [
      { plane: 'both' },
      { label: 3 },
      { ttl: 0 },
      { ttl: 1.5 },
      { ttl: '60' },
      { expires_at: -1 },
      { ttl: 60, expires_at: 1_900_000_000 },
    ]
    for (const attributes of bad) {
      const answer = await api(emulator, 'POST', 'access_keys', {
        cookie,
        body: envelope('access_key', attributes),
      })
      expect(apiError(answer)[0], JSON.stringify(attributes)).toBe(400)
    }
    expect(
      apiError(await api(emulator, 'POST', 'access_keys', { cookie, body: envelope('container', {}) })),
    ).toEqual([400, 'data.type must be "access_key"'])
  })
})
