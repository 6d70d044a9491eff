import { ApiError, invalidArgument } from './api-error.js'

/** A request target after ED-23 normalisation. */
export interface RequestTarget {
  /** Decoded, non-empty path segments; the first is the container (absent for `/`). */
  readonly segments: readonly string[]
  /** Whether the path ended with `/` (directory semantics). */
  readonly trailingSlash: boolean
  /** Query parameters, percent-decoded; the last occurrence wins (ED-28). */
  readonly query: ReadonlyMap<string, string>
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const textEncoder = new TextEncoder()
const controlCharacter = /[\u0000-\u001f]/

/** Percent-decodes (either hex case) as UTF-8; `+` stays a plus. Invalid escapes or UTF-8 → 400. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x25) {
      const hex = text.slice(i + 1, i + 3)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw invalidArgument('invalid percent-encoding')
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else if (c < 0x80) {
      bytes.push(c)
    } else {
      const end = c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1
      for (const byte of textEncoder.encode(text.slice(i, end))) bytes.push(byte)
      i = end - 1
    }
  }
  try {
    return utf8.decode(new Uint8Array(bytes))
  } catch {
    throw invalidArgument('path or query is not valid UTF-8')
  }
}

/** Parses and normalises a raw request target (`/bigdata//dir/o?prefix=x`). */
export function parseRequestTarget(rawUrl: string): RequestTarget {
  const questionMark = rawUrl.indexOf('?')
  const rawPath = questionMark < 0 ? rawUrl : rawUrl.slice(0, questionMark)
  const rawQuery = questionMark < 0 ? '' : rawUrl.slice(questionMark + 1)
  // A decoded %2F acts as a separator, so decode before splitting.
  const path = percentDecode(rawPath).replace(/\/{2,}/g, '/')
  const trailingSlash = path.length > 1 && path.endsWith('/')
  const segments = path.split('/').filter((segment) => segment !== '')
  // The container-relative path: its segments and the slashes between them.
  let total = -1
  for (const [index, segment] of segments.entries()) {
    if (segment === '.' || segment === '..')
      throw invalidArgument('"." and ".." path segments are not allowed')
    if (controlCharacter.test(segment)) throw invalidArgument('control characters are not allowed in paths')
    const length = textEncoder.encode(segment).length
    if (length > 255) throw new ApiError(400, -36, 'File name too long')
    if (index > 0) total += length + 1
  }
  if (total > 4096) throw new ApiError(400, -36, 'File name too long')
  return { segments, trailingSlash, query: parseQuery(rawQuery) }
}

function parseQuery(rawQuery: string): Map<string, string> {
  const query = new Map<string, string>()
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const name = percentDecode(equals < 0 ? part : part.slice(0, equals))
    query.set(name, equals < 0 ? '' : percentDecode(part.slice(equals + 1)))
  }
  return query
}
