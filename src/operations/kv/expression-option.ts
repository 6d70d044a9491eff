import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'
import { Expression } from './expression-builder.js'

/** A condition, filter or update expression: text, or an {@link Expression} built with `expr`. */
export type ExpressionInput = string | Expression

/**
 * The text of an optional expression option; `undefined` when absent. The server checks the syntax; the
 * client only makes sure the text can travel (a string of well-formed Unicode).
 */
export function expressionText(value: unknown, parameter: string): string | undefined {
  if (value === undefined) return undefined
  const text = value instanceof Expression ? value.text : value
  if (typeof text !== 'string')
    throw new ValidationError(parameter, 'must be a string or an Expression built with expr`…`')
  assertWellFormed(text, parameter)
  return text
}
