const P1 = 0x9e3779b1
const P2 = 0x85ebca77
const P3 = 0xc2b2ae3d
const P4 = 0x27d4eb2f
const P5 = 0x165667b1

const textEncoder = new TextEncoder()

const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0
const round = (acc: number, lane: number) => Math.imul(rotl((acc + Math.imul(lane, P2)) >>> 0, 13), P1) >>> 0

/**
 * xxHash32 of bytes or of a string's UTF-8 form. The emulator uses it to place partition keys on shards
 * (ED-11) and KV items on slices, and to fingerprint GetItems markers (ED-38).
 */
export function xxHash32(input: Uint8Array | string, seed = 0): number {
  const bytes = typeof input === 'string' ? textEncoder.encode(input) : input
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const length = bytes.length
  let offset = 0
  let h: number
  if (length >= 16) {
    let v1 = (seed + P1 + P2) >>> 0
    let v2 = (seed + P2) >>> 0
    let v3 = seed >>> 0
    let v4 = (seed - P1) >>> 0
    for (; offset + 16 <= length; offset += 16) {
      v1 = round(v1, view.getUint32(offset, true))
      v2 = round(v2, view.getUint32(offset + 4, true))
      v3 = round(v3, view.getUint32(offset + 8, true))
      v4 = round(v4, view.getUint32(offset + 12, true))
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) >>> 0
  } else {
    h = (seed + P5) >>> 0
  }
  h = (h + length) >>> 0
  for (; offset + 4 <= length; offset += 4) {
    h = Math.imul(rotl((h + Math.imul(view.getUint32(offset, true), P3)) >>> 0, 17), P4) >>> 0
  }
  for (; offset < length; offset++) {
    h = Math.imul(rotl((h + Math.imul(bytes[offset] as number, P5)) >>> 0, 11), P1) >>> 0
  }
  h = Math.imul(h ^ (h >>> 15), P2) >>> 0
  h = Math.imul(h ^ (h >>> 13), P3) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}
