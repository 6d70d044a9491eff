import { afterEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../../src/index.js'
import {
  backoffDelay,
  isRetryableStatus,
  neverReachedServer,
  resolveRetryOptions,
  retryAfterDelay,
} from '../../src/transport/retry-policy.js'

describe('resolveRetryOptions', () => {
  it('fills in the contract defaults: 4 attempts, 100 ms doubling up to 2 s', () => {
    expect(resolveRetryOptions(undefined)).toEqual({
      attempts: 4,
      initialDelay: 100,
      maxDelay: 2000,
      maxRetryAfter: 30_000,
      attemptTimeout: 0,
    })
    expect(resolveRetryOptions({ attempts: 2, maxDelay: undefined })).toMatchObject({
      attempts: 2,
      maxDelay: 2000,
    })
  })

  it('turns retries off with false', () => {
    expect(resolveRetryOptions(false).attempts).toBe(1)
  })

  it('names the bad member', () => {
    const attempts = (() => {
      try {
        resolveRetryOptions({ attempts: 0 })
      } catch (error) {
        return error
      }
    })()
    expect(attempts).toBeInstanceOf(ValidationError)
    expect((attempts as ValidationError).parameter).toBe('retry.attempts')
    expect(() => resolveRetryOptions({ initialDelay: -1 })).toThrow(/retry\.initialDelay/)
    expect(() => resolveRetryOptions({ maxRetryAfter: Number.NaN })).toThrow(/retry\.maxRetryAfter/)
  })
})

describe('isRetryableStatus', () => {
  it('retries 429, 502, 503 and 504 only', () => {
    const retryable = [200, 204, 400, 404, 409, 429, 500, 501, 502, 503, 504, 505].filter(isRetryableStatus)
    expect(retryable).toEqual([429, 502, 503, 504])
  })
})

describe('neverReachedServer', () => {
  it('recognises refused connections and DNS failures anywhere in the cause chain', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    })
    expect(neverReachedServer(refused)).toBe(true)
    expect(neverReachedServer({ cause: { cause: { code: 'ENOTFOUND' } } })).toBe(true)
    expect(neverReachedServer({ code: 'EAI_AGAIN' })).toBe(true)
  })

  it('does not treat resets, timeouts or opaque failures as never sent', () => {
    expect(neverReachedServer(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe(false)
    expect(neverReachedServer(new TypeError('Failed to fetch'))).toBe(false)
    expect(neverReachedServer(undefined)).toBe(false)
  })
})

describe('backoffDelay', () => {
  afterEach(() => vi.restoreAllMocks())
  const options = resolveRetryOptions({ initialDelay: 100, maxDelay: 1000 })

  it('draws uniformly between 0 and an exponentially growing ceiling (full jitter)', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999)
    expect([1, 2, 3, 4].map((retry) => Math.round(backoffDelay(retry, options)))).toEqual([
      100, 200, 400, 800,
    ])
    vi.spyOn(Math, 'random').mockReturnValue(0)
    expect(backoffDelay(3, options)).toBe(0)
  })

  it('caps the ceiling at maxDelay', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    expect(backoffDelay(10, options)).toBe(500)
  })
})

describe('retryAfterDelay', () => {
  const now = Date.parse('2024-05-01T12:00:00Z')

  it('reads delta-seconds', () => {
    expect(retryAfterDelay('2', now)).toBe(2000)
    expect(retryAfterDelay(' 0 ', now)).toBe(0)
  })

  it('reads an HTTP date, a past one meaning now', () => {
    expect(retryAfterDelay('Wed, 01 May 2024 12:00:03 GMT', now)).toBe(3000)
    expect(retryAfterDelay('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0)
  })

  it('ignores absent and unparsable values', () => {
    expect(retryAfterDelay(null, now)).toBeUndefined()
    expect(retryAfterDelay('', now)).toBeUndefined()
    expect(retryAfterDelay('soon', now)).toBeUndefined()
    expect(retryAfterDelay('-5', now)).toBeUndefined()
  })
})
