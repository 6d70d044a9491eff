import { describe, expect, it } from 'vitest'
import { AbortGroup } from '../../src/transport/abort-group.js'

describe('AbortGroup', () => {
  it('calls every member once with the reason, and members that left are spared', () => {
    const group = new AbortGroup()
    const seen: string[] = []
    group.join((reason) => seen.push(`a:${String(reason)}`))
    const leave = group.join((reason) => seen.push(`b:${String(reason)}`))
    group.join((reason) => seen.push(`c:${String(reason)}`))
    leave()
    expect(group.aborted).toBe(false)
    group.abort('stop')
    group.abort('again')
    expect(seen).toEqual(['a:stop', 'c:stop'])
    expect(group.aborted).toBe(true)
    expect(group.reason).toBe('stop')
  })

  it('aborts a member that joins after the group aborted, at once', () => {
    const group = new AbortGroup()
    group.abort(new Error('late'))
    let reason: unknown
    const leave = group.join((value) => {
      reason = value
    })
    expect((reason as Error).message).toBe('late')
    expect(() => leave()).not.toThrow()
  })

  it('holds thousands of members without listeners on any signal', () => {
    const group = new AbortGroup()
    let called = 0
    const leaves = Array.from({ length: 10_000 }, () => group.join(() => called++))
    for (const leave of leaves.slice(0, 4000)) leave()
    group.abort(undefined)
    expect(called).toBe(6000)
  })
})
