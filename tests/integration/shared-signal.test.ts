import { getEventListeners } from 'node:events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RequestAbortedError } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

// One AbortSignal shared by 1,000 concurrent calls: one listener on it, not one per call (Node warns
// past ten: MaxListenersExceededWarning), none left once the calls end, and aborting it still ends
// every call, in flight or queued (docs/decisions-io.md, IO-9).

const calls = 1000

describe('one signal shared by 1,000 concurrent calls', () => {
  const fixture = useEmulator()
  const warnings: Error[] = []
  const onWarning = (warning: Error) => warnings.push(warning)
  beforeEach(() => {
    warnings.length = 0
    process.on('warning', onWarning)
  })
  afterEach(() => {
    process.off('warning', onWarning)
  })

  it('carries one listener while they run and none after, with no warning', async () => {
    const client = fixture.newClient({ maxConnections: 50 })
    const directory = uniquePath('shared-signal')
    const { signal } = new AbortController()
    const puts = Array.from({ length: calls }, (_, index) =>
      client.putObject({
        container: 'bigdata',
        path: `${directory}/${index}`,
        body: `object ${index}`,
        signal,
      }),
    )
    // The calls start listening once they are sent (after the client has loaded its transport).
    let settled = 0
    for (const put of puts) put.then(() => settled++)
    const deadline = Date.now() + 10_000
    while (getEventListeners(signal, 'abort').length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 1))
    expect(getEventListeners(signal, 'abort')).toHaveLength(1)
    expect(settled).toBeLessThan(calls)
    const done = await Promise.all(puts)
    expect(done.map((response) => response.statusCode)).toEqual(Array(calls).fill(200))
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    const read = await client.getObject({ container: 'bigdata', path: `${directory}/999`, signal })
    expect(read.text()).toBe('object 999')
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve))
    expect(warnings.map((warning) => warning.name)).toEqual([])
  })

  it('aborts every one of them, in flight or queued, with no warning', async () => {
    const client = fixture.newClient({ maxConnections: 100 })
    const directory = uniquePath('shared-abort')
    const slow = fixture.emulator.injectFaults({
      delay: 60_000,
      count: Number.POSITIVE_INFINITY,
      pathPrefix: `/bigdata/${directory}/`,
    })
    try {
      const controller = new AbortController()
      const outcomes = Array.from({ length: calls }, (_, index) =>
        client
          .getObject({ container: 'bigdata', path: `${directory}/${index}`, signal: controller.signal })
          .then(
            () => 'answered',
            (error: unknown) => error,
          ),
      )
      // The first 100 reach the server (and wait there); the other 900 wait for a connection.
      const deadline = Date.now() + 10_000
      while (slow.hits < 100 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(slow.hits).toBe(100)
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
      const reason = new Error('stop them all')
      controller.abort(reason)
      const errors = await Promise.all(outcomes)
      expect(errors.every((error) => error instanceof RequestAbortedError)).toBe(true)
      expect(errors.every((error) => (error as RequestAbortedError).reason === reason)).toBe(true)
      expect(slow.hits).toBe(100)
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings.map((warning) => warning.name)).toEqual([])
    } finally {
      slow.clear()
    }
  })
})
