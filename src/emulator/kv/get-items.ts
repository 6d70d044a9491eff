/**
 * GetItems (kv.md "GetItems", ED-38): one page of a scan — plain, range or parallel — in scan order,
 * ending at `Limit`, 1000 items, 2 MiB of JSON or a virtual-node group boundary, with a look-ahead so
 * that `LastItemIncluded` is `"TRUE"` as soon as nothing matching remains.
 */

import type { Handler } from '../context.js'
import { evaluateCondition } from '../expressions/index.js'
import { compareUtf8 } from '../storage/utf8-order.js'
import { selectAttributes } from './attribute-selection.js'
import { attributesJson } from './item-json.js'
import { nodeAttributes } from './item-view.js'
import { encodeMarker } from './scan-markers.js'
import {
  comparePositions,
  groupOf,
  type ScanEntry,
  type ScanOrder,
  type ScanPosition,
  scanOrder,
  shardingKeyOf,
  sortingKeyOf,
} from './scan-order.js'
import { readScanRequest, type ScanRequest } from './scan-request.js'

/** Largest page JSON (ED-38), less room for the envelope and the marker around the items. */
const maxItemsBytes = 2 * 1024 * 1024 - 4096

/** The first position the scan may visit: its kind's start, or after the marker when that is later. */
function startPosition(order: ScanOrder, request: ScanRequest): ScanPosition {
  const { range, slices, resumeAfter } = request
  const slice = slices.first
  let name = ''
  if (range) name = range.start ? `${range.shardingKey}.${range.start}` : range.shardingKey
  if (resumeAfter && comparePositions(resumeAfter.slice, resumeAfter.name, slice, name) >= 0) {
    return order.seek(resumeAfter.slice, resumeAfter.name, true)
  }
  return order.seek(slice, name, false)
}

/** The position of the next matching entry at or after `position`, or `undefined` when the scan is exhausted. */
function nextMatch(order: ScanOrder, position: ScanPosition, request: ScanRequest): ScanPosition | undefined {
  const { range, slices, filter } = request
  for (let at = position; ; at = order.next(at)) {
    const entry = order.at(at)
    if (entry === undefined || entry.slice > slices.last) return undefined
    if (range) {
      // Names with the sharding key as prefix are contiguous in name order; past them, nothing matches.
      if (!entry.name.startsWith(range.shardingKey)) return undefined
      if (shardingKeyOf(entry.name) !== range.shardingKey) continue
      const sortingKey = sortingKeyOf(entry.name)
      if (range.start !== undefined && compareUtf8(sortingKey, range.start) < 0) continue
      // Within one sharding key the order is ascending sorting key: nothing later is below the end.
      if (range.end !== undefined && compareUtf8(sortingKey, range.end) >= 0) return undefined
    }
    if (filter.root === undefined || evaluateCondition(filter, nodeAttributes(entry.node))) return at
  }
}

/** `X-v3io-function: GetItems`. */
export const getItems: Handler = (context) => {
  const request = readScanRequest(context)
  const order = scanOrder(request.directory)
  const groups = context.settings.scanGroupBoundaries
  const items: string[] = []
  let bytes = 0
  let last: ScanEntry | undefined
  let complete = false
  let position = startPosition(order, request)
  for (;;) {
    const found = nextMatch(order, position, request)
    if (found === undefined) {
      complete = true
      break
    }
    const entry = order.at(found) as ScanEntry
    if (last && (items.length >= request.limit || (groups && groupOf(entry.slice) !== groupOf(last.slice)))) {
      break
    }
    const json = attributesJson(selectAttributes(entry.node, request.selection))
    const size = Buffer.byteLength(json) + 1
    if (last && bytes + size > maxItemsBytes) break
    items.push(json)
    bytes += size
    last = entry
    position = order.next(found)
  }

  let body = `{"LastItemIncluded":"${complete ? 'TRUE' : 'FALSE'}","NumItems":${items.length}`
  if (!complete && last) {
    body += `,"NextMarker":"${encodeMarker(request.fingerprint, { slice: last.slice, name: last.name })}"`
  }
  body += `,"Items":[${items.join(',')}]`
  if (request.scatter) body += ',"Scattered":"FALSE"'
  return { status: 200, body: `${body}}`, contentType: 'application/json' }
}
