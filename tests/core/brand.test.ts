import { describe, expect, it } from 'vitest'
import { isBrandedInstance } from '../../src/core/brand.js'
import { HttpResponseError, NetworkError, V3ioError, ValidationError } from '../../src/core/errors.js'
import { Response } from '../../src/core/response.js'
import { isNotFound } from '../../src/operations/kv/error-predicates.js'

// Another copy of the package, as the CommonJS build is to the ESM one: classes of their own, same brands.
class ForeignV3ioError extends Error {
  static get brand(): string {
    return 'v3io.V3ioError'
  }
}
class ForeignValidationError extends ForeignV3ioError {
  static override get brand(): string {
    return 'v3io.ValidationError'
  }
}
class ForeignResponse {
  readonly statusCode = 404
  static get brand(): string {
    return 'v3io.Response'
  }
}

describe('branded classes', () => {
  it('recognise instances of another copy by brand, for the class and each of its ancestors', () => {
    const foreign = new ForeignValidationError('bad path')
    expect(foreign instanceof ValidationError).toBe(true)
    expect(foreign instanceof V3ioError).toBe(true)
    expect(foreign instanceof NetworkError).toBe(false)
    expect(foreign instanceof HttpResponseError).toBe(false)
    expect(new ForeignV3ioError('base') instanceof ValidationError).toBe(false)
    expect(isBrandedInstance(Response, new ForeignResponse())).toBe(true)
    expect(isBrandedInstance(V3ioError, new ForeignResponse())).toBe(false)
    expect(isNotFound(new ForeignResponse())).toBe(true)
  })

  it('keep the ordinary instanceof for their own instances and for values that are not objects', () => {
    const error = new ValidationError('path', 'must not be empty')
    expect(error instanceof ValidationError).toBe(true)
    expect(error instanceof V3ioError).toBe(true)
    expect(error instanceof Error).toBe(true)
    expect(error instanceof NetworkError).toBe(false)
    for (const value of [undefined, null, 0, 'v3io.ValidationError', Symbol('x')] as unknown[])
      expect(value instanceof ValidationError).toBe(false)
    expect(new Error('plain') instanceof V3ioError).toBe(false)
  })

  it('leave a subclass without a brand of its own to the ordinary instanceof, not its parent’s brand', () => {
    class AppValidationError extends ValidationError {}
    expect(new ValidationError('path', 'bad') instanceof AppValidationError).toBe(false)
    expect(new ForeignValidationError('bad') instanceof AppValidationError).toBe(false)
    expect(new AppValidationError('path', 'bad') instanceof AppValidationError).toBe(true)
    expect(new AppValidationError('path', 'bad') instanceof ValidationError).toBe(true)
  })

  it('read brands along the value’s whole prototype chain, and only string brands', () => {
    class ForeignSubclass extends ForeignValidationError {}
    expect(new ForeignSubclass('bad') instanceof ValidationError).toBe(true)
    expect(new ForeignSubclass('bad') instanceof V3ioError).toBe(true)
    class Impostor extends Error {
      static get brand(): number {
        return 42
      }
    }
    expect(new Impostor() instanceof V3ioError).toBe(false)
    expect(isBrandedInstance(V3ioError, Object.create(null))).toBe(false)
  })

  it('brand every error class with a distinct name', () => {
    const brands = [V3ioError, ValidationError, NetworkError, HttpResponseError, Response].map(
      (type) => type.brand,
    )
    expect(new Set(brands).size).toBe(brands.length)
    expect(brands).toContain('v3io.HttpResponseError')
  })
})
