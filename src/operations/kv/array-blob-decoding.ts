/**
 * Reading the platform's numeric array attributes (kv.md "Array blob layout"), the other half of
 * array-blobs.ts. It loads with the response decoders (operations/response-decoding.ts), which import no
 * module that the startup code imports (docs/bundle-size.md): the layout's numbers are restated here.
 */

const magic = 11223344
const version = 1
const headerSize = 16
const int64ElementType = 259
const doubleElementType = 261

/**
 * The element type of a **well-formed** array blob (length ≥ 16, magic, version 1, payload length equal to
 * the rest and a multiple of 8, element type 259 or 261), or `undefined` for any other bytes — the stricter
 * test of the contract, so that user bytes that merely start with the magic stay bytes.
 */
export function arrayBlobElementType(bytes: Uint8Array): number | undefined {
  if (bytes.length < headerSize) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const payload = view.getUint32(8, true)
  const elementType = view.getUint32(12, true)
  if (view.getUint32(0, true) !== magic || view.getUint32(4, true) !== version) return undefined
  if (payload !== bytes.length - headerSize || payload % 8 !== 0) return undefined
  return elementType === int64ElementType || elementType === doubleElementType ? elementType : undefined
}

/** Decodes a well-formed array blob; `undefined` for other bytes. Reads little-endian on any machine. */
export function decodeArrayBlob(bytes: Uint8Array): BigInt64Array | Float64Array | undefined {
  const elementType = arrayBlobElementType(bytes)
  if (elementType === undefined) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = (bytes.length - headerSize) / 8
  if (elementType === int64ElementType) {
    const values = new BigInt64Array(count)
    for (let index = 0; index < count; index++) values[index] = view.getBigInt64(headerSize + index * 8, true)
    return values
  }
  const values = new Float64Array(count)
  for (let index = 0; index < count; index++) values[index] = view.getFloat64(headerSize + index * 8, true)
  return values
}
