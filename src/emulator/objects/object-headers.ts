import type { StoredNode } from '../storage/nodes.js'
import { httpDate } from './xml-writer.js'

/** `__mtime_secs==<s> and __mtime_nsecs==<ns>` (transport.md, the transaction verifier header). */
export function verifierText(mtime: bigint): string {
  return `__mtime_secs==${mtime / 1_000_000_000n} and __mtime_nsecs==${mtime % 1_000_000_000n}`
}

/** The verifier and `Last-Modified` headers of a node (ED-30). */
export function versionHeaders(node: StoredNode): Record<string, string> {
  return { 'X-v3io-transaction-verifier': verifierText(node.mtime), 'Last-Modified': httpDate(node.mtime) }
}
