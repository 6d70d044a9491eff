/**
 * GetItems (kv.md "GetItems", ED-38): one page of a scan — plain, range or parallel — in scan order,
 * ending at `Limit`, 1000 items, 2 MiB of JSON, a virtual-node group boundary or the page's work budget,
 * with a look-ahead so that `LastItemIncluded` is `"TRUE"` as soon as nothing matching remains.
 */

import type { Handler } from '../context.js'
import { selectAttributes } from './attribute-selection.js'
import { attributesJson } from './item-json.js'
import { ScanCursor } from './scan-cursor.js'
import { encodeMarker } from './scan-markers.js'
import { groupOf, type ScanEntry } from './scan-order.js'
import { readScanRequest } from './scan-request.js'

/** Largest page JSON (ED-38), less room for the envelope and the marker around the items. */
const maxItemsBytes = 2 * 1024 * 1024 - 4096

/** `X-v3io-function: GetItems`. */
export const getItems: Handler = async (context) => {
  const request = readScanRequest(context)
  const { scanGroupBoundaries: groups, scanPageBudget, expressionWorkLimit } = context.settings
  const cursor = new ScanCursor(request, expressionWorkLimit)
  const items: string[] = []
  let bytes = 0
  let last: ScanEntry | undefined
  let complete = false
  for (;;) {
    // Looks ahead: a page that ends for any reason below knows that a matching entry remains.
    const entry = await cursor.next()
    if (entry === undefined) {
      complete = true
      break
    }
    if (
      last &&
      (items.length >= request.limit ||
        (groups && groupOf(entry.slice) !== groupOf(last.slice)) ||
        // A costly filter ends the page early (kv.md paging rule 1); never before its first item (rule 2).
        cursor.work >= scanPageBudget)
    ) {
      break
    }
    const json = attributesJson(selectAttributes(entry.node, request.selection))
    const size = Buffer.byteLength(json) + 1
    if (last && bytes + size > maxItemsBytes) break
    items.push(json)
    bytes += size
    last = entry
  }

  let body = `{"LastItemIncluded":"${complete ? 'TRUE' : 'FALSE'}","NumItems":${items.length}`
  if (!complete && last) {
    body += `,"NextMarker":"${encodeMarker(request.fingerprint, { slice: last.slice, name: last.name })}"`
  }
  body += `,"Items":[${items.join(',')}]`
  if (request.scatter) body += ',"Scattered":"FALSE"'
  return { status: 200, body: `${body}}`, contentType: 'application/json' }
}
