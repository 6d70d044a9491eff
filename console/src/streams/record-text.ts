import { hexDump, previewOf } from '../objects/object-preview.js'

/** A record's data as the tail shows it: its text (JSON compacted as written), or hex for binary data. */
export function recordText(data: Uint8Array): string {
  const preview = previewOf('', data)
  if (preview.kind === 'text') return preview.text
  if (preview.kind === 'json') return new TextDecoder().decode(data)
  return hexDump(data, 64)
}
