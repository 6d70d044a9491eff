import type { RequestDescriptor } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import type { AttributeDecodingOptions } from './attribute-decoding.js'

/**
 * A descriptor of a reading operation, carrying the caller's decoding options to the decoder (which only
 * sees the descriptor). They describe the client side only and are never sent.
 */
export interface ReadingDescriptor extends RequestDescriptor {
  /** How to decode the attributes of the response. */
  readonly decoding?: AttributeDecodingOptions
}

/** Checks the `decoding` option. */
export function validateDecoding(decoding: unknown): AttributeDecodingOptions | undefined {
  if (decoding === undefined) return undefined
  if (typeof decoding !== 'object' || decoding === null)
    throw new ValidationError('decoding', 'must be an object')
  const { integers, arrayBlobs, typed } = decoding as AttributeDecodingOptions
  if (integers !== undefined && integers !== 'auto' && integers !== 'bigint')
    throw new ValidationError('decoding.integers', `must be 'auto' or 'bigint', got ${String(integers)}`)
  if (arrayBlobs !== undefined && arrayBlobs !== 'typedArrays' && arrayBlobs !== 'bytes')
    throw new ValidationError(
      'decoding.arrayBlobs',
      `must be 'typedArrays' or 'bytes', got ${String(arrayBlobs)}`,
    )
  if (typed !== undefined && typeof typed !== 'boolean')
    throw new ValidationError('decoding.typed', 'must be a boolean')
  return { integers, arrayBlobs, typed }
}
