import { h, show } from '../element.js'
import { describeError, serverMessage } from '../errors.js'
import { caretLine, expressionProblem } from './expression-error.js'

/**
 * Shows a failed call's error next to the expression input it concerns: the server's message and, when
 * it gives an offset, the expression with a caret under that position. Clears `target` on `undefined`.
 */
export function showExpressionError(target: HTMLElement, expression: string, error: unknown): void {
  if (error === undefined) {
    show(target)
    return
  }
  const message = serverMessage(error)
  const problem = message === undefined ? undefined : expressionProblem(message)
  show(
    target,
    h('span', { class: 'error' }, problem?.detail ?? describeError(error)),
    problem?.offset !== undefined &&
      h('pre', { class: 'caret', 'aria-hidden': 'true' }, caretLine(expression, problem.offset)),
  )
}

/** Which of several expression inputs an error concerns, by the request member its message names. */
export function memberOf(error: unknown): string | undefined {
  const message = serverMessage(error)
  return message === undefined ? undefined : expressionProblem(message).member
}
