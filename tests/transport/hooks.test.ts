import { describe, expect, it } from 'vitest'
import { notify, sanitized } from '../../src/transport/hooks.js'

describe('notify', () => {
  it('calls the hook with the event and swallows what it throws', () => {
    const seen: number[] = []
    notify((event: number) => seen.push(event), 1)
    expect(() =>
      notify(() => {
        throw new Error('observer bug')
      }, 2),
    ).not.toThrow()
    notify(undefined, 3)
    expect(seen).toEqual([1])
  })

  it('replaces credentials with the contract text', () => {
    expect(sanitized).toBe('SANITIZED')
  })
})
