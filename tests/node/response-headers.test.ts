import { inspect } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ResponseHeaders } from '../../src/node/response-headers.js'

const raw = [
  'Content-Type',
  'application/json',
  'X-v3io-transaction-verifier',
  '__mtime_secs==1 and __mtime_nsecs==2',
  'Set-Cookie',
  'a=1',
  'X-Twice',
  'first',
  'Set-Cookie',
  'b=2',
  'x-twice',
  'second',
  'Content-Length',
  '0',
]

/** What a `Headers` built eagerly from the same list says: the behaviour to match. */
const eager = (list: string[]) => {
  const headers = new Headers()
  for (let index = 0; index < list.length; index += 2) headers.append(list[index]!, list[index + 1]!)
  return headers
}

/** The outcome of a call, value or error, in a comparable form. */
function outcome<T>(call: () => T): { value: T } | { error: string } {
  try {
    return { value: call() }
  } catch (error) {
    return { error: (error as Error).constructor.name }
  }
}

describe('ResponseHeaders', () => {
  it('is a Headers and answers get() like one, before and after filling', () => {
    const headers = new ResponseHeaders([...raw])
    expect(headers).toBeInstanceOf(Headers)
    expect(headers.get('x-V3IO-Transaction-Verifier')).toBe('__mtime_secs==1 and __mtime_nsecs==2')
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get('X-TWICE')).toBe('first, second')
    expect(headers.get('missing')).toBeNull()
    expect(headers.get('Set-Cookie')).toBe('a=1, b=2')
    expect(() => headers.get('not a name')).toThrow(TypeError)
    // The Kelvin sign lower-cases to "k" but is no header name: Headers refuses it, and so must the fast path.
    expect(() => new ResponseHeaders(['k', 'v']).get('\u212a')).toThrow(TypeError)
    expect(new ResponseHeaders(['k', 'v']).get('K')).toBe('v')
  })

  it('iterates, converts and inspects as the eager Headers does', () => {
    const expected = [...eager(raw)]
    expect([...new ResponseHeaders([...raw])]).toEqual(expected)
    expect([...new ResponseHeaders([...raw]).entries()]).toEqual(expected)
    expect([...new ResponseHeaders([...raw]).keys()]).toEqual(expected.map(([name]) => name))
    expect([...new ResponseHeaders([...raw]).values()]).toEqual(expected.map(([, value]) => value))
    expect(Object.fromEntries(new ResponseHeaders([...raw]))).toEqual(Object.fromEntries(expected))
    expect([...new Headers(new ResponseHeaders([...raw]))]).toEqual(expected)
    expect([...new Response(null, { headers: new ResponseHeaders([...raw]) }).headers]).toEqual(expected)
    const visited: Array<[string, string]> = []
    new ResponseHeaders([...raw]).forEach((value, name) => {
      visited.push([name, value])
    })
    expect(visited).toEqual(expected)
    expect(new ResponseHeaders([...raw]).getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(inspect(new ResponseHeaders([...raw]))).toBe(inspect(eager(raw)))
    expect(inspect(new ResponseHeaders([...raw]))).toContain('application/json')
  })

  it('can be changed like any Headers, keeping the received headers', () => {
    const headers = new ResponseHeaders([...raw])
    expect(headers.has('CONTENT-LENGTH')).toBe(true)
    headers.set('Content-Type', 'text/plain')
    headers.append('X-Added', '1')
    headers.delete('x-twice')
    expect(headers.get('content-type')).toBe('text/plain')
    expect(headers.get('x-added')).toBe('1')
    expect(headers.has('x-twice')).toBe(false)
    expect(headers.get('x-v3io-transaction-verifier')).toBe('__mtime_secs==1 and __mtime_nsecs==2')
    const appended = new ResponseHeaders(['A', '1'])
    appended.append('a', '2')
    expect(appended.get('a')).toBe('1, 2')
  })

  it('matches an eager Headers on random header lists and lookups', () => {
    const name = fc.constantFrom('a', 'A', 'b', 'X-Id', 'x-id', 'X-ID', 'set-cookie', 'Set-Cookie', 'k')
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(' padded ', '\tx', 'y\t', ''))
    const query = fc.oneof(name, fc.constantFrom('bad name', '', 'é', '\u212a', 'x-id '))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, value), { maxLength: 6 }),
        fc.array(query, { maxLength: 4 }),
        (pairs, queries) => {
          // Node hands over trimmed values; an untrimmed one must still read as Headers reads it.
          const list = pairs.flat()
          const expected = outcome(() => eager(list))
          if ('error' in expected) return
          const lazy = new ResponseHeaders([...list])
          for (const queried of queries)
            expect(outcome(() => lazy.get(queried))).toEqual(outcome(() => expected.value.get(queried)))
          expect([...lazy]).toEqual([...expected.value])
        },
      ),
    )
  })
})
