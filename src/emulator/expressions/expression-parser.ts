/**
 * Parses one `or_expr` (expressions.md "Grammar", precedence of ED-9) with an operator-precedence
 * algorithm over explicit stacks instead of recursive descent: an 8 KB text can nest thousands of
 * parentheses, which would overflow the JavaScript call stack in a recursive parser.
 */

import type { ComparisonOperator, Expression } from './ast.js'
import { closeCall, type OpenCall, startCall } from './functions-syntax.js'
import { inListTooLong, MAX_IN_LIST_ELEMENTS } from './limits.js'
import { integerLiteral, literal } from './literals.js'
import type { TokenCursor } from './token-cursor.js'
import { isKeyword, isPunctuator, type Token } from './tokens.js'

/** Binding levels, tighter first (the table of expressions.md "Precedence"). */
const unaryLevel = 2
const comparisonLevel = 9
const notLevel = 10
const binaryLevels: Readonly<Record<string, number>> = {
  '*': 3,
  '/': 3,
  '+': 4,
  '-': 4,
  '<<': 5,
  '>>': 5,
  '&': 6,
  '^': 7,
  '|': 8,
  '==': comparisonLevel,
  '!=': comparisonLevel,
  '<': comparisonLevel,
  '<=': comparisonLevel,
  '>': comparisonLevel,
  '>=': comparisonLevel,
  AND: 11,
  OR: 12,
}

interface PendingOperator {
  readonly operator: string
  readonly level: number
  readonly prefix: boolean
}

type FrameContext =
  | { readonly kind: 'base' }
  | { readonly kind: 'group' }
  | { readonly kind: 'call'; readonly call: OpenCall }
  | { kind: 'index'; readonly name: string; from: Expression | undefined }
  | { readonly kind: 'inList'; readonly operand: Expression; readonly items: Expression[] }

/** One nesting level: its own operator and operand stacks. */
interface Frame {
  readonly context: FrameContext
  operators: PendingOperator[]
  operands: Expression[]
  /** Set after `x IN (…)`: a completed comparison, which only AND/OR or a closer may follow. */
  afterIn: boolean
}

function frame(context: FrameContext): Frame {
  return { context, operators: [], operands: [], afterIn: false }
}

/** The binding level of `token` as a binary operator, or `undefined`. */
function binaryLevel(token: Token): number | undefined {
  if (token.kind === 'punctuator') return binaryLevels[token.punctuator]
  if (token.kind === 'keyword' && (token.keyword === 'AND' || token.keyword === 'OR'))
    return binaryLevels[token.keyword]
  return undefined
}

function applyOperator(pending: PendingOperator, operands: Expression[]): void {
  const right = operands.pop() as Expression
  if (pending.prefix) {
    if (pending.operator === 'NOT') operands.push({ kind: 'not', operand: right })
    else operands.push({ kind: 'unary', operator: pending.operator as '-' | '~', operand: right })
    return
  }
  const left = operands.pop() as Expression
  const op = pending.operator
  if (op === 'AND' || op === 'OR') {
    const kind = op === 'AND' ? 'and' : 'or'
    // Chains stay flat so that long AND/OR lists do not make deep trees.
    const chain = left.kind === kind ? [...left.operands, right] : [left, right]
    operands.push({ kind, operands: chain })
  } else if (pending.level === comparisonLevel) {
    operands.push({ kind: 'comparison', operator: op as ComparisonOperator, left, right })
  } else {
    operands.push({ kind: 'binary', operator: op as '+', left, right })
  }
}

/** Applies pending operators of `current` whose level is at most `maxLevel`. */
function reduce(current: Frame, maxLevel: number): void {
  for (
    let top = current.operators.at(-1);
    top !== undefined && top.level <= maxLevel;
    top = current.operators.at(-1)
  ) {
    current.operators.pop()
    applyOperator(top, current.operands)
  }
}

/** Completes the expression of a frame and empties the frame for the next one. */
function finish(current: Frame): Expression {
  reduce(current, Number.POSITIVE_INFINITY)
  const result = current.operands[0] as Expression
  current.operators = []
  current.operands = []
  current.afterIn = false
  return result
}

/**
 * Parses an `or_expr` starting at the cursor and stops, without consuming it, at the first token outside
 * any nesting for which `isTerminator` is true. Any other token where an operator or closer is expected
 * is a syntax error.
 */
export function parseExpression(cursor: TokenCursor, isTerminator: (token: Token) => boolean): Expression {
  const frames: Frame[] = [frame({ kind: 'base' })]
  let expectOperand = true
  for (;;) {
    const current = frames[frames.length - 1] as Frame
    const token = cursor.peek()
    if (expectOperand) {
      expectOperand = readOperand(cursor, token, current, frames)
      continue
    }
    const level = binaryLevel(token)
    if (level !== undefined) {
      if (current.afterIn && level < notLevel) cursor.unexpected(token)
      if (level === comparisonLevel) {
        reduce(current, comparisonLevel - 1)
        if (current.operators.at(-1)?.level === comparisonLevel) cursor.unexpected(token)
      } else {
        reduce(current, level)
      }
      current.operators.push({
        operator: token.kind === 'keyword' ? token.keyword : token.text,
        level,
        prefix: false,
      })
      current.afterIn = false
      cursor.next()
      expectOperand = true
      continue
    }
    if (isKeyword(token, 'IN')) {
      if (current.afterIn) cursor.unexpected(token)
      reduce(current, comparisonLevel - 1)
      if (current.operators.at(-1)?.level === comparisonLevel) cursor.unexpected(token)
      cursor.next()
      const open = cursor.next()
      if (!isPunctuator(open, '(')) cursor.unexpected(open)
      frames.push(frame({ kind: 'inList', operand: current.operands.pop() as Expression, items: [] }))
      expectOperand = true
      continue
    }
    const context = current.context
    const closing = isPunctuator(token, ')')
    if ((closing || isPunctuator(token, ',')) && (context.kind === 'call' || context.kind === 'inList')) {
      const value = finish(current)
      if (context.kind === 'call') context.call.args.push(value)
      else if (context.items.push(value) > MAX_IN_LIST_ELEMENTS) throw inListTooLong(cursor.member)
      cursor.next()
      if (!closing) {
        if (context.kind === 'call') context.call.argTokens.push(cursor.peek())
        expectOperand = true
        continue
      }
      frames.pop()
      const parent = frames[frames.length - 1] as Frame
      if (context.kind === 'call') {
        parent.operands.push(closeCall(cursor, context.call))
      } else {
        parent.operands.push({ kind: 'in', operand: context.operand, list: context.items })
        parent.afterIn = true
      }
      continue
    }
    if (closing && context.kind === 'group') {
      const value = finish(current)
      cursor.next()
      frames.pop()
      ;(frames[frames.length - 1] as Frame).operands.push(value)
      continue
    }
    if (context.kind === 'index' && context.from === undefined && isPunctuator(token, '..')) {
      context.from = finish(current)
      cursor.next()
      expectOperand = true
      continue
    }
    if (context.kind === 'index' && isPunctuator(token, ']')) {
      const value = finish(current)
      cursor.next()
      frames.pop()
      const node: Expression =
        context.from === undefined
          ? { kind: 'element', name: context.name, index: value }
          : { kind: 'slice', name: context.name, from: context.from, to: value }
      ;(frames[frames.length - 1] as Frame).operands.push(node)
      continue
    }
    if (frames.length === 1 && isTerminator(token)) return finish(current)
    cursor.unexpected(token)
  }
}

/**
 * Handles one token where an operand is expected. Returns whether an operand is still expected (after a
 * prefix operator or an opening bracket) or not (after a complete operand).
 */
function readOperand(cursor: TokenCursor, token: Token, current: Frame, frames: Frame[]): boolean {
  if (isKeyword(token, 'NOT')) {
    // NOT heads a not_expr, which may only stand where an and_expr operand may: at the start or after
    // AND, OR or NOT — never as the operand of a comparison or arithmetic (`a == NOT b`).
    const top = current.operators.at(-1)
    if (top !== undefined && top.level < notLevel) cursor.unexpected(token)
    cursor.next()
    current.operators.push({ operator: 'NOT', level: notLevel, prefix: true })
    return true
  }
  if (isPunctuator(token, '-') || isPunctuator(token, '~')) {
    cursor.next()
    const following = cursor.peek()
    // A minus directly before a number is folded into it, which is what makes -9223372036854775808 valid.
    if (token.text === '-' && following.kind === 'integer') {
      cursor.next()
      current.operands.push(integerLiteral(cursor, following, true))
      return false
    }
    if (token.text === '-' && following.kind === 'decimal') {
      cursor.next()
      current.operands.push({ kind: 'literal', value: { type: 'double', value: -following.value } })
      return false
    }
    current.operators.push({ operator: token.text, level: unaryLevel, prefix: true })
    return true
  }
  if (isPunctuator(token, '(')) {
    cursor.next()
    frames.push(frame({ kind: 'group' }))
    return true
  }
  const value = literal(cursor, token)
  if (value !== undefined) {
    cursor.next()
    current.operands.push(value)
    return false
  }
  if (token.kind !== 'name') return cursor.unexpected(token)
  const following = cursor.peek(1)
  if (!token.quoted && isPunctuator(following, '(')) {
    const started = startCall(cursor, token)
    if ('node' in started) {
      current.operands.push(started.node)
      return false
    }
    frames.push(frame({ kind: 'call', call: started.open }))
    // A call without arguments still needs its arity checked, which closing the frame does.
    if (isPunctuator(cursor.peek(), ')')) {
      cursor.next()
      frames.pop()
      current.operands.push(closeCall(cursor, started.open))
      return false
    }
    return true
  }
  cursor.next()
  if (isPunctuator(following, '[')) {
    cursor.next()
    frames.push(frame({ kind: 'index', name: token.name, from: undefined }))
    return true
  }
  current.operands.push({ kind: 'attribute', name: token.name })
  return false
}
