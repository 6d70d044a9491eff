/**
 * The answers an expression can cause (expressions.md "Errors", ED-18, ED-39). They are `ApiError`s,
 * so a KV handler that lets them propagate answers exactly what the contract says.
 */

import { ApiError, invalidArgumentCode } from '../api-error.js'

/** The request member an expression came from; it is named in error messages. */
export type ExpressionMember =
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'UpdateExpression'
  | 'AlternateUpdateExpression'

/** 400 `InvalidArgumentException: syntax error in <Member> at offset <n>: <detail>`. */
export class ExpressionSyntaxError extends ApiError {
  constructor(
    /** Request member of the expression. */
    readonly member: ExpressionMember,
    /** 0-based offset in code points of the offending token, or the text length for an unexpected end. */
    readonly offset: number,
    /** What is wrong, e.g. `unexpected ')'`. */
    readonly detail: string,
  ) {
    super(
      400,
      invalidArgumentCode,
      `InvalidArgumentException: syntax error in ${member} at offset ${offset}: ${detail}`,
    )
  }
}

/** 400 `InvalidArgumentException: evaluation error in <Member>: <detail>` (ED-10, ED-39). */
export class ExpressionEvaluationError extends ApiError {
  constructor(
    /** Request member of the expression. */
    readonly member: ExpressionMember,
    /** What went wrong, e.g. `division by zero`. */
    readonly detail: string,
  ) {
    super(400, invalidArgumentCode, `InvalidArgumentException: evaluation error in ${member}: ${detail}`)
  }
}

/** 400 `InvalidArgumentException: <detail>` for a limit (8 KB, 700 operators, IN list size) or a backslash. */
export class ExpressionLimitError extends ApiError {
  constructor(
    /** Request member of the expression. */
    readonly member: ExpressionMember,
    /** What limit was exceeded; the message names the member. */
    readonly detail: string,
  ) {
    super(400, invalidArgumentCode, `InvalidArgumentException: ${detail}`)
  }
}

/**
 * An evaluation error raised where the member is not known (deep inside an operator); the evaluator's
 * entry points turn it into {@link ExpressionEvaluationError}.
 */
export class EvaluationFailure extends Error {
  constructor(readonly detail: string) {
    super(detail)
  }
}
