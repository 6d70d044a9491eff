import { describe, expect, it } from 'vitest'
import type { Credential } from '../../src/client/credentials.js'
import { Session } from '../../src/control-plane/session.js'

function counting(): { session: Session; logins: () => number; fail: (value: boolean) => void } {
  let count = 0
  let failing = false
  const session = new Session(async () => {
    count += 1
    if (failing) throw new Error('wrong password')
    return { header: 'Cookie', value: `session=${count}` } satisfies Credential
  })
  return { session, logins: () => count, fail: (value) => (failing = value) }
}

describe('Session', () => {
  it('logs in once for concurrent first calls and reuses the cookie', async () => {
    const { session, logins } = counting()
    const cookies = await Promise.all([session.cookie(undefined, 0), session.cookie(undefined, 0)])
    expect(cookies.map((cookie) => cookie?.value)).toEqual(['session=1', 'session=1'])
    await session.cookie(undefined, 0)
    expect(logins()).toBe(1)
  })

  it('renews once for every call that met the same stale cookie', async () => {
    const { session, logins } = counting()
    const stale = await session.cookie(undefined, 0)
    const renewed = await Promise.all([
      session.renew(stale, undefined, 0),
      session.renew(stale, undefined, 0),
    ])
    expect(renewed.map((cookie) => cookie?.value)).toEqual(['session=2', 'session=2'])
    expect((await session.renew(stale, undefined, 0))?.value).toBe('session=2')
    expect(logins()).toBe(2)
  })

  it('does not remember a failed login: the next call tries again', async () => {
    const { session, logins, fail } = counting()
    fail(true)
    await expect(session.cookie(undefined, 0)).rejects.toThrow('wrong password')
    fail(false)
    expect((await session.cookie(undefined, 0))?.value).toBe('session=2')
    expect(logins()).toBe(2)
  })
})
