import { decodeStandardBase64, encodeStandardBase64 } from '../kv/base64.js'

/** A position in a shard, as a location token carries it (ED-44). */
export interface LocationPosition {
  readonly shardId: number
  /** The stream incarnation tag. */
  readonly incarnation: number
  /** The sequence number of the next record to read (≥ 1). */
  readonly sequenceNumber: number
}

const version = 0x01
const tokenBytes = 16

/** The token `AQAAAAAAAAAAAAAAAAAAAA==`: "the oldest retained record" of whatever shard is addressed. */
export const oldestLocationToken = 'AQAAAAAAAAAAAAAAAAAAAA=='

/**
 * Encodes a position: byte 0 version 1, byte 1 reserved 0, bytes 2–3 shard id (uint16 LE), bytes 4–7
 * incarnation (uint32 LE), bytes 8–15 sequence number (uint64 LE), as padded standard base64 (ED-44).
 */
export function encodeLocation(position: LocationPosition): string {
  const bytes = new Uint8Array(tokenBytes)
  const view = new DataView(bytes.buffer)
  view.setUint8(0, version)
  view.setUint16(2, position.shardId, true)
  view.setUint32(4, position.incarnation >>> 0, true)
  view.setBigUint64(8, BigInt(position.sequenceNumber), true)
  return encodeStandardBase64(bytes)
}

/**
 * Decodes a token: a position, `'oldest'` for {@link oldestLocationToken}, or `undefined` when the text
 * is not exactly one of the emulator's tokens (wrong length, version, padding or spelling).
 */
export function decodeLocation(token: string): LocationPosition | 'oldest' | undefined {
  if (token.length !== 24) return undefined
  const bytes = decodeStandardBase64(token)
  // Re-encoding rejects non-canonical spellings whose ignored low bits differ.
  if (!bytes || bytes.length !== tokenBytes || encodeStandardBase64(bytes) !== token) return undefined
  if (token === oldestLocationToken) return 'oldest'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint8(0) !== version || view.getUint8(1) !== 0) return undefined
  const sequenceNumber = view.getBigUint64(8, true)
  if (sequenceNumber < 1n || sequenceNumber > BigInt(Number.MAX_SAFE_INTEGER)) return undefined
  return {
    shardId: view.getUint16(2, true),
    incarnation: view.getUint32(4, true),
    sequenceNumber: Number(sequenceNumber),
  }
}
