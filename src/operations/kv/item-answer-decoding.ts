import type { RawResponse, RequestDescriptor } from '../../core/descriptor.js'
import { decodeJsonBody } from '../json-body-decoding.js'
import {
  AttributeDecodingError,
  decodeError,
  Timestamp,
  transactionVerifierHeader,
} from '../response-decoding-dependencies.js'
import { decodeItem } from './attribute-value-decoding.js'
import type { Item } from './attribute-values.js'
import type { GetItemOutput } from './get-item.js'
import type { GetItemsOutput } from './get-items.js'
import type { ReadingDescriptor } from './item-decoding.js'
import type { Timestamp as TimestampValue } from './timestamp.js'
import type { TransactionVerifier } from './transaction-verifier.js'

// The answers of the key-value reads and the transaction verifier, decoded: the bodies of get-item.ts's,
// get-items.ts's and transaction-verifier.ts's decoding, loaded with the response decoders
// (operations/response-decoding.ts).

/** Decodes one wire item of a response, turning malformed values into a DecodeError of the operation. */
function decodeResponseItem(wire: unknown, response: RawResponse, descriptor: RequestDescriptor): Item {
  try {
    return decodeItem(wire, (descriptor as ReadingDescriptor).decoding)
  } catch (error) {
    if (error instanceof AttributeDecodingError) throw decodeError(response, descriptor, error.message)
    throw error
  }
}

/** GetItem's answer: the item and the verifier. */
export function decodeGetItem(response: RawResponse, descriptor: RequestDescriptor): GetItemOutput {
  const body = decodeJsonBody(response, descriptor)
  // A platform may omit an empty Item; the emulator always sends it.
  return {
    item: decodeResponseItem(body.Item ?? {}, response, descriptor),
    verifier: parseTransactionVerifier(response.headers),
  }
}

/** GetItems' answer: one page of items. */
export function decodeGetItems(response: RawResponse, descriptor: RequestDescriptor): GetItemsOutput {
  const body = decodeJsonBody(response, descriptor)
  const wireItems = body.Items ?? []
  if (!Array.isArray(wireItems)) throw decodeError(response, descriptor, 'Items is not an array')
  const flag = body.LastItemIncluded
  // The platform sends the string "TRUE"; accept other spellings of true.
  const last = flag === true || (typeof flag === 'string' && flag.toUpperCase() === 'TRUE')
  const items = wireItems.map((item) => decodeResponseItem(item, response, descriptor))
  const output: GetItemsOutput = { items, lastItemIncluded: last, last, numItems: items.length }
  if (typeof body.NextMarker === 'string' && body.NextMarker !== '') output.nextMarker = body.NextMarker
  return output
}

// The form every server sends (and the condition the parser writes back): a match needs no other parsing.
const canonicalVerifier = /^__mtime_secs==(0|[1-9]\d*) and __mtime_nsecs==(0|[1-9]\d{0,8})$/

/**
 * Parses the verifier header tolerantly (transport.md: split on `and` in any case, then on `==`, names in
 * either order, whitespace ignored). A missing or unparsable header gives `undefined`, never an error.
 * The body of transaction-verifier.ts's public function.
 */
export function parseTransactionVerifier(headers: Headers): TransactionVerifier | undefined {
  const text = headers.get(transactionVerifierHeader)
  if (!text) return undefined
  const canonical = canonicalVerifier.exec(text)
  // Safe seconds and no leading zeros: the text is already the condition the general path would build.
  if (canonical && (canonical[1] as string).length <= 15)
    return {
      mtime: new Timestamp(Number(canonical[1]), Number(canonical[2])),
      condition: text,
    }
  const parts = text.trim().split(/\s+and\s+/i)
  if (parts.length !== 2) return undefined
  const values = new Map<string, string>()
  for (const part of parts) {
    const [name, value, ...rest] = part.split('==').map((piece) => piece.trim())
    if (name === undefined || value === undefined || rest.length > 0 || !/^\d+$/.test(value)) return undefined
    values.set(name, value)
  }
  const seconds = values.get('__mtime_secs')
  const nanoseconds = values.get('__mtime_nsecs')
  if (seconds === undefined || nanoseconds === undefined || nanoseconds.length > 9) return undefined
  let mtime: TimestampValue
  try {
    mtime = new Timestamp(BigInt(seconds), Number(nanoseconds))
  } catch {
    return undefined // seconds beyond int64
  }
  return { mtime, condition: `__mtime_secs==${mtime.seconds} and __mtime_nsecs==${mtime.nanoseconds}` }
}
