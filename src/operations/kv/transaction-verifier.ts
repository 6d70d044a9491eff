import { responseDecoding } from '../response-decoding-loader.js'
import type { Timestamp } from './timestamp.js'

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

/** The response header carrying the verifier. */
export const transactionVerifierHeader = 'X-v3io-transaction-verifier'

/**
 * Parses the verifier header tolerantly (transport.md: split on `and` in any case, then on `==`, names in
 * either order, whitespace ignored). A missing or unparsable header gives `undefined`, never an error.
 * In browsers, before a call has loaded the response decoders, it throws: `await getItem.prepare?.()`.
 */
export function parseTransactionVerifier(headers: Headers): TransactionVerifier | undefined {
  return responseDecoding().parseTransactionVerifier(headers)
}
