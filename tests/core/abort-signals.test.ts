import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { sleep, whenAborted } from '../../src/core/abort-signals.js'
import { rejection } from '../support/rejection.js'

describe('whenAborted', () => {
  it('acts once on abort, at once for an aborted signal, never after stopping or without a signal', () => {
    const reasons: unknown[] = []
    const controller = new AbortController()
    whenAborted(controller.signal, (reason) => reasons.push(reason))
    const stopped = new AbortController()
    whenAborted(stopped.signal, (reason) => reasons.push(reason))()
    controller.abort('first')
    stopped.abort('never')
    whenAborted(controller.signal, (reason) => reasons.push(`again ${String(reason)}`))
    whenAborted(undefined, (reason) => reasons.push(reason))()
    expect(reasons).toEqual(['first', 'again first'])
  })
})

describe('whenAborted on a shared signal', () => {
  it('adds one listener for all its actions, in order, and removes it with the last', () => {
    const controller = new AbortController()
    const { signal } = controller
    const order: string[] = []
    const stops = ['a', 'b', 'c'].map((name) =>
      whenAborted(signal, (reason) => order.push(`${name} ${reason}`)),
    )
    expect(getEventListeners(signal, 'abort')).toHaveLength(1)
    stops[1]?.()
    stops[1]?.()
    expect(getEventListeners(signal, 'abort')).toHaveLength(1)
    stops[0]?.()
    stops[2]?.()
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    // Listening again after every action stopped adds the listener again.
    const stopD = whenAborted(signal, (reason) => order.push(`d ${reason}`))
    whenAborted(signal, (reason) => order.push(`e ${reason}`))
    expect(getEventListeners(signal, 'abort')).toHaveLength(1)
    controller.abort('now')
    expect(order).toEqual(['d now', 'e now'])
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    // Stopping after the abort is harmless.
    stopD()
    expect(order).toEqual(['d now', 'e now'])
  })

  it('keeps 1,000 actions on one listener without MaxListenersExceededWarning, and runs them all', async () => {
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const controller = new AbortController()
      let ran = 0
      for (let index = 0; index < 1000; index++) whenAborted(controller.signal, () => ran++)
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
      controller.abort()
      expect(ran).toBe(1000)
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
  })
})

describe('sleep', () => {
  it('resolves after the delay, and rejects with the reason as soon as the signal aborts', async () => {
    const started = performance.now()
    await sleep(20)
    expect(performance.now() - started).toBeGreaterThanOrEqual(15)
    const controller = new AbortController()
    const sleeping = rejection(sleep(60_000, controller.signal))
    controller.abort('stop')
    expect(await sleeping).toBe('stop')
    expect(await rejection(sleep(60_000, AbortSignal.abort('already')))).toBe('already')
  })
})
