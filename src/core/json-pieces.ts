import { parseJson } from './lossless-json.js'
import { decodeUtf8 } from './utf8.js'

/**
 * JSON bodies of more than a few tens of kilobytes, parsed in pieces.
 *
 * V8 puts every string of more than 128 KiB in its large-object space, where each one gets memory mapped
 * afresh and is faulted in page by page. Where a page fault is dear (virtual machines such as the one our
 * benchmarks run on), decoding a 250 KB GetRecords page into one string cost twice what `JSON.parse` of
 * it cost (docs/benchmarks.md, "Bulk paths"). Such bodies are one large array of objects (the records,
 * the items), so they are cut between two elements of that array into pieces that each decode to a small
 * string: the pieces between the cuts parse as arrays of elements, and the rest (the text before the
 * first cut and after the last) parses with a marker where they were, which is then replaced by them.
 *
 * Where a cut may go: at `},{"x`, where `x` is not a character that may follow a closing quote (`,`,
 * `}`, `]`, `:` or white space). A `"` preceded by `{` is not escaped, so it delimits a string; with such
 * an `x` after it, it opens one, so the `{` before it, and the `,` and `}` before that, are outside
 * strings: the cut is between two objects of one array. Anything unexpected (no such array in the
 * top-level object, a piece that does not parse) falls back to parsing the whole text, which also gives
 * malformed bodies their usual error.
 *
 * Node's transport hands this parser to the decoders (`RawResponse.parseJson`): browsers' bundles do not
 * carry it (its gain was measured in Node only).
 */

// Pieces of at most this many bytes (plus one element) decode to strings well under 128 KiB, even as
// two-byte strings (at most one UTF-16 unit per UTF-8 byte).
const pieceBytes = 32 * 1024
const closeBrace = 0x7d
const comma = 0x2c
const openBrace = 0x7b
const quote = 0x22
// What may follow a closing quote: its presence after `},{"` would mean the quote closes a string.
const afterClosingQuote = new Set([0x2c, 0x7d, 0x5d, 0x3a, 0x20, 0x09, 0x0a, 0x0d])
// Stands where the pieces were; random per process, so that no body can hold it by chance.
const spliceMarker = `\u0000splice-${Math.random().toString(36).slice(2)}`
const spliceElement = `,"\\u0000${spliceMarker.slice(1)}"`

/** Parses the JSON text of UTF-8 bytes, as `parseJson(decodeUtf8(bytes))` does, in pieces when large. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  const cuts = bytes.length > 2 * pieceBytes ? elementBoundaries(bytes) : []
  if (cuts.length >= 2) {
    try {
      const spliced = parseSpliced(bytes, cuts)
      if (spliced !== undefined) return spliced
    } catch {
      // A piece that does not parse: the whole text decides (and names the error).
    }
  }
  return parseJson(decodeUtf8(bytes))
}

/** Offsets of the commas between two elements, about `pieceBytes` apart, none in the last piece. */
function elementBoundaries(bytes: Uint8Array): number[] {
  const cuts: number[] = []
  const limit = bytes.length - pieceBytes
  for (let from = pieceBytes; from < limit; ) {
    const cut = boundaryFrom(bytes, from, limit)
    if (cut < 0) break
    cuts.push(cut)
    from = cut + pieceBytes
  }
  return cuts
}

function boundaryFrom(bytes: Uint8Array, from: number, limit: number): number {
  for (
    let at = bytes.indexOf(closeBrace, from);
    at >= 0 && at < limit;
    at = bytes.indexOf(closeBrace, at + 1)
  ) {
    if (
      bytes[at + 1] === comma &&
      bytes[at + 2] === openBrace &&
      bytes[at + 3] === quote &&
      !afterClosingQuote.has(bytes[at + 4] as number)
    )
      return at + 1
  }
  return -1
}

/** The spliced value, or undefined when the marker is not an element of a top-level member's array. */
function parseSpliced(bytes: Uint8Array, cuts: number[]): unknown {
  const first = cuts[0] as number
  const last = cuts[cuts.length - 1] as number
  const outer = parseJson(
    decodeUtf8(bytes.subarray(0, first)) + spliceElement + decodeUtf8(bytes.subarray(last)),
  )
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer)) return undefined
  const object = outer as Record<string, unknown>
  const key = Object.keys(object).find(
    (name) => Array.isArray(object[name]) && (object[name] as unknown[]).includes(spliceMarker),
  )
  // `__proto__` is an own member of a parsed object, but assigning it would set the prototype instead.
  if (key === undefined || key === '__proto__') return undefined
  const around = object[key] as unknown[]
  const at = around.indexOf(spliceMarker)
  const elements = around.slice(0, at)
  for (let index = 0; index + 1 < cuts.length; index++) {
    const piece = bytes.subarray((cuts[index] as number) + 1, cuts[index + 1])
    for (const element of parseJson(`[${decodeUtf8(piece)}]`) as unknown[]) elements.push(element)
  }
  for (let index = at + 1; index < around.length; index++) elements.push(around[index])
  object[key] = elements
  return object
}
