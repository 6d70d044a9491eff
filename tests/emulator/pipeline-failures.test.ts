import { describe, expect, it, vi } from 'vitest'
import type { RequestLogger } from '../../src/emulator/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

type LogEntry = Parameters<RequestLogger>[0]

describe('unexpected failures inside the pipeline', () => {
  const entries: LogEntry[] = []
  const fixture = useEmulator({ log: (entry) => entries.push(entry) })

  it('answers 500 with the contract error body after the body was read, and logs the stack', async () => {
    const path = `/bigdata/${uniquePath('boom')}`
    const fault = fixture.emulator.injectFaults({ failAfterBody: true, pathPrefix: path })
    const answer = await rawHttp(fixture.emulator.url, 'PUT', path, { body: 'x'.repeat(100_000) })
    expect(fault.hits).toBe(1)
    expect(answer.status).toBe(500)
    expect(answer.json()).toEqual({ ErrorCode: -1, ErrorMessage: 'InternalError' })
    const logged = entries.find((entry) => entry.url === path)
    expect(logged).toMatchObject({ method: 'PUT', status: 500 })
    expect(logged?.error).toContain('injected fault: failure after the body was read')
    expect(logged?.error).toMatch(/\n\s+at /)
    // Nothing was stored, and the server (and the kept-alive connection) carry on.
    expect((await rawHttp(fixture.emulator.url, 'GET', path)).status).toBe(404)
    expect((await rawHttp(fixture.emulator.url, 'GET', '/')).status).toBe(200)
  })

  it('logs no error for ordinary protocol errors', async () => {
    const path = `/bigdata/${uniquePath('missing')}`
    expect((await rawHttp(fixture.emulator.url, 'GET', path)).status).toBe(404)
    const logged = entries.find((entry) => entry.url === path)
    expect(logged).toMatchObject({ status: 404 })
    expect(logged).not.toHaveProperty('error')
  })
})

describe('a request logger that throws', () => {
  const fixture = useEmulator({
    log: () => {
      throw new Error('logger bug')
    },
  })

  it('does not stop the emulator from answering', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect((await rawHttp(fixture.emulator.url, 'GET', '/')).status).toBe(200)
      expect((await rawHttp(fixture.emulator.url, 'GET', '/bigdata/nothing')).status).toBe(404)
      expect(errors).toHaveBeenCalledWith('v3io-emulator: the request logger threw', expect.any(Error))
    } finally {
      errors.mockRestore()
    }
  })
})
