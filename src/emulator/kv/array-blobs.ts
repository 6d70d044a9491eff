/**
 * Numeric array attributes are blobs with a 16-byte header (kv.md "Array blob layout"), always
 * little-endian. Only a *well-formed* array blob counts as an array (ED-32); any other bytes stay a plain
 * blob, so user data that merely starts with the magic is never misread.
 */

/** The header's magic number, 11223344 (bytes `30 41 AB 00`). */
export const ARRAY_BLOB_MAGIC = 11223344
/** The only header version. */
export const ARRAY_BLOB_VERSION = 1
/** Element-type code of int64 arrays. */
export const INT64_ELEMENT_TYPE = 259
/** Element-type code of double arrays. */
export const DOUBLE_ELEMENT_TYPE = 261
/** Size of the header in bytes. */
export const ARRAY_BLOB_HEADER_SIZE = 16
/** Most elements an array may have so that its blob stays within 1 MiB (ED-39: `init_array` sizes). */
export const MAX_ARRAY_ELEMENTS = 131070

/** The elements of a well-formed array blob. */
export type DecodedArray =
  | { readonly type: 'intArray'; readonly value: BigInt64Array }
  | { readonly type: 'doubleArray'; readonly value: Float64Array }

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** The element type code (259 or 261) when `bytes` is a well-formed array blob, else `undefined`. */
export function arrayBlobElementType(bytes: Uint8Array): number | undefined {
  if (bytes.length < ARRAY_BLOB_HEADER_SIZE) return undefined
  const header = view(bytes)
  const payload = bytes.length - ARRAY_BLOB_HEADER_SIZE
  if (header.getUint32(0, true) !== ARRAY_BLOB_MAGIC) return undefined
  if (header.getUint32(4, true) !== ARRAY_BLOB_VERSION) return undefined
  if (header.getUint32(8, true) !== payload || payload % 8 !== 0) return undefined
  const elementType = header.getUint32(12, true)
  return elementType === INT64_ELEMENT_TYPE || elementType === DOUBLE_ELEMENT_TYPE ? elementType : undefined
}

/** True when `bytes` is a well-formed array blob (ED-32). */
export function isArrayBlob(bytes: Uint8Array): boolean {
  return arrayBlobElementType(bytes) !== undefined
}

/** Decodes a well-formed array blob into a fresh typed array; `undefined` for any other bytes. */
export function decodeArrayBlob(bytes: Uint8Array): DecodedArray | undefined {
  const elementType = arrayBlobElementType(bytes)
  if (elementType === undefined) return undefined
  const data = view(bytes)
  const count = (bytes.length - ARRAY_BLOB_HEADER_SIZE) / 8
  if (elementType === INT64_ELEMENT_TYPE) {
    const value = new BigInt64Array(count)
    for (let i = 0; i < count; i++) value[i] = data.getBigInt64(ARRAY_BLOB_HEADER_SIZE + i * 8, true)
    return { type: 'intArray', value }
  }
  const value = new Float64Array(count)
  for (let i = 0; i < count; i++) value[i] = data.getFloat64(ARRAY_BLOB_HEADER_SIZE + i * 8, true)
  return { type: 'doubleArray', value }
}

function encode(
  elementType: number,
  count: number,
  write: (data: DataView, at: number, i: number) => void,
): Uint8Array {
  const bytes = new Uint8Array(ARRAY_BLOB_HEADER_SIZE + count * 8)
  const data = view(bytes)
  data.setUint32(0, ARRAY_BLOB_MAGIC, true)
  data.setUint32(4, ARRAY_BLOB_VERSION, true)
  data.setUint32(8, count * 8, true)
  data.setUint32(12, elementType, true)
  for (let i = 0; i < count; i++) write(data, ARRAY_BLOB_HEADER_SIZE + i * 8, i)
  return bytes
}

/** Encodes int64 elements as an array blob (element type 259). */
export function encodeIntArrayBlob(values: BigInt64Array): Uint8Array {
  return encode(INT64_ELEMENT_TYPE, values.length, (data, at, i) =>
    data.setBigInt64(at, values[i] ?? 0n, true),
  )
}

/** Encodes double elements as an array blob (element type 261). */
export function encodeDoubleArrayBlob(values: Float64Array): Uint8Array {
  return encode(DOUBLE_ELEMENT_TYPE, values.length, (data, at, i) =>
    data.setFloat64(at, values[i] ?? 0, true),
  )
}
