/**
 * fast-check generators for the property tests: random items, random well-formed expressions printed
 * with minimal or full parentheses, and token soup.
 */

import fc from 'fast-check'
import { encodeDoubleArrayBlob, encodeIntArrayBlob } from '../../../src/emulator/kv/array-blobs.js'
import { encodeStandardBase64 } from '../../../src/emulator/kv/base64.js'
import type { AttributeValue } from '../../../src/emulator/kv/values.js'

/** Attribute names the generators use, so that expressions and items meet. */
export const names = ['a', 'b', 'c', 's', 'ts', 'ia', 'da', 'bl', '__name', '__size', 'missing'] as const

const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
const smallInt = fc.bigInt({ min: -5n, max: 10n })
const anyInt = fc.oneof(smallInt, int64, fc.constantFrom(0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 63n, 64n))
const finiteDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, -0, 1e308, 2.5),
)
const text = fc.string({ maxLength: 6 })

/** A random stored value of any type, arrays included. */
export const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  anyInt.map((value) => ({ type: 'int', value }) as const),
  finiteDouble.map((value) => ({ type: 'double', value }) as const),
  text.map((value) => ({ type: 'string', value }) as const),
  fc.boolean().map((value) => ({ type: 'bool', value }) as const),
  fc.uint8Array({ maxLength: 20 }).map((value) => ({ type: 'blob', value }) as const),
  fc
    .tuple(int64, fc.integer({ min: 0, max: 999_999_999 }))
    .map(([secs, nsecs]) => ({ type: 'timestamp', secs, nsecs }) as const),
  fc
    .array(anyInt, { maxLength: 6 })
    .map((values) => ({ type: 'blob', value: encodeIntArrayBlob(BigInt64Array.from(values)) }) as const),
  fc
    .array(fc.oneof(finiteDouble, fc.constant(Number.NaN)), { maxLength: 6 })
    .map((values) => ({ type: 'blob', value: encodeDoubleArrayBlob(Float64Array.from(values)) }) as const),
)

/** A random item over {@link names}; any attribute may be missing. */
export const randomItem: fc.Arbitrary<Map<string, AttributeValue>> = fc
  .dictionary(fc.constantFrom(...names), attributeValue, { maxKeys: names.length })
  .map((record) => new Map(Object.entries(record)))

/** An expression tree for printing (not the parser's AST). */
export type Tree =
  | { kind: 'leaf'; text: string }
  | { kind: 'binary'; operator: string; level: number; left: Tree; right: Tree }
  | { kind: 'prefix'; operator: string; level: number; operand: Tree }
  | { kind: 'in'; operand: Tree; list: Tree[] }
  | { kind: 'call'; name: string; args: Tree[] }
  | { kind: 'element'; name: string; index: Tree; to: Tree | undefined }

const literal = fc.oneof(
  anyInt.map(String),
  fc.constantFrom('0.5', '2.5e-3', '1e21', '7.0', '1600000000:0', '0:5', 'TRUE', 'false'),
  fc.stringMatching(/^[a-z ]{0,4}$/).map((s) => `'${s}'`),
  fc.uint8Array({ maxLength: 4 }).map((bytes) => `blob('${encodeStandardBase64(bytes)}')`),
)
const leaf: fc.Arbitrary<Tree> = fc
  .oneof(
    literal,
    fc.constantFrom(...names).map((name) => (name === 'missing' ? '`missing`' : name)),
  )
  .map((t) => ({ kind: 'leaf', text: t }))

const binaryOperators: [string, number][] = [
  ['*', 3],
  ['/', 3],
  ['+', 4],
  ['-', 4],
  ['<<', 5],
  ['>>', 5],
  ['&', 6],
  ['^', 7],
  ['|', 8],
  ['==', 9],
  ['!=', 9],
  ['<', 9],
  ['<=', 9],
  ['>', 9],
  ['>=', 9],
  ['AND', 11],
  ['OR', 12],
]

const arrayName = fc.constantFrom('ia', 'da', 'a', 'missing')

/** Random well-formed expression trees of limited depth. */
export const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom(...binaryOperators), tie('node'), tie('node'))
      .map(([[operator, level], left, right]) => ({ kind: 'binary' as const, operator, level, left, right })),
    fc
      .tuple(fc.constantFrom<[string, number]>(['-', 2], ['~', 2], ['NOT', 10]), tie('node'))
      .map(([[operator, level], operand]) => ({ kind: 'prefix' as const, operator, level, operand })),
    fc
      .tuple(tie('node'), fc.array(tie('node'), { minLength: 1, maxLength: 3 }))
      .map(([operand, list]) => ({ kind: 'in' as const, operand, list })),
    fc.oneof(
      fc
        .tuple(fc.constantFrom('starts', 'ends', 'contains', 'min', 'max'), tie('node'), tie('node'))
        .map(([name, x, y]) => ({ kind: 'call' as const, name, args: [x, y] })),
      fc
        .tuple(fc.constantFrom('length', 'min', 'max'), tie('node'))
        .map(([name, x]) => ({ kind: 'call' as const, name, args: [x] })),
      fc
        .tuple(tie('node'), tie('node'), tie('node'))
        .map(([x, y, z]) => ({ kind: 'call' as const, name: 'if_else', args: [x, y, z] })),
      fc.tuple(fc.constantFrom(...names), tie('node')).map(([name, x]) => ({
        kind: 'call' as const,
        name: 'if_not_exists',
        args: [{ kind: 'leaf' as const, text: name }, x],
      })),
      fc.constantFrom(...names).map((name) => ({
        kind: 'call' as const,
        name: 'exists',
        args: [{ kind: 'leaf' as const, text: name }],
      })),
      fc
        .tuple(tie('node'), fc.constantFrom("'int'", "'double'", "'Int'", "'text'"), fc.option(tie('node')))
        .map(([size, type, fill]) => ({
          kind: 'call' as const,
          name: 'init_array',
          args: [size, { kind: 'leaf' as const, text: type }, ...(fill === null ? [] : [fill])],
        })),
    ),
    fc
      .tuple(arrayName, tie('node'), fc.option(tie('node')))
      .map(([name, index, to]) => ({ kind: 'element' as const, name, index, to: to ?? undefined })),
  ),
})).node

function levelOf(node: Tree): number {
  if (node.kind === 'binary' || node.kind === 'prefix') return node.level
  return node.kind === 'in' ? 9 : 1
}

/** Prints with only the parentheses that the precedence table requires. */
export function printMinimal(node: Tree): string {
  const wrap = (child: Tree, needed: boolean) => (needed ? `(${printMinimal(child)})` : printMinimal(child))
  switch (node.kind) {
    case 'leaf':
      return node.text
    case 'binary': {
      const comparison = node.level === 9
      const left = wrap(node.left, comparison ? levelOf(node.left) >= 9 : levelOf(node.left) > node.level)
      return `${left} ${node.operator} ${wrap(node.right, levelOf(node.right) >= node.level)}`
    }
    case 'prefix':
      return `${node.operator} ${wrap(node.operand, levelOf(node.operand) > node.level)}`
    case 'in':
      return `${wrap(node.operand, levelOf(node.operand) >= 9)} IN (${node.list.map(printMinimal).join(', ')})`
    case 'call':
      return `${node.name}(${node.args.map(printMinimal).join(', ')})`
    case 'element':
      return `${node.name}[${printMinimal(node.index)}${node.to ? ` .. ${printMinimal(node.to)}` : ''}]`
  }
}

/** Prints with every operation parenthesised. */
export function printFull(node: Tree): string {
  switch (node.kind) {
    case 'leaf':
      return node.text
    case 'binary':
      return `(${printFull(node.left)} ${node.operator} ${printFull(node.right)})`
    case 'prefix':
      return `(${node.operator} ${printFull(node.operand)})`
    case 'in':
      return `(${printFull(node.operand)} IN (${node.list.map(printFull).join(', ')}))`
    case 'call':
      return `${node.name}(${node.args.map(printFull).join(', ')})`
    case 'element':
      return `${node.name}[${printFull(node.index)}${node.to ? ` .. ${printFull(node.to)}` : ''}]`
  }
}

const fragments = [
  ...binaryOperators.map(([operator]) => operator),
  ...'()[],;.:=!~`\'"#\\'.split(''),
  '..',
  'IN',
  'NOT',
  'SET',
  'REMOVE',
  'delete',
  'exists',
  'if_not_exists',
  'init_array',
  'blob',
  "'int'",
  "'AAE='",
  'max',
  'length',
  ...names,
  '0',
  '1',
  '9223372036854775808',
  '2.5',
  '1e400',
  '1:2',
  '😀',
  ' ',
]

/** Sequences of language fragments, mostly ill-formed, and arbitrary Unicode text. */
export const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { maxLength: 25 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...fragments), { maxLength: 25 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
)

const statement: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'b', 'ia', 'da', 'x', '__name', '__h', '`bad name`'), tree)
      .map(([target, value]) => `${target} = ${printMinimal(value)}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('ia', 'da', 'a'), fc.constantFrom('0', '1', 'a', '-1', '3'), tree)
      .map(([target, index, value]) => `SET ${target}[${index}] = ${printMinimal(value)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('ia', 'da'), tree, tree, tree)
      .map(
        ([target, i, j, value]) =>
          `${target}[${printMinimal(i)}..${printMinimal(j)}] = ${printMinimal(value)}`,
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom('REMOVE a', 'delete(ia)', 'REMOVE __size', '') },
  { weight: 1, arbitrary: garbage },
)

/** Update expressions built from random targets and random expressions, sometimes broken. */
export const updateText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', "ia = init_array(3, 'int'); da = init_array(2, 'double', 0.5); "),
    fc.array(statement, { maxLength: 4 }),
  )
  .map(([prelude, statements]) => prelude + statements.join('; '))
