import { afterEach, describe, expect, it, vi } from 'vitest'
import { rawResponse } from '../support/raw-response.js'

// In browsers the response decoders load on demand, with the first call that needs them. The tests' setup
// imports Node's entry, which installs them at startup; a fresh module registry gives the universal entry
// as a browser sees it.
async function universalEntry() {
  vi.resetModules()
  return import('../../src/index.js')
}

afterEach(() => {
  vi.resetModules()
})

describe('the response decoders, loaded on demand by the universal entry', () => {
  it('make a direct decode throw a V3ioError asking for prepare() first; after it, decode works', async () => {
    const { getItem, decodeItem, parseTransactionVerifier, V3ioError } = await universalEntry()
    const descriptor = getItem.encode({ container: 'users', path: '/bobs-burgers/louise' })
    const response = rawResponse(200, '{"Item":{"age":{"N":"9"}}}')
    expect(() => getItem.decode(response, descriptor)).toThrow(V3ioError)
    expect(() => getItem.decode(response, descriptor)).toThrow(/await operation\.prepare\?\.\(\) before/)
    expect(() => decodeItem({ age: { N: '9' } })).toThrow(V3ioError)
    expect(() => parseTransactionVerifier(new Headers())).toThrow(V3ioError)
    const loading = getItem.prepare?.()
    expect(loading).toBeInstanceOf(Promise)
    await loading
    expect(getItem.decode(response, descriptor)).toEqual({ item: { age: 9 }, verifier: undefined })
    expect(decodeItem({ age: { N: '9' } })).toEqual({ age: 9 })
    // Loaded once: later prepares return nothing to await, for every operation that uses the decoders.
    expect(getItem.prepare?.()).toBeUndefined()
  })

  it('load once for every operation that decodes with them, in parallel with the request', async () => {
    const { CoreClient, getItem, putItem, seekShard } = await universalEntry()
    const { startEmulator } = await import('../../src/emulator/index.js')
    const emulator = await startEmulator({ port: 0 })
    try {
      const core = new CoreClient({ endpoint: emulator.url, accessKey: 'key' })
      expect(seekShard.prepare?.()).toBeInstanceOf(Promise)
      const written = await core.execute(putItem, {
        container: 'users',
        path: '/bobs-burgers/louise',
        attributes: { age: 9n },
      })
      expect(written.output.verifier?.condition).toMatch(/^__mtime_secs==\d+ and __mtime_nsecs==\d+$/)
      const read = await core.execute(getItem, { container: 'users', path: '/bobs-burgers/louise' })
      expect(read.output.item).toEqual({ age: 9 })
      expect(read.output.verifier?.condition).toBe(written.output.verifier?.condition)
      expect(seekShard.prepare?.()).toBeUndefined()
    } finally {
      await emulator.close()
    }
  })
})
