/** What the console can tell from an expression error's message. */
export interface ExpressionProblem {
  /** The request member named, e.g. `FilterExpression`, if the message names one. */
  readonly member: string | undefined
  /** The 0-based offset, in code points, of the offending token, if the message gives one. */
  readonly offset: number | undefined
  /** The message without the exception's name. */
  readonly detail: string
}

/**
 * Reads an expression error's message. The emulator's (and the platform's) syntax errors say
 * `syntax error in <Member> at offset <n>: <detail>`; other messages are shown as they are.
 */
export function expressionProblem(message: string): ExpressionProblem {
  const detail = message.replace(/^\w+Exception:\s*/, '')
  const member = /\b(FilterExpression|ConditionExpression|UpdateExpression|AlternateUpdateExpression)\b/.exec(
    detail,
  )?.[1]
  const offset = /\bat offset (\d+)/.exec(detail)?.[1]
  return { member, offset: offset === undefined ? undefined : Number(offset), detail }
}

/**
 * The expression with a caret line under the offending position (offsets count code points, as the
 * server does), e.g. `age >\n     ^`.
 */
export function caretLine(expression: string, offset: number): string {
  const characters = Array.from(expression)
  const before = characters.slice(0, Math.min(offset, characters.length))
  // Tabs stay tabs so that the caret lines up under them.
  const padding = before.map((character) => (character === '\t' ? '\t' : ' ')).join('')
  return `${expression}\n${padding}^`
}
