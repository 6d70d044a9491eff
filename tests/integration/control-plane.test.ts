/**
 * The control-plane client against the emulator over HTTP (issue 12): containers, access keys across
 * both planes, sessions with re-login, and typed errors.
 */

import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock, type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import {
  Client,
  ControlPlaneError,
  controlplane,
  HttpResponseError,
  type ObservedRequest,
  type ObservedResponse,
  V3ioError,
  ValidationError,
} from '../../src/index.node.js'

const adminKey = 'admin-key-7d1f'
const password = 'correct horse battery staple'
const time = manualClock(1_800_000_000_000_000_000n)

describe('controlplane.Client against the emulator', () => {
  let emulator: RunningEmulator
  let cp: InstanceType<typeof controlplane.Client>
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      accessKeys: [adminKey],
      users: { alice: password },
      clock: time.clock,
    })
    cp = new controlplane.Client({ endpoint: emulator.url, accessKey: adminKey })
  })
  afterAll(async () => {
    await emulator.close()
  })
  const dataClient = (accessKey: string) => new Client({ endpoint: emulator.url, accessKey, retry: false })

  it('creates a container the data plane uses at once, refuses to delete it while not empty, then deletes it', async () => {
    const created = await cp.createContainer({ name: 'analytics', description: 'BI team' })
    expect(created.statusCode).toBe(201)
    expect(created.output).toMatchObject({ name: 'analytics', description: 'BI team' })
    expect(created.output.id).toMatch(/^\d+$/)
    const data = dataClient(adminKey)
    await data.putObject({ container: 'analytics', path: '/reports/q1.csv', body: 'a,b\n1,2\n' })
    expect((await data.getObject({ container: 'analytics', path: '/reports/q1.csv' })).text()).toBe(
      'a,b\n1,2\n',
    )

    const listed = await cp.listContainers()
    expect(listed.output.containers.map((container) => container.name)).toEqual([
      'analytics',
      'bigdata',
      'users',
    ])
    expect(listed.output.containers.find((container) => container.name === 'analytics')).toEqual(
      created.output,
    )
    const dataListing = await data.getContainers()
    expect(dataListing.output.containers.map((container) => container.name)).toContain('analytics')

    const notEmpty = await cp.deleteContainer({ id: created.output.id }).catch((error: unknown) => error)
    expect(notEmpty).toBeInstanceOf(ControlPlaneError)
    expect(notEmpty).toBeInstanceOf(HttpResponseError)
    expect(notEmpty).toMatchObject({
      statusCode: 409,
      detail: 'container is not empty',
      operation: 'DeleteContainer',
    })

    await data.deleteObject({ container: 'analytics', path: '/reports/q1.csv' })
    await data.deleteObject({ container: 'analytics', path: '/reports/' })
    const deleted = await cp.deleteContainer({ id: Number(created.output.id) })
    expect(deleted.statusCode).toBe(204)
    const gone = await data.getObject({ container: 'analytics', path: '/x' }).catch((error: unknown) => error)
    expect(gone).toMatchObject({ statusCode: 404, errorMessage: 'Container not found' })
    expect((await cp.listContainers()).output.containers.map((container) => container.name)).toEqual([
      'bigdata',
      'users',
    ])
    await expect(cp.deleteContainer({ id: created.output.id })).rejects.toMatchObject({
      statusCode: 404,
      detail: 'container not found',
    })
  })

  it('answers 409 for a taken name; bad names and ids fail before sending', async () => {
    await expect(cp.createContainer({ name: 'users' })).rejects.toMatchObject({
      statusCode: 409,
      detail: 'container users already exists',
    })
    for (const name of ['Users', 'api', '', '9lives'])
      await expect(cp.createContainer({ name }), name).rejects.toMatchObject({ parameter: 'name' })
    await expect(cp.deleteContainer({ id: 'users' })).rejects.toBeInstanceOf(ValidationError)
    const raised = await cp.createContainer({ name: 'users', raiseForStatus: 'never' })
    expect(raised.statusCode).toBe(409)
  })

  it('mints a data-plane key that works until it is deleted, and another until its TTL passes', async () => {
    const minted = await cp.createAccessKey({ plane: 'data', label: 'ingest' })
    const key = minted.output
    expect(key).toMatchObject({ plane: 'data', label: 'ingest', ttl: undefined, expiresAt: undefined })
    expect(key.key).toMatch(/^[0-9a-f-]{36}$/)
    const data = dataClient(key.key)
    await data.putObject({ container: 'bigdata', path: '/ingest/one', body: '1' })
    expect(
      (await new controlplane.Client({ endpoint: emulator.url, accessKey: key.key }).self()).output.username,
    ).toBe('admin')

    const listed = await cp.listAccessKeys()
    expect(listed.output.accessKeys.map((each) => each.key)).toContain(key.key)
    await cp.deleteAccessKey({ key })
    await expect(data.getObject({ container: 'bigdata', path: '/ingest/one' })).rejects.toMatchObject({
      statusCode: 401,
    })
    await expect(cp.deleteAccessKey({ key: key.key })).rejects.toMatchObject({ statusCode: 404 })

    const short = (await cp.createAccessKey({ plane: 'data', label: 'short', ttl: 3600 })).output
    expect(short).toMatchObject({ ttl: 3600, expiresAt: 1_800_003_600 })
    const shortData = dataClient(short.key)
    expect((await shortData.getObject({ container: 'bigdata', path: '/ingest/one' })).text()).toBe('1')
    time.advance(3_600_000)
    await expect(shortData.getObject({ container: 'bigdata', path: '/ingest/one' })).rejects.toMatchObject({
      statusCode: 401,
    })
    await expect(
      new controlplane.Client({ endpoint: emulator.url, accessKey: short.key }).self(),
    ).rejects.toMatchObject({ statusCode: 401, detail: 'unknown or expired session or access key' })
  })

  it('gets or creates a key by label: 201 once, then 200 with the same key', async () => {
    const first = await cp.getOrCreateAccessKey({ plane: 'data', label: 'service' })
    const second = await cp.getOrCreateAccessKey({ plane: 'data', label: 'service' })
    expect([first.statusCode, second.statusCode]).toEqual([201, 200])
    expect(second.output.key).toBe(first.output.key)
    await expect(cp.createAccessKey({ ttl: 5, expiresAt: 1 })).rejects.toMatchObject({ parameter: 'ttl' })
    await expect(cp.createAccessKey({ plane: 'both' as 'data' })).rejects.toMatchObject({
      parameter: 'plane',
    })
  })

  it('logs in lazily with a password, reuses the cookie, and logs in again once after the emulator drops sessions', async () => {
    const observed: ObservedRequest[] = []
    const alice = new controlplane.Client({
      endpoint: emulator.url,
      username: 'alice',
      password,
      hooks: { beforeRequest: (request) => observed.push(request) },
    })
    expect(observed).toEqual([])
    const [self, keys] = await Promise.all([alice.self(), alice.listAccessKeys()])
    expect(self.output).toMatchObject({ username: 'alice', enabled: true })
    expect(keys.output.accessKeys).toEqual([])
    await alice.listContainers()
    expect(observed.map((request) => request.operation)).toEqual([
      'CreateSession',
      'GetSelf',
      'ListAccessKeys',
      'ListContainers',
    ])
    expect(observed[1]?.headers.Cookie).toBe('SANITIZED')

    emulator.dropSessions()
    observed.length = 0
    expect((await alice.self()).output.username).toBe('alice')
    expect(observed.map((request) => request.operation)).toEqual(['GetSelf', 'CreateSession', 'GetSelf'])
  })

  it('raises a typed 401 for a wrong password, on login() and on the first call', async () => {
    const wrong = new controlplane.Client({ endpoint: emulator.url, username: 'alice', password: 'wrong' })
    const error = await wrong.self().catch((failure: unknown) => failure)
    expect(error).toBeInstanceOf(ControlPlaneError)
    expect(error).toBeInstanceOf(V3ioError)
    expect(error).toMatchObject({
      statusCode: 401,
      detail: 'wrong username or password',
      operation: 'CreateSession',
    })
    await expect(wrong.login()).rejects.toMatchObject({ statusCode: 401 })
    await expect(
      new controlplane.Client({ endpoint: emulator.url, accessKey: 'not-a-key' }).listContainers(),
    ).rejects.toMatchObject({ statusCode: 401 })
  })

  it('keeps passwords, cookies and keys out of errors, hooks and printed objects', async () => {
    const outcomes: ObservedResponse[] = []
    const alice = new controlplane.Client({
      endpoint: emulator.url,
      username: 'alice',
      password,
      hooks: { afterResponse: (outcome) => outcomes.push(outcome) },
    })
    const minted = await alice.createAccessKey({ label: 'secret' })
    const key = minted.output.key
    await alice.deleteAccessKey({ key })
    const missing = await alice.deleteAccessKey({ key }).catch((error: unknown) => error)
    const wrong = await new controlplane.Client({
      endpoint: emulator.url,
      username: 'alice',
      password: 'hunter2',
    })
      .self()
      .catch((error: unknown) => error)
    const printed = [
      inspect(alice, { depth: 5, showHidden: true }),
      JSON.stringify(alice),
      inspect(minted, { depth: 5 }),
      JSON.stringify(minted.output),
      String(minted.output),
      inspect(missing, { depth: 5 }),
      String(missing),
      inspect(wrong, { depth: 5 }),
      inspect(outcomes, { depth: 5 }),
      new TextDecoder().decode(minted.body),
    ].join('\n')
    expect(printed).toContain('secret')
    for (const secret of [key, password, 'hunter2', 'session=', 'sid']) expect(printed).not.toContain(secret)
    expect((missing as ControlPlaneError).url).toBe(`${emulator.url}/api/access_keys/SANITIZED`)
  })

  it('works over the universal client too (ky over fetch sends the cookie)', async () => {
    const { ControlPlaneClient } = await import('../../src/index.js')
    const universal = new ControlPlaneClient({ endpoint: emulator.url, username: 'alice', password })
    expect((await universal.self()).output.username).toBe('alice')
  })
})
