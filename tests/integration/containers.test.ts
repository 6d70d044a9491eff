import { describe, expect, it } from 'vitest'
import { dataplane, HttpResponseError, RaiseForStatus } from '../../src/index.js'
import { useEmulator } from '../support/emulator.js'

describe('containers', () => {
  const fixture = useEmulator()

  it('lists the default containers with their ids', async () => {
    const response = await fixture.client.getContainers()
    expect(response.statusCode).toBe(200)
    expect(response.output.containers.map(({ name, id }) => ({ name, id }))).toEqual([
      { name: 'bigdata', id: 1026 },
      { name: 'users', id: 1027 },
    ])
    for (const container of response.output.containers)
      expect(container.creationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/)
  })

  it('checks a container with HEAD', async () => {
    expect((await fixture.client.headContainer({ container: 'bigdata' })).statusCode).toBe(200)
    const missing = await fixture.client.headContainer({
      container: 'nope',
      raiseForStatus: RaiseForStatus.never,
    })
    expect(missing.statusCode).toBe(404)
  })

  it('is reachable as dataplane.Client, with raise-for-status lists', async () => {
    const client = new dataplane.Client({
      endpoint: fixture.emulator.url.replace('http://', ''),
      accessKey: 'k',
    })
    expect(client.endpoint).toBe(fixture.emulator.url)
    expect((await client.getContainers({ raiseForStatus: [200, 204] })).statusCode).toBe(200)
    await expect(client.getContainers({ raiseForStatus: [204] })).rejects.toMatchObject({ statusCode: 200 })
  })

  it('answers Container not found for an unknown container, on every method', async () => {
    const { client } = fixture
    for (const call of [
      () => client.getObject({ container: 'not-exists', path: '/path/to/object' }),
      () => client.putObject({ container: 'not-exists', path: '/path/to/object', body: 'x' }),
      () => client.deleteObject({ container: 'not-exists', path: '/path/to/object' }),
      () => client.getContainerContents({ container: 'not-exists' }),
    ]) {
      const error = await call().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(HttpResponseError)
      expect((error as HttpResponseError).statusCode).toBe(404)
      expect((error as HttpResponseError).message).toContain('Container not found')
    }
  })
})

describe('containers of a configured emulator', () => {
  const fixture = useEmulator({ containers: ['zeta', 'alpha-1'] })

  it('serves exactly the configured containers, in name order, with ids in configuration order', async () => {
    const { output } = await fixture.client.getContainers()
    expect(output.containers.map(({ name, id }) => [name, id])).toEqual([
      ['alpha-1', 1027],
      ['zeta', 1026],
    ])
    await fixture.client.putObject({ container: 'zeta', path: 'o', body: 'by name' })
    const byId = await fixture.newClient().getObject({ container: '1026', path: 'o' })
    expect(byId.text()).toBe('by name')
  })
})
