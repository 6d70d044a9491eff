/** GetClusterMD on the wire (ED-49). */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { rawHttp } from '../support/raw-http.js'

const call = (emulator: RunningEmulator, method: string, target: string, body?: string) =>
  rawHttp(emulator.url, method, target, { headers: { 'X-v3io-function': 'GetClusterMD' }, body })

describe('GetClusterMD (ED-49)', () => {
  let emulator: RunningEmulator
  let configured: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 })
    configured = await startEmulator({ port: 0, numberOfVNs: 48 })
  })
  afterAll(async () => {
    await emulator.close()
    await configured.close()
  })

  it('answers 200 {"NumberOfVNs":8} to PUT /<container>/, whatever the body', async () => {
    for (const body of [undefined, '', '{}', 'not json at all', '{"NumberOfVNs":3}']) {
      const answer = await call(emulator, 'PUT', '/bigdata/', body)
      expect(answer.status).toBe(200)
      expect(answer.text).toBe('{"NumberOfVNs":8}')
      expect(answer.headers['content-type']).toBe('application/json')
    }
    // POST works like PUT for every function, and /<c> like /<c>/.
    expect((await call(emulator, 'POST', '/users')).text).toBe('{"NumberOfVNs":8}')
  })

  it('answers the configured numberOfVNs', async () => {
    expect((await call(configured, 'PUT', '/bigdata/')).text).toBe('{"NumberOfVNs":48}')
    // A path inside the container gets the same, cluster-wide answer.
    expect((await call(configured, 'PUT', '/bigdata/some/table/')).text).toBe('{"NumberOfVNs":48}')
  })

  it('answers 404 for an unknown container and 405 on GET', async () => {
    const missing = await call(emulator, 'PUT', '/nope/')
    expect([missing.status, missing.json()]).toEqual([
      404,
      { ErrorCode: -2, ErrorMessage: 'Container not found' },
    ])
    const get = await call(emulator, 'GET', '/bigdata/')
    expect(get.status).toBe(405)
  })

  it('refuses an invalid numberOfVNs at start', async () => {
    for (const numberOfVNs of [0, -1, 1.5, 65537, Number.NaN])
      await expect(startEmulator({ port: 0, numberOfVNs })).rejects.toThrow(/invalid numberOfVNs/)
  })
})
