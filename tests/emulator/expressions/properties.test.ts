/**
 * Property tests: whatever the text and the item, parsing and evaluation either succeed or raise the
 * protocol's typed errors — never another exception, never a hang — and the parser honours the
 * precedence table.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/emulator/api-error.js'
import {
  ExpressionEvaluationError,
  ExpressionLimitError,
  ExpressionSyntaxError,
  evaluateCondition,
  evaluateUpdate,
  parseCondition,
  parseUpdate,
} from '../../../src/emulator/expressions/index.js'
import { type AttributeValue, decodeWireValue, encodeWireValue } from '../../../src/emulator/kv/values.js'
import { garbage, printFull, printMinimal, randomItem, tree, updateText } from './expression-arbitraries.js'
import { view } from './item-shorthand.js'

const isParseError = (error: unknown) =>
  error instanceof ExpressionSyntaxError || error instanceof ExpressionLimitError

function expectOnly(run: () => void, allowed: (error: unknown) => boolean): void {
  try {
    run()
  } catch (error) {
    if (!allowed(error)) throw error
    expect(error).toBeInstanceOf(ApiError)
  }
}

const stringify = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))

/** What a value reads back as: an integral double within ±2^53 prints as an int (ED-13R). */
function asPrinted(value: AttributeValue): AttributeValue {
  if (value.type === 'double' && Number.isInteger(value.value) && Math.abs(value.value) <= 2 ** 53)
    return { type: 'int', value: BigInt(value.value) }
  return value
}

describe('expression properties', () => {
  it('conditions: parse and evaluate only succeed or raise typed errors', () => {
    fc.assert(
      fc.property(fc.oneof(tree.map(printMinimal), garbage), randomItem, (text, attributes) => {
        expectOnly(() => {
          const parsed = parseCondition(text, 'FilterExpression')
          expectOnly(
            () => expect(typeof evaluateCondition(parsed, view(attributes))).toBe('boolean'),
            (error) => error instanceof ExpressionEvaluationError,
          )
        }, isParseError)
      }),
      { numRuns: 3000 },
    )
  })

  it('updates: only succeed with storable changes or raise typed errors', () => {
    fc.assert(
      fc.property(updateText, randomItem, (text, attributes) => {
        expectOnly(() => {
          const parsed = parseUpdate(text, 'UpdateExpression')
          expectOnly(
            () => {
              for (const change of evaluateUpdate(parsed, view(attributes))) {
                if (change.value === undefined) expect(attributes.has(change.name)).toBe(true)
                // Every value written must survive the wire: valid N, S within limits, and so on.
                else
                  expect(decodeWireValue(encodeWireValue(change.value), change.name)).toEqual(
                    asPrinted(change.value),
                  )
              }
            },
            (error) =>
              error instanceof ExpressionEvaluationError ||
              (error instanceof ApiError && (error.status === 403 || error.errorCode === -27)),
          )
        }, isParseError)
      }),
      { numRuns: 1500 },
    )
  })

  it('parses minimally parenthesised text exactly like fully parenthesised text', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const minimal = parseCondition(printMinimal(node), 'ConditionExpression').root
        const full = parseCondition(printFull(node), 'ConditionExpression').root
        expect(stringify(minimal)).toBe(stringify(full))
      }),
      { numRuns: 2000 },
    )
  })

  it('evaluates the same tree the same way twice (no hidden state)', () => {
    fc.assert(
      fc.property(tree.map(printMinimal), randomItem, (text, attributes) => {
        const outcome = () => {
          try {
            return evaluateCondition(parseCondition(text, 'FilterExpression'), view(attributes))
          } catch (error) {
            return (error as Error).message
          }
        }
        expect(outcome()).toBe(outcome())
      }),
      { numRuns: 500 },
    )
  })
})
