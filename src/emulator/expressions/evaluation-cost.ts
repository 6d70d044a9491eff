/**
 * The work budget of one expression evaluation (docs/decisions-emulator.md, DE-1). The documented
 * limits (8 KB, 700 operators) bound an expression's size, not its work: `b IN (b, b, …)` over a 1 MiB
 * blob compares gigabytes, and an evaluation runs synchronously, so one such item held the event loop
 * for seconds. The evaluator charges a {@link CostMeter} before each step, in units of roughly equal
 * time — a UTF-16 code unit of string, 2 bytes of blob, a sixth of an array element, a tenth of a
 * node — and stops with a 400 once the budget is spent. One meter serves one item in one request: a
 * scan's filter gets a fresh one per item, an update shares one between its condition and statements.
 */

import { MAX_ARRAY_ELEMENTS } from '../kv/array-blobs.js'
import type { PlainFunction } from './ast.js'
import { isArray, type Value } from './runtime-values.js'

/** Work units one evaluation of one expression member may spend on one item, unless configured. */
export const DEFAULT_EXPRESSION_WORK_LIMIT = 4_000_000

// Weights calibrated on the costliest operations (docs/decisions-emulator.md, DE-1): 1–25 ns a unit.
/** Units per node visited: dispatch and allocation of a small result. */
export const NODE_UNITS = 10
/** Units per array element: elements are bigints or generic numbers, several times a code unit's time. */
const ARRAY_ELEMENT_UNITS = 6
/** Blob bytes per unit: a byte comparison takes about half a string code unit's. */
const BLOB_BYTES_PER_UNIT = 2

/** Thrown when a meter's budget is spent; the evaluator's entry points name the member. */
export class WorkLimitExceeded extends Error {
  constructor(
    /** The budget that was exceeded, in units. */
    readonly limit: number,
  ) {
    super(`work limit of ${limit} units exceeded`)
  }
}

/** Counts the work of one evaluation against its budget. */
export class CostMeter {
  #spent = 0

  constructor(
    /** Units this evaluation may spend. */
    readonly limit: number = DEFAULT_EXPRESSION_WORK_LIMIT,
  ) {}

  /** Units spent so far. */
  get spent(): number {
    return this.#spent
  }

  /** Adds `units`; throws {@link WorkLimitExceeded} once the total passes the limit. */
  charge(units: number): void {
    this.#spent += units
    if (this.#spent > this.limit) throw new WorkLimitExceeded(this.limit)
  }
}

/** Units of walking `value` once: its code units, bytes or elements; 0 for scalars. */
export function extent(value: Value | undefined): number {
  switch (value?.type) {
    case 'string':
      return value.value.length
    case 'blob':
      return Math.ceil(value.value.length / BLOB_BYTES_PER_UNIT)
    case 'intArray':
    case 'doubleArray':
      return arrayUnits(value.value.length)
    default:
      return 0
  }
}

/** Units of producing or touching `count` array elements. */
export function arrayUnits(count: number): number {
  return count * ARRAY_ELEMENT_UNITS
}

/** Units of `init_array(size, …)`; 0 for a size the function refuses anyway. */
export function initArrayUnits(size: Value | undefined): number {
  if (size?.type !== 'int' || size.value < 0n || size.value > BigInt(MAX_ARRAY_ELEMENTS)) return 0
  return arrayUnits(Number(size.value))
}

/**
 * Units of comparing `a` with `b`: strings are compared up to the shorter one, blobs byte by byte
 * only when their lengths are equal; every other pair is a scalar comparison or no comparison.
 */
export function comparisonUnits(a: Value | undefined, b: Value | undefined): number {
  if (a?.type === 'string' && b?.type === 'string') return Math.min(a.value.length, b.value.length)
  if (a?.type === 'blob' && b?.type === 'blob') return a.value.length === b.value.length ? extent(a) : 0
  return 0
}

/** Units of `a + b`: a concatenation copies both operands; arithmetic on scalars costs nothing more. */
export function concatenationUnits(a: Value | undefined, b: Value | undefined): number {
  const arrays = isArray(a) && isArray(b)
  return arrays || (a !== undefined && a.type === b?.type) ? extent(a) + extent(b) : 0
}

/** Units of a plain function call on its evaluated arguments. */
export function callUnits(name: PlainFunction, args: readonly (Value | undefined)[]): number {
  const [a, b] = args
  switch (name) {
    case 'starts':
    case 'ends':
      return comparisonUnits(a, b)
    case 'contains':
      return a?.type === 'string' && b?.type === 'string' ? a.value.length + b.value.length : 0
    case 'length':
      return a?.type === 'string' ? a.value.length : 0
    case 'min':
    case 'max':
      return args.length === 1 ? extent(a) : comparisonUnits(a, b)
    case 'pmin':
    case 'pmax':
    case 'psum':
      // Both operands are read and a result of the same length is written.
      return extent(a) + 2 * extent(b)
  }
}
