import { invalidArgument } from '../api-error.js'

/** A byte range to serve, or `empty` when the first byte is past the end (ED-26). */
export type ServedRange = { first: number; last: number } | 'empty' | undefined

/** Interprets a GET `Range` header against an object of `size` bytes (ED-26). */
export function parseGetRange(header: string | undefined, size: number): ServedRange {
  if (header === undefined) return undefined
  const match = /^bytes=(?:(\d+)(?:-(\d*))?|-(\d+))$/.exec(header.trim())
  if (!match) throw invalidArgument('invalid Range header')
  const [, firstText, lastText, suffixText] = match
  if (suffixText !== undefined) {
    const count = Number(suffixText)
    if (count < 1) throw invalidArgument('invalid Range header')
    if (size === 0) return 'empty'
    return { first: Math.max(size - count, 0), last: size - 1 }
  }
  const first = Number(firstText)
  const last = lastText === undefined || lastText === '' ? Number.POSITIVE_INFINITY : Number(lastText)
  if (last < first) throw invalidArgument('invalid Range header')
  if (first >= size) return 'empty'
  return { first, last: Math.min(last, size - 1) }
}

/** Whether a PUT/POST `Range` header asks to append; any other value is refused (ED-26). */
export function isAppendRange(header: string | undefined): boolean {
  if (header === undefined) return false
  if (header.trim() === '-1') return true
  throw invalidArgument('invalid Range header')
}
