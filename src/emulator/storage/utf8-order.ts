/**
 * Compares strings in UTF-8 byte order (= code point order), which the listing and scan order of the
 * contract use. JavaScript's `<` compares UTF-16 code units and puts U+E000…U+FFFF after supplementary
 * characters; remapping the two ranges fixes that without encoding.
 */
export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    if (x >= 0xd800 && y >= 0xd800) {
      x = x <= 0xdfff ? x + 0x2000 : x - 0x800
      y = y <= 0xdfff ? y + 0x2000 : y - 0x800
    }
    return x - y
  }
  return a.length - b.length
}
