/**
 * The expression language of the NoSQL functions (expressions.md): conditions and filters, update
 * expressions, and their errors.
 *
 * Typical use by a KV handler:
 *
 * ```ts
 * const condition = parseCondition(body.ConditionExpression ?? '', 'ConditionExpression')
 * const update = parseUpdate(body.UpdateExpression ?? '', 'UpdateExpression')
 * if (evaluateCondition(condition, item)) {
 *   const changes = evaluateUpdate(update, item) // nothing is written if this throws
 *   // apply `changes` to the stored item, then check the item size (400 -27)
 * }
 * ```
 *
 * Every error is an `ApiError` carrying the contract's answer: {@link ExpressionSyntaxError},
 * {@link ExpressionLimitError} and {@link ExpressionEvaluationError} (400, -201326592), 403
 * `Operation not permitted` for writes to system attributes, and 400 -27 `Item size limit exceeded`
 * when the attributes an update writes alone exceed 1.5 MiB.
 *
 * @module
 */

import {
  EvaluationFailure,
  ExpressionEvaluationError,
  ExpressionLimitError,
  type ExpressionMember,
} from './errors.js'
import { CostMeter, WorkLimitExceeded } from './evaluation-cost.js'
import { evaluate, isTrue } from './evaluator.js'
import type { ParsedCondition, ParsedUpdate } from './parse.js'
import { runStatements } from './update-evaluator.js'
import { type AttributeChange, type ItemAttributes, ItemScope, WorkingCopy } from './working-copy.js'

export {
  ExpressionEvaluationError,
  ExpressionLimitError,
  type ExpressionMember,
  ExpressionSyntaxError,
} from './errors.js'
export { CostMeter, DEFAULT_EXPRESSION_WORK_LIMIT } from './evaluation-cost.js'
export {
  type ConditionMember,
  type ParsedCondition,
  type ParsedUpdate,
  parseCondition,
  parseUpdate,
  type UpdateMember,
} from './parse.js'
export type { AttributeChange, ItemAttributes } from './working-copy.js'

function withMember<T>(member: ExpressionMember, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof EvaluationFailure) throw new ExpressionEvaluationError(member, error.detail)
    if (error instanceof WorkLimitExceeded) throw workLimitError(member, error.limit)
    throw error
  }
}

/** 400 for an evaluation that spent its work budget (docs/decisions-emulator.md, DE-1). */
function workLimitError(member: ExpressionMember, limit: number): ExpressionLimitError {
  return new ExpressionLimitError(
    member,
    `${member} exceeds the emulator's evaluation work limit of ${limit} units per item`,
  )
}

/**
 * Evaluates a parsed condition or filter against an item (`item.get` returns `undefined` for every
 * name when the item does not exist). True only when the expression yields the boolean `true`; an
 * empty condition is true.
 *
 * The work is charged to `meter` (evaluation-cost.ts); pass one meter to every evaluation on behalf of
 * one item in one request.
 *
 * @throws {ExpressionEvaluationError} on division by zero, int64 overflow, a bad shift count, …
 * @throws {ExpressionLimitError} when the meter's budget is spent
 */
export function evaluateCondition(
  condition: ParsedCondition,
  item: ItemAttributes,
  meter = new CostMeter(),
): boolean {
  const { root } = condition
  if (root === undefined) return true
  const scope = new ItemScope(item, meter)
  return withMember(condition.member, () => isTrue(evaluate(root, scope)))
}

/**
 * Runs a parsed update expression against an item, statement by statement, each seeing the previous
 * ones' effects, and returns the attribute changes to apply — all of them, atomically. Removals are
 * listed only for attributes the item has. The item itself is never modified. The work of all the
 * statements is charged to `meter`.
 *
 * @throws {ExpressionEvaluationError} on any evaluation error (nothing must then be written)
 * @throws {ExpressionLimitError} when the meter's budget is spent (nothing must then be written)
 * @throws {ApiError} 403 `Operation not permitted` when a statement writes or removes a system attribute
 * @throws {ApiError} 400 -27 `Item size limit exceeded` when the written attributes alone exceed 1.5 MiB
 */
export function evaluateUpdate(
  update: ParsedUpdate,
  item: ItemAttributes,
  meter = new CostMeter(),
): AttributeChange[] {
  return withMember(update.member, () => {
    const copy = new WorkingCopy(item, meter)
    runStatements(update.statements, copy)
    return copy.changes()
  })
}
