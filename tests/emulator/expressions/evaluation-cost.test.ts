/**
 * The evaluator's work budget (docs/decisions-emulator.md, DE-1): what a step is charged, that the
 * costliest expressions the documented limits allow stop at the budget, and that ordinary heavy
 * expressions stay well within it. Timings are measured by scripts/expression-work.ts, not here.
 */

import { describe, expect, it } from 'vitest'
import { NODE_UNITS } from '../../../src/emulator/expressions/evaluation-cost.js'
import {
  CostMeter,
  DEFAULT_EXPRESSION_WORK_LIMIT,
  ExpressionLimitError,
  evaluateCondition,
  evaluateUpdate,
  type ItemAttributes,
  parseCondition,
  parseUpdate,
} from '../../../src/emulator/expressions/index.js'
import { encodeIntArrayBlob, MAX_ARRAY_ELEMENTS } from '../../../src/emulator/kv/array-blobs.js'
import type { AttributeValue } from '../../../src/emulator/kv/values.js'

const attributes = new Map<string, AttributeValue>([
  ['s', { type: 'string', value: `${'a'.repeat(61_199)}b` }],
  ['t', { type: 'string', value: `${'a'.repeat(61_199)}c` }],
  ['h', { type: 'string', value: 'a'.repeat(30_000) }],
  ['short', { type: 'string', value: 'x'.repeat(1000) }],
  ['b', { type: 'blob', value: new Uint8Array(1_000_000) }],
  ['ia', { type: 'blob', value: encodeIntArrayBlob(new BigInt64Array(65_535).fill(3n)) }],
  ['ib', { type: 'blob', value: encodeIntArrayBlob(new BigInt64Array(65_535).fill(4n)) }],
])
const item: ItemAttributes = { get: (name) => attributes.get(name) }

const repeat = (count: number, make: (k: number) => string, separator: string) =>
  Array.from({ length: count }, (_, k) => make(k)).join(separator)
const list = (name: string, count: number) => repeat(count, () => name, ',')

/** Units a filter spends on `item` with an unlimited meter. */
function filterUnits(text: string): number {
  const meter = new CostMeter(Number.MAX_SAFE_INTEGER)
  evaluateCondition(parseCondition(text, 'FilterExpression'), item, meter)
  return meter.spent
}

/** The error a filter raises with a budget, and what the meter had spent when it stopped. */
function filterOverBudget(text: string, limit = DEFAULT_EXPRESSION_WORK_LIMIT) {
  const meter = new CostMeter(limit)
  let error: unknown
  try {
    evaluateCondition(parseCondition(text, 'FilterExpression'), item, meter)
  } catch (caught) {
    error = caught
  }
  return { error, spent: meter.spent }
}

// Each is within the documented limits (8 KB, 700 operators, IN lists of 1024) and, before the budget,
// held the event loop from hundreds of milliseconds to seconds per item.
const worstFilters: Record<string, string> = {
  'a 1 MB blob compared 3072 times': repeat(3, () => `b IN (${list('b', 1024)})`, ' OR '),
  '60 KB strings compared 3072 times': repeat(3, () => `s IN (${list('t', 1024)})`, ' OR '),
  'minimum of 170 fresh 131070-element arrays': repeat(
    170,
    () => `min(init_array(131070,'int')) == 1`,
    ' OR ',
  ),
  '100 element-wise sums of the largest arrays': repeat(
    100,
    () => `length(psum(init_array(131070,'int'), init_array(131070,'int'))) == 1`,
    ' OR ',
  ),
  '170 concatenations of 30 KB strings': repeat(170, () => 'length(h + h) == 1', ' OR '),
}

describe('evaluation work: what a step costs', () => {
  it('charges every node, and code units for string work', () => {
    // contains(short, 'x'): the call, its two arguments; the search reads both strings.
    expect(filterUnits("contains(short, 'x')")).toBe(3 * NODE_UNITS + 1000 + 1)
    // A comparison reads the strings up to the shorter one; a scalar comparison costs only its nodes.
    expect(filterUnits("short == 'xy'")).toBe(3 * NODE_UNITS + 2)
    expect(filterUnits('1 == 2')).toBe(3 * NODE_UNITS)
    // AND short-circuits: the unevaluated operand costs nothing.
    expect(filterUnits("1 == 2 AND contains(short, 'x')")).toBe(4 * NODE_UNITS)
  })

  it('charges arrays per element, and an attribute decoded from its blob once', () => {
    const one = filterUnits('length(ia) == 0')
    const twice = filterUnits('length(ia) == 0 OR length(ia) == 0')
    expect(one).toBeGreaterThanOrEqual(65_535 * 6)
    expect(twice - one).toBe(5 * NODE_UNITS)
    expect(filterUnits("length(init_array(1000, 'int')) == 0")).toBe(5 * NODE_UNITS + 1000 * 6)
  })
})

describe('evaluation work: the budget', () => {
  for (const [name, text] of Object.entries(worstFilters)) {
    it(`stops the costliest filters at the limit: ${name}`, () => {
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(8192)
      // Far beyond the budget, not just over it: five budgets are not enough either.
      expect(filterOverBudget(text, 5 * DEFAULT_EXPRESSION_WORK_LIMIT).error).toBeInstanceOf(
        ExpressionLimitError,
      )
      const { error, spent } = filterOverBudget(text)
      expect(error).toBeInstanceOf(ExpressionLimitError)
      expect((error as ExpressionLimitError).errorMessage).toBe(
        `InvalidArgumentException: FilterExpression exceeds the emulator's evaluation work limit of ${DEFAULT_EXPRESSION_WORK_LIMIT} units per item`,
      )
      // Charges happen before the work: the overshoot is at most one step (one largest array).
      expect(spent).toBeGreaterThan(DEFAULT_EXPRESSION_WORK_LIMIT)
      expect(spent).toBeLessThanOrEqual(DEFAULT_EXPRESSION_WORK_LIMIT + 6 * MAX_ARRAY_ELEMENTS)
    })
  }

  it('leaves ordinary heavy filters well within it', () => {
    // The costly filter of the scan-fairness test: 20 searches of a 60 KB string.
    const searches = repeat(20, (k) => `contains(s, 'aba${k}')`, ' OR ')
    expect(filterUnits(searches)).toBeLessThan(DEFAULT_EXPRESSION_WORK_LIMIT / 3)
    // Element-wise arithmetic on two stored 65,535-element arrays.
    expect(filterUnits('max(psum(ia, ib)) == 7')).toBeLessThan(DEFAULT_EXPRESSION_WORK_LIMIT * 0.75)
  })

  it('bounds update expressions too, and shares one meter between a condition and its update', () => {
    const cheap = parseUpdate("x = init_array(65535, 'double'); y = psum(ia, ib)", 'UpdateExpression')
    const changes = evaluateUpdate(cheap, item)
    expect(changes.map((change) => change.name)).toEqual(['x', 'y'])

    const costly = parseUpdate(
      repeat(300, () => 'x = h + h', '; '),
      'UpdateExpression',
    )
    expect(() => evaluateUpdate(costly, item)).toThrow(
      "InvalidArgumentException: UpdateExpression exceeds the emulator's evaluation work limit",
    )

    const meter = new CostMeter(280_000)
    expect(evaluateCondition(parseCondition("contains(s, 'zz')", 'ConditionExpression'), item, meter)).toBe(
      false,
    )
    // The condition spent ~61,000 units; the update needs ~240,000 (concatenation, measuring, copy).
    expect(() => evaluateUpdate(parseUpdate('x = h + h', 'UpdateExpression'), item, meter)).toThrow(
      'UpdateExpression exceeds',
    )
    expect(() =>
      evaluateUpdate(parseUpdate('x = h + h', 'UpdateExpression'), item, new CostMeter(280_000)),
    ).not.toThrow()
  })
})
