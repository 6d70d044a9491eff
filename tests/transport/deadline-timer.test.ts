import { describe, expect, it } from 'vitest'
import { DeadlineTimer } from '../../src/transport/deadline-timer.js'

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

function entry(inMilliseconds: number, expired: string[], name: string) {
  return { expiresAt: performance.now() + inMilliseconds, expire: () => expired.push(name) }
}

describe('DeadlineTimer', () => {
  it('expires each entry once, not before its deadline, earliest first, whatever the order of adding', async () => {
    const timer = new DeadlineTimer()
    const expired: string[] = []
    const late = entry(60, expired, 'late')
    const early = entry(20, expired, 'early')
    timer.add(late)
    timer.add(early)
    await pause(35)
    expect(expired).toEqual(['early'])
    expect(performance.now()).toBeGreaterThanOrEqual(early.expiresAt)
    await pause(60)
    expect(expired).toEqual(['early', 'late'])
    expect(timer.size).toBe(0)
  })

  it('never expires an entry removed in time, and ignores infinite deadlines', async () => {
    const timer = new DeadlineTimer()
    const expired: string[] = []
    const removed = entry(10, expired, 'removed')
    timer.add(removed)
    timer.add({ expiresAt: Number.POSITIVE_INFINITY, expire: () => expired.push('never') })
    const kept = entry(30, expired, 'kept')
    timer.add(kept)
    timer.delete(removed)
    expect(timer.size).toBe(1)
    await pause(60)
    expect(expired).toEqual(['kept'])
  })
})
