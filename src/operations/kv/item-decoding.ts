import { decodeError } from '../../core/decode.js'
import type { RawResponse, RequestDescriptor } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { AttributeDecodingError, type AttributeDecodingOptions, decodeItem } from './attribute-decoding.js'
import type { Item } from './attribute-values.js'

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

/** Decodes one wire item of a response, turning malformed values into a DecodeError of the operation. */
export function decodeResponseItem(
  wire: unknown,
  response: RawResponse,
  descriptor: RequestDescriptor,
): Item {
  try {
    return decodeItem(wire, (descriptor as ReadingDescriptor).decoding)
  } catch (error) {
    if (error instanceof AttributeDecodingError) throw decodeError(response, descriptor, error.message)
    throw error
  }
}
