/** The control plane's container routes on the wire (control-plane.md, "Resources"; CP-6, CP-7). */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.js'
import { rawHttp } from '../../support/raw-http.js'
import { accessKeyCookie, api, apiError, envelope } from './wire.js'

const key = 'startup-key'
const cookie = accessKeyCookie(key)

describe('control-plane containers', () => {
  let emulator: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKeys: [key] })
  })
  afterAll(async () => {
    await emulator.close()
  })

  it('lists the configured containers with numeric ids (ED-46)', async () => {
    const answer = await api(emulator, 'GET', 'containers', { cookie })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json')
    const { data } = answer.json() as {
      data: { type: string; id: number; attributes: Record<string, unknown> }[]
    }
    expect(data.map((item) => [item.type, item.id, item.attributes.name, item.attributes.id])).toEqual([
      ['container', 1026, 'bigdata', 1026],
      ['container', 1027, 'users', 1027],
    ])
    expect(data[0]?.attributes.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('creates a container the data plane serves at once, and deletes it when empty', async () => {
    const created = await api(emulator, 'POST', 'containers', {
      cookie,
      body: envelope('container', { name: 'analytics', description: 'for the BI team' }),
    })
    expect(created.status).toBe(201)
    const { data } = created.json() as {
      data: { type: string; id: number; attributes: Record<string, unknown> }
    }
    expect(data.type).toBe('container')
    expect(data.id).toBe(1028)
    expect(data.attributes).toMatchObject({ name: 'analytics', description: 'for the BI team', id: 1028 })

    const listing = await rawHttp(emulator.url, 'GET', '/', { headers: { 'X-v3io-session-key': key } })
    expect(listing.text).toContain('<Name>analytics</Name>')
    const put = await rawHttp(emulator.url, 'PUT', '/analytics/report.csv', {
      headers: { 'X-v3io-session-key': key },
      body: 'a,b\n1,2\n',
    })
    expect(put.status).toBe(200)

    expect(apiError(await api(emulator, 'DELETE', 'containers/1028', { cookie }))).toEqual([
      409,
      'container is not empty',
    ])
    await rawHttp(emulator.url, 'DELETE', '/analytics/report.csv', { headers: { 'X-v3io-session-key': key } })
    const deleted = await api(emulator, 'DELETE', 'containers/1028', { cookie })
    expect([deleted.status, deleted.text]).toEqual([204, ''])

    const gone = await rawHttp(emulator.url, 'GET', '/analytics/report.csv', {
      headers: { 'X-v3io-session-key': key },
    })
    expect(gone.status).toBe(404)
    expect(
      (await rawHttp(emulator.url, 'GET', '/', { headers: { 'X-v3io-session-key': key } })).text,
    ).not.toContain('analytics')
    expect(apiError(await api(emulator, 'DELETE', 'containers/1028', { cookie }))).toEqual([
      404,
      'container not found',
    ])
  })

  it('answers 409 for a name that exists and 400 for a bad name or body', async () => {
    expect(
      apiError(
        await api(emulator, 'POST', 'containers', { cookie, body: envelope('container', { name: 'users' }) }),
      ),
    ).toEqual([409, 'container users already exists'])
    for (const name of ['', 'Upper', '1starts-with-digit', 'api', 'a/b', 'x'.repeat(129), 'spa ce']) {
      const answer = await api(emulator, 'POST', 'containers', {
        cookie,
        body: envelope('container', { name }),
      })
      expect(apiError(answer)[0], name).toBe(400)
    }
    const longest = await api(emulator, 'POST', 'containers', {
      cookie,
      body: envelope('container', { name: `a${'.b-_9'.repeat(25)}xy` }),
    })
    expect(longest.status).toBe(201)
    for (const body of ['not json', '{}', envelope('access_key', { name: 'x' }), envelope('container', {})]) {
      expect(apiError(await api(emulator, 'POST', 'containers', { cookie, body }))[0], body).toBe(400)
    }
    expect(
      apiError(
        await api(emulator, 'POST', 'containers', { cookie, body: envelope('container', { name: 7 }) }),
      ),
    ).toEqual([400, 'attribute "name" must be a string'])
  })

  it('answers 404 for an unknown or non-numeric id', async () => {
    for (const id of ['99999', 'users', '-1'])
      expect(apiError(await api(emulator, 'DELETE', `containers/${id}`, { cookie }))[0], id).toBe(404)
  })

  it('refuses the name "api" at start (CP-1)', async () => {
    await expect(startEmulator({ port: 0, containers: ['api'] })).rejects.toThrow(
      /reserved for the control plane/,
    )
  })
})
