import { encodeBase64 } from '../../core/base64.js'
import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'
import { TypedAttribute } from './attribute-values.js'
import { formatDouble, formatInteger, isInt64 } from './number-text.js'
import { Timestamp } from './timestamp.js'

/**
 * Expression text built by {@link expr}: usable wherever a condition, filter or update expression is
 * accepted, and inserted verbatim (not as a string literal) when interpolated into another `expr`.
 * `new Expression(text)` marks trusted text the same way.
 */
export class Expression {
  constructor(
    /** The expression text. */
    readonly text: string,
  ) {}

  /** The expression text. */
  toString(): string {
    return this.text
  }
}

/** An attribute name to interpolate as an identifier, built by {@link attr}. */
export class AttributeName {
  constructor(
    /** The attribute's name, as stored. */
    readonly name: string,
  ) {}
}

/** A list of values to interpolate as `v1, v2, …` (e.g. inside `IN (…)`), built by {@link inList}. */
export class LiteralList {
  constructor(
    /** The values. */
    readonly values: readonly ExpressionValue[],
  ) {}
}

/** A value that can be interpolated into {@link expr}. */
export type ExpressionValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | Timestamp
  | Uint8Array
  | TypedAttribute
  | AttributeName
  | LiteralList
  | Expression

// Keywords, functions and the words Iguazio's storey library quotes (expressions.md, "Building expressions").
const quotedWords = new Set(
  (
    'and or not in set remove true false exists if_not_exists if_else starts ends contains length min max ' +
    'init_array blob delete sqrt avg stddev sum regexp_replace find find_all_indices extract_by_indices ' +
    'sort_array select str to_int regexp_instr as maxdbl inf nan isnan nanaszero'
  ).split(' '),
)
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Names an attribute inside {@link expr}: plain when it is an ordinary identifier, between backticks when it
 * is a keyword or function name (`` `exists` ``) or not an identifier. Names with a backtick, CR or LF
 * cannot be written in an expression and are rejected.
 */
export function attr(name: string): AttributeName {
  formatAttributeName(name, 'attr')
  return new AttributeName(name)
}

/** Interpolates several values separated by commas: `` expr`State IN (${inList(['AZ', 'MA'])})` ``. */
export function inList(values: readonly ExpressionValue[]): LiteralList {
  if (!Array.isArray(values) || values.length === 0)
    throw new ValidationError('inList', 'must be a non-empty array of values')
  return new LiteralList(values)
}

/**
 * Builds an expression from a template, rendering each interpolated value as a literal of the expression
 * language (expressions.md "Building expressions from client values"): strings quoted (those holding `'`
 * or `\` are rejected: the language has no escapes), integers as int64, non-integral numbers and
 * `double(…)` as doubles, booleans, `Date`/`Timestamp` as `<seconds>:<nanoseconds>`, bytes as
 * `blob('<base64>')`. `attr(name)` inserts an attribute name, an `Expression` its text.
 *
 * @example
 * const filter = expr`${attr('age')} > ${minAge} AND starts(name, ${prefix})`
 * await client.getItems({ container, path, filterExpression: filter })
 * @throws ValidationError naming the value (`expr[1]`) that has no safe literal form.
 */
export function expr(strings: TemplateStringsArray, ...values: readonly ExpressionValue[]): Expression {
  let text = strings[0] ?? ''
  values.forEach((value, index) => {
    text += formatExpressionValue(value, `expr[${index}]`) + (strings[index + 1] ?? '')
  })
  return new Expression(text)
}

/** Renders one value as expression text (a literal, a name, a list or verbatim expression text). */
export function formatExpressionValue(value: unknown, parameter = 'value'): string {
  if (value instanceof Expression) return value.text
  if (value instanceof AttributeName) return formatAttributeName(value.name, parameter)
  if (value instanceof LiteralList)
    return value.values.map((element, index) => formatLiteral(element, `${parameter}[${index}]`)).join(', ')
  return formatLiteral(value, parameter)
}

/** Renders a value as a literal of the expression language. */
export function formatLiteral(value: unknown, parameter = 'value'): string {
  switch (typeof value) {
    case 'string':
      return stringLiteral(value, parameter)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      if (!isInt64(value)) throw new ValidationError(parameter, `must lie in the int64 range, got ${value}`)
      return formatInteger(value)
    case 'number':
      if (!Number.isFinite(value)) throw new ValidationError(parameter, `must be finite, got ${value}`)
      if (!Number.isInteger(value)) return formatDouble(value)
      if (!Number.isSafeInteger(value))
        throw new ValidationError(parameter, `${value} is beyond ±(2^53-1); pass a bigint or double(…)`)
      return formatInteger(value)
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(parameter, 'is an invalid Date')
    return timestampLiteral(Timestamp.fromDate(value), parameter)
  }
  if (value instanceof Timestamp) return timestampLiteral(value, parameter)
  if (value instanceof TypedAttribute) return typedLiteral(value, parameter)
  if (value instanceof BigInt64Array || value instanceof Float64Array || Array.isArray(value))
    throw new ValidationError(
      parameter,
      'arrays have no literal form; use init_array and element assignments, or write them with putItem',
    )
  if (value instanceof Uint8Array) return `blob('${encodeBase64(value)}')`
  throw new ValidationError(parameter, `has no literal form in expressions: ${String(value)}`)
}

/** An attribute name as expression text, between backticks when needed. */
export function formatAttributeName(name: unknown, parameter: string): string {
  if (typeof name !== 'string' || name === '')
    throw new ValidationError(parameter, 'an attribute name must be a non-empty string')
  if (/[`\r\n]/.test(name))
    throw new ValidationError(
      parameter,
      `an attribute name with a backtick, CR or LF cannot be written: ${name}`,
    )
  assertWellFormed(name, parameter)
  return identifier.test(name) && !quotedWords.has(name.toLowerCase()) ? name : `\`${name}\``
}

function stringLiteral(value: string, parameter: string): string {
  if (value.includes("'") || value.includes('\\'))
    throw new ValidationError(
      parameter,
      `expression strings cannot contain ' or \\ (the language has no escapes): ${JSON.stringify(value)}`,
    )
  assertWellFormed(value, parameter)
  return `'${value}'`
}

function timestampLiteral(value: Timestamp, parameter: string): string {
  if (value.seconds < 0)
    throw new ValidationError(parameter, 'timestamps before 1970 have no literal form in expressions')
  return value.toString()
}

function typedLiteral(attribute: TypedAttribute, parameter: string): string {
  const { type, value } = attribute
  if (type === 'intArray' || type === 'doubleArray') return formatLiteral([], parameter)
  const matches: Record<string, boolean> = {
    string: typeof value === 'string',
    bool: typeof value === 'boolean',
    int: typeof value === 'bigint' || Number.isSafeInteger(value),
    double: typeof value === 'number' && Number.isFinite(value),
    blob: value instanceof Uint8Array,
    timestamp: value instanceof Timestamp,
  }
  if (!matches[type]) throw new ValidationError(parameter, `is not a valid ${type} value: ${String(value)}`)
  return type === 'double' ? formatDouble(value as number) : formatLiteral(value, parameter)
}
