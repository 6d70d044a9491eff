/**
 * Parse-time rules of function calls (expressions.md "Functions" and the grammar's "Consequences"):
 * which names are functions, their arity and argument forms. A name followed by `(` that is not listed
 * is a syntax error ("unknown function", ED-39).
 */

import { decodeStandardBase64 } from '../kv/base64.js'
import type { Expression, PlainFunction } from './ast.js'
import type { TokenCursor } from './token-cursor.js'
import { isPunctuator, type NameToken, type Token } from './tokens.js'

/** Functions whose arguments are parsed as ordinary expressions inside a call frame. */
export type FramedFunction = PlainFunction | 'if_else' | 'init_array' | 'if_not_exists'

const arities: Readonly<Record<FramedFunction, readonly number[]>> = {
  starts: [2],
  ends: [2],
  contains: [2],
  length: [1],
  min: [1, 2],
  max: [1, 2],
  // Element-wise array functions of newer platforms (ED-39R).
  pmin: [2],
  pmax: [2],
  psum: [2],
  if_else: [3],
  init_array: [2, 3],
  // The attribute name is parsed before the frame opens; only the fallback is counted here.
  if_not_exists: [1],
}

/** An open call whose arguments are being parsed. */
export interface OpenCall {
  readonly name: FramedFunction
  readonly nameToken: NameToken
  /** For `if_not_exists`: the attribute name, already parsed. */
  readonly attribute: string | undefined
  readonly args: Expression[]
  /** Offset of each argument's first token, for errors about one argument. */
  readonly argTokens: Token[]
}

/** What a call start produced: a finished node (`blob`, `exists`) or a frame to parse arguments into. */
export type CallStart = { readonly node: Expression } | { readonly open: OpenCall }

/**
 * Parses the start of a call; the cursor is on the function name, which is followed by `(`. Consumes
 * `blob(…)` and `exists(…)` entirely, otherwise the name, `(` and for `if_not_exists` the name argument
 * and its comma.
 */
export function startCall(cursor: TokenCursor, nameToken: NameToken): CallStart {
  const name = nameToken.name.toLowerCase()
  cursor.next()
  cursor.next()
  switch (name) {
    case 'blob': {
      const literal = cursor.next()
      if (literal.kind !== 'string') return cursor.fail(literal, 'blob() takes one string literal')
      const bytes = decodeStandardBase64(literal.value)
      if (bytes === undefined) cursor.fail(literal, 'invalid base64 in blob literal')
      expectClose(cursor, 'blob() takes one string literal')
      return { node: { kind: 'literal', value: { type: 'blob', value: bytes as Uint8Array } } }
    }
    case 'exists': {
      const attribute = expectName(cursor, 'exists() takes one attribute name')
      expectClose(cursor, 'exists() takes one attribute name')
      return { node: { kind: 'exists', name: attribute } }
    }
    case 'if_not_exists': {
      const attribute = expectName(cursor, 'if_not_exists() takes an attribute name first')
      const comma = cursor.next()
      if (!isPunctuator(comma, ',')) cursor.fail(comma, 'if_not_exists() takes an attribute name and a value')
      return { open: { name, nameToken, attribute, args: [], argTokens: [cursor.peek()] } }
    }
    case 'delete':
      return cursor.fail(nameToken, "'delete' is only allowed as a statement")
    default:
      if (!Object.hasOwn(arities, name)) return cursor.fail(nameToken, `unknown function '${nameToken.name}'`)
      return {
        open: {
          name: name as FramedFunction,
          nameToken,
          attribute: undefined,
          args: [],
          argTokens: [cursor.peek()],
        },
      }
  }
}

/** Builds the node of a call whose arguments are complete, checking arity and argument forms. */
export function closeCall(cursor: TokenCursor, call: OpenCall): Expression {
  const { name, args } = call
  const allowed = arities[name]
  if (!allowed.includes(args.length)) {
    const total = name === 'if_not_exists' ? '2 arguments' : allowed.map(String).join(' or ')
    const noun =
      name === 'if_not_exists' ? '' : allowed.length === 1 && allowed[0] === 1 ? ' argument' : ' arguments'
    cursor.fail(call.nameToken, `${name}() takes ${total}${noun}`)
  }
  const [first, second, third] = args as [Expression, Expression, Expression | undefined]
  switch (name) {
    case 'if_not_exists':
      return { kind: 'ifNotExists', name: call.attribute as string, fallback: first }
    case 'if_else':
      return { kind: 'ifElse', condition: first, whenTrue: second, whenFalse: third as Expression }
    case 'init_array':
      if (second.kind !== 'literal' || second.value.type !== 'string') {
        return cursor.fail(call.argTokens[1] as Token, 'init_array() type must be a string literal')
      }
      return { kind: 'initArray', size: first, elementType: second.value.value, fill: third }
    default:
      return { kind: 'call', name, args: [...args] }
  }
}

function expectName(cursor: TokenCursor, detail: string): string {
  const token = cursor.next()
  return token.kind === 'name' ? token.name : cursor.fail(token, detail)
}

function expectClose(cursor: TokenCursor, detail: string): void {
  const token = cursor.next()
  if (!isPunctuator(token, ')')) cursor.fail(token, detail)
}
