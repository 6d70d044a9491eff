/**
 * The platform's numeric array attributes (kv.md "Array blob layout"): a 16-byte little-endian header
 * (magic 11223344, version 1, payload length, element type) followed by 8-byte elements. Reading them is
 * array-blob-decoding.ts, loaded with the response decoders.
 */

const magic = 11223344
const version = 1
const headerSize = 16
/** Element type of int64 arrays. */
export const int64ElementType = 259
/** Element type of double arrays. */
export const doubleElementType = 261

function withHeader(count: number, elementType: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(headerSize + count * 8)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, magic, true)
  view.setUint32(4, version, true)
  view.setUint32(8, count * 8, true)
  view.setUint32(12, elementType, true)
  return { bytes, view }
}

/** The array blob of int64 elements (callers have range-checked them). */
export function encodeInt64ArrayBlob(values: ArrayLike<bigint>): Uint8Array {
  const { bytes, view } = withHeader(values.length, int64ElementType)
  for (let index = 0; index < values.length; index++)
    view.setBigInt64(headerSize + index * 8, values[index]!, true)
  return bytes
}

/** The array blob of double elements. */
export function encodeDoubleArrayBlob(values: ArrayLike<number>): Uint8Array {
  const { bytes, view } = withHeader(values.length, doubleElementType)
  for (let index = 0; index < values.length; index++)
    view.setFloat64(headerSize + index * 8, values[index]!, true)
  return bytes
}
