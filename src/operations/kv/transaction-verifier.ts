import { Timestamp } from './timestamp.js'

/**
 * The item's modification time as reported by `X-v3io-transaction-verifier` (kv.md "The transaction
 * verifier and optimistic locking"). Pass {@link TransactionVerifier.condition} as the `condition` of the
 * next write to make it fail if anybody changed the item in between.
 */
export interface TransactionVerifier {
  /** The item's `__mtime_secs` and `__mtime_nsecs`. */
  readonly mtime: Timestamp
  /** A condition expression true only while the item is unchanged: `__mtime_secs==<s> and __mtime_nsecs==<ns>`. */
  readonly condition: string
}

// The form every server sends (and the condition the parser writes back): a match needs no other parsing.
const canonicalVerifier = /^__mtime_secs==(0|[1-9]\d*) and __mtime_nsecs==(0|[1-9]\d{0,8})$/

/** The response header carrying the verifier. */
export const transactionVerifierHeader = 'X-v3io-transaction-verifier'

/**
 * Parses the verifier header tolerantly (transport.md: split on `and` in any case, then on `==`, names in
 * either order, whitespace ignored). A missing or unparsable header gives `undefined`, never an error.
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
  let mtime: Timestamp
  try {
    mtime = new Timestamp(BigInt(seconds), Number(nanoseconds))
  } catch {
    return undefined // seconds beyond int64
  }
  return { mtime, condition: `__mtime_secs==${mtime.seconds} and __mtime_nsecs==${mtime.nanoseconds}` }
}
