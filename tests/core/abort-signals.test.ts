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
