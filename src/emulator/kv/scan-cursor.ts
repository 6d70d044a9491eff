/**
 * Walks a GetItems scan to its matching entries without holding the event loop: after a slice of
 * synchronous work it yields, so that other clients' requests are served while a costly filter runs
 * (docs/emulator-safety.md, "Fair scans"). Writes may change the directory during a yield; the cursor
 * then re-seeks strictly after the last entry it examined, so an item present for the whole scan is
 * still visited exactly once (kv.md "Paging rules", rule 5).
 */

import { setImmediate as nextTurn } from 'node:timers/promises'
import { CostMeter, evaluateCondition } from '../expressions/index.js'
import { compareUtf8 } from '../storage/utf8-order.js'
import { nodeAttributes } from './item-view.js'
import {
  comparePositions,
  type ScanEntry,
  type ScanOrder,
  type ScanPosition,
  scanOrder,
  shardingKeyOf,
  sortingKeyOf,
} from './scan-order.js'
import type { ScanRequest } from './scan-request.js'

/** Milliseconds of synchronous work between two yields to the event loop. */
export const WORK_SLICE_MS = 8

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

/**
 * What an entry is to the scan: a match, skipped, or past the end of what the scan covers. Each item's
 * filter gets its own work budget, so that one evaluation holds the event loop for a bounded time.
 */
function classify(entry: ScanEntry, request: ScanRequest, workLimit: number): 'match' | 'skip' | 'end' {
  const { range, slices, filter } = request
  if (entry.slice > slices.last) return 'end'
  if (range) {
    // Names with the sharding key as prefix are contiguous in name order; past them, nothing matches.
    if (!entry.name.startsWith(range.shardingKey)) return 'end'
    if (shardingKeyOf(entry.name) !== range.shardingKey) return 'skip'
    const sortingKey = sortingKeyOf(entry.name)
    if (range.start !== undefined && compareUtf8(sortingKey, range.start) < 0) return 'skip'
    // Within one sharding key the order is ascending sorting key: nothing later is below the end.
    if (range.end !== undefined && compareUtf8(sortingKey, range.end) >= 0) return 'end'
  }
  if (filter.root === undefined) return 'match'
  return evaluateCondition(filter, nodeAttributes(entry.node), new CostMeter(workLimit)) ? 'match' : 'skip'
}

/** A scan in progress: hands out matching entries in scan order, yielding between work slices. */
export class ScanCursor {
  #order: ScanOrder
  #position: ScanPosition
  #examined: ScanEntry | undefined
  #sliceStarted = performance.now()
  /** Milliseconds of synchronous work done so far (time spent yielding excluded). */
  #work = 0

  constructor(
    private readonly request: ScanRequest,
    /** Work units of one item's filter evaluation (`expressionWorkLimit`). */
    private readonly workLimit: number,
  ) {
    this.#order = scanOrder(request.directory)
    this.#position = startPosition(this.#order, request)
  }

  /** Milliseconds of work done so far, including the current slice. */
  get work(): number {
    return this.#work + (performance.now() - this.#sliceStarted)
  }

  /** The next matching entry, or `undefined` when the scan is exhausted. */
  async next(): Promise<ScanEntry | undefined> {
    for (;;) {
      if (performance.now() - this.#sliceStarted >= WORK_SLICE_MS) await this.#yield()
      const entry = this.#order.at(this.#position)
      if (entry === undefined) return undefined
      const verdict = classify(entry, this.request, this.workLimit)
      if (verdict === 'end') return undefined
      this.#examined = entry
      this.#position = this.#order.next(this.#position)
      if (verdict === 'match') return entry
    }
  }

  async #yield(): Promise<void> {
    this.#work += performance.now() - this.#sliceStarted
    await nextTurn()
    this.#sliceStarted = performance.now()
    // Positions are indexes into the order's blocks: after writes they may point elsewhere.
    this.#order = scanOrder(this.request.directory)
    const examined = this.#examined
    this.#position = examined
      ? this.#order.seek(examined.slice, examined.name, true)
      : startPosition(this.#order, this.request)
  }
}
