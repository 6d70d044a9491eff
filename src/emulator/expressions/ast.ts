/**
 * Syntax trees of conditions and update statements. Trees hold no offsets — every error found after
 * parsing is an evaluation error, which carries none. Trees are immutable and may be cached and shared.
 */

import type { Value } from './runtime-values.js'

/** `*` `/` `+` `-` on numbers (and `+` on strings, blobs and arrays). */
export type ArithmeticOperator = '*' | '/' | '+' | '-'
/** `&` `^` `|` `<<` `>>` on integers. */
export type BitwiseOperator = '&' | '^' | '|' | '<<' | '>>'
/** The six comparisons. */
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>='
/** Functions that take evaluated arguments and have no special evaluation rule. */
export type PlainFunction =
  | 'starts'
  | 'ends'
  | 'contains'
  | 'length'
  | 'min'
  | 'max'
  | 'pmin'
  | 'pmax'
  | 'psum'

/** A literal: string, int, double, bool, timestamp or `blob('…')`. */
export interface LiteralNode {
  readonly kind: 'literal'
  readonly value: Value
}
/** A reference to an attribute by name. */
export interface AttributeNode {
  readonly kind: 'attribute'
  readonly name: string
}
/** `name[index]`. */
export interface ElementNode {
  readonly kind: 'element'
  readonly name: string
  readonly index: Expression
}
/** `name[from..to]`, both ends inclusive. */
export interface SliceNode {
  readonly kind: 'slice'
  readonly name: string
  readonly from: Expression
  readonly to: Expression
}
/** Unary `-` or `~`. */
export interface UnaryNode {
  readonly kind: 'unary'
  readonly operator: '-' | '~'
  readonly operand: Expression
}
/** A binary arithmetic or bitwise operation. */
export interface BinaryNode {
  readonly kind: 'binary'
  readonly operator: ArithmeticOperator | BitwiseOperator
  readonly left: Expression
  readonly right: Expression
}
/** A comparison. */
export interface ComparisonNode {
  readonly kind: 'comparison'
  readonly operator: ComparisonOperator
  readonly left: Expression
  readonly right: Expression
}
/** `operand IN (list…)`. */
export interface InNode {
  readonly kind: 'in'
  readonly operand: Expression
  readonly list: readonly Expression[]
}
/** `NOT operand`. */
export interface NotNode {
  readonly kind: 'not'
  readonly operand: Expression
}
/** A chain of `AND`s or `OR`s, evaluated left to right with short-circuit. */
export interface LogicalNode {
  readonly kind: 'and' | 'or'
  readonly operands: readonly Expression[]
}
/** `exists(name)`. */
export interface ExistsNode {
  readonly kind: 'exists'
  readonly name: string
}
/** `if_not_exists(name, fallback)`; the fallback is evaluated only when the attribute is missing. */
export interface IfNotExistsNode {
  readonly kind: 'ifNotExists'
  readonly name: string
  readonly fallback: Expression
}
/** `if_else(condition, whenTrue, whenFalse)`; only the chosen branch is evaluated. */
export interface IfElseNode {
  readonly kind: 'ifElse'
  readonly condition: Expression
  readonly whenTrue: Expression
  readonly whenFalse: Expression
}
/** `init_array(size, 'type'[, fill])`; the type is a string literal, checked when evaluated. */
export interface InitArrayNode {
  readonly kind: 'initArray'
  readonly size: Expression
  readonly elementType: string
  readonly fill: Expression | undefined
}
/** A call of a {@link PlainFunction}; arity was checked by the parser. */
export interface CallNode {
  readonly kind: 'call'
  readonly name: PlainFunction
  readonly args: readonly Expression[]
}

/** Any expression. */
export type Expression =
  | LiteralNode
  | AttributeNode
  | ElementNode
  | SliceNode
  | UnaryNode
  | BinaryNode
  | ComparisonNode
  | InNode
  | NotNode
  | LogicalNode
  | ExistsNode
  | IfNotExistsNode
  | IfElseNode
  | InitArrayNode
  | CallNode

/** Where an update statement writes: a whole attribute, one element, or an inclusive slice. */
export type AssignmentTarget =
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'element'; readonly name: string; readonly index: Expression }
  | { readonly kind: 'slice'; readonly name: string; readonly from: Expression; readonly to: Expression }

/** `[SET] target = value`. */
export interface AssignStatement {
  readonly kind: 'assign'
  readonly target: AssignmentTarget
  readonly value: Expression
}
/** `REMOVE name` or `delete(name)`. */
export interface RemoveStatement {
  readonly kind: 'remove'
  readonly name: string
}

/** One update statement. */
export type Statement = AssignStatement | RemoveStatement
