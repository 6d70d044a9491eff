import { V3ioError } from '../../core/errors.js'
import { responseDecoding } from '../response-decoding-loader.js'
import type { AttributeValue, Item } from './attribute-values.js'

/** How attribute values read from the server become JavaScript values (kv.md "Decoding"). */
export interface AttributeDecodingOptions {
  /**
   * `'auto'` (default): integers are `number`s up to ±(2^53-1) and `bigint`s beyond, so nothing is ever
   * rounded. `'bigint'`: every integer is a `bigint`.
   */
  integers?: 'auto' | 'bigint'
  /** `'typedArrays'` (default): array blobs become `BigInt64Array`/`Float64Array`. `'bytes'`: `Uint8Array`. */
  arrayBlobs?: 'typedArrays' | 'bytes'
  /**
   * Return every attribute as a {@link TypedAttribute} (`{ type, value }`), so that e.g. a double `1.5`
   * stays a double when written back. Integral doubles arrive as `"5"` (platforms print them so) and are
   * typed `int`. Default false.
   */
  typed?: boolean
}

/** A wire value that does not follow the typed-value encoding; the operation turns it into a DecodeError. */
export class AttributeDecodingError extends V3ioError {
  override name = 'AttributeDecodingError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.AttributeDecodingError'
}

/**
 * Decodes a wire attribute object (`Item` of GetItem, an element of `Items`). In browsers, before a call
 * has loaded the response decoders, it throws a `V3ioError`: `await getItem.prepare?.()` first.
 */
export function decodeItem(wire: unknown, options?: AttributeDecodingOptions): Item {
  return responseDecoding().decodeItem(wire, options)
}

/** Decodes one typed value (`{"N":"42"}` → 42); in browsers, as {@link decodeItem}, after `prepare`. */
export function decodeAttributeValue(
  wire: unknown,
  name: string,
  options?: AttributeDecodingOptions,
): AttributeValue {
  return responseDecoding().decodeAttributeValue(wire, name, options)
}
