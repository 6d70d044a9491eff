/** How the console shows an object's bytes. */
export type Preview =
  | { readonly kind: 'image'; readonly mediaType: string }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary' }

/** Image signatures (magic numbers), so that a preview never depends on the name alone. */
const imageSignatures: readonly [string, readonly number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/webp', [0x52, 0x49, 0x46, 0x46]],
  ['image/bmp', [0x42, 0x4d]],
]

/**
 * Decides the preview: an image by its signature (or an `.svg` name with SVG text, shown in an `<img>`,
 * which runs no script), JSON pretty-printed with two spaces, UTF-8 text without control characters,
 * else binary (shown as hex).
 */
export function previewOf(name: string, bytes: Uint8Array): Preview {
  for (const [mediaType, signature] of imageSignatures) {
    if (signature.every((byte, index) => bytes[index] === byte)) return { kind: 'image', mediaType }
  }
  const text = utf8Text(bytes)
  if (text === undefined) return { kind: 'binary' }
  if (/\.svg$/i.test(name) && /<svg[\s>]/i.test(text)) return { kind: 'image', mediaType: 'image/svg+xml' }
  const trimmed = text.trim()
  if (/^[[{]/.test(trimmed) || /\.json$/i.test(name)) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(trimmed), null, 2) }
    } catch {
      // Not JSON after all: plain text.
    }
  }
  return { kind: 'text', text }
}

function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // Control characters other than tab, line feed, carriage return and form feed mean binary.
    return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text
  } catch {
    return undefined
  }
}

/**
 * The classic hex dump: an offset, 16 bytes in hex, and their printable ASCII, one line per 16 bytes.
 * `limit` bounds the lines so that a large object does not flood the page.
 */
export function hexDump(bytes: Uint8Array, limit = 4096): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, limit)
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end))
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, '0')).join(' ')
    const ascii = Array.from(row, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
    ).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`)
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`)
  return lines.join('\n')
}

/** A byte count for people: `512 B`, `1.5 KiB`, `3.2 MiB`. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = size / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}
