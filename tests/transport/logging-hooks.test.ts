import { describe, expect, it, vi } from 'vitest'
import type { ObservedResponse } from '../../src/index.js'
import { environmentLogger, withLogger } from '../../src/transport/logging-hooks.js'

const outcome = (status: number | undefined, willRetry: boolean, attempt = 1): ObservedResponse => ({
  request: { operation: 'GetItem', method: 'PUT', url: 'http://h:1/c/p', headers: {}, attempt },
  status,
  headers: undefined,
  body: undefined,
  error:
    status === undefined
      ? new Error('boom', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } })
      : undefined,
  milliseconds: 1.25,
  willRetry,
})

describe('withLogger', () => {
  it('returns the hooks unchanged without a logger, and the logging hooks alone without hooks', () => {
    const hooks = { afterResponse: () => undefined }
    expect(withLogger(hooks, undefined)).toBe(hooks)
    expect(withLogger(undefined, undefined)).toBeUndefined()
    expect(withLogger(undefined, {})?.beforeRequest).toBeUndefined()
  })

  it('logs a response at debug, a retried failure at debug, the final failure at warn, in order', async () => {
    const logged: [string, string][] = []
    const hooks = withLogger(undefined, {
      debug: (line: string) => logged.push(['debug', line]),
      warn: (line: string) => logged.push(['warn', line]),
    })
    hooks?.afterResponse?.(outcome(200, false))
    hooks?.afterResponse?.(outcome(undefined, true))
    await vi.waitFor(() => expect(logged).toHaveLength(2))
    hooks?.afterResponse?.(outcome(undefined, false, 2))
    expect(logged).toEqual([
      ['debug', 'v3io GetItem PUT http://h:1/c/p → 200 in 1.3 ms'],
      ['debug', 'v3io GetItem PUT http://h:1/c/p → failed: read ECONNRESET in 1.3 ms, retrying'],
      ['warn', 'v3io GetItem PUT http://h:1/c/p → failed: read ECONNRESET in 1.3 ms (attempt 2)'],
    ])
  })

  it('calls the hooks and the logger, a throwing hook breaking neither', async () => {
    const seen: string[] = []
    const hooks = withLogger(
      {
        afterResponse: () => {
          seen.push('hook')
          throw new Error('broken')
        },
      },
      { debug: () => seen.push('logger') },
    )
    hooks?.afterResponse?.(outcome(204, false))
    await vi.waitFor(() => expect(seen).toEqual(['hook', 'logger']))
  })
})

describe('environmentLogger', () => {
  it('is the console for any value but empty, 0 and false', () => {
    expect(environmentLogger('1')).toBe(console)
    expect(environmentLogger('yes')).toBe(console)
    expect(environmentLogger(undefined)).toBeUndefined()
    expect(environmentLogger('0')).toBeUndefined()
    expect(environmentLogger('FALSE')).toBeUndefined()
  })
})
