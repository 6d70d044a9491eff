import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'

/**
 * Which attributes to read: `'*'` (user attributes; for scans also `__name`), `'**'` (every attribute,
 * system and hidden ones included), or a list of names (system names such as `__size` allowed).
 */
export type AttributeNames = '*' | '**' | readonly string[]

/**
 * The `AttributesToGet` text. A list is joined with `,`; names holding `,` or whitespace cannot be
 * expressed and are rejected, as is an empty list (the server would read it as `*`).
 */
export function attributesToGet(names: unknown, parameter = 'attributeNames'): string {
  if (names === undefined || names === '*' || names === '**') return names ?? '*'
  if (!Array.isArray(names))
    throw new ValidationError(
      parameter,
      `must be '*', '**' or an array of attribute names, got ${String(names)}`,
    )
  if (names.length === 0)
    throw new ValidationError(parameter, "must name at least one attribute (use '*' for all user attributes)")
  names.forEach((name, index) => {
    if (typeof name !== 'string' || name === '' || /[,\s]/.test(name))
      throw new ValidationError(
        `${parameter}[${index}]`,
        `must be a non-empty name without commas or whitespace, got ${JSON.stringify(name)}`,
      )
    assertWellFormed(name, `${parameter}[${index}]`)
  })
  return names.join(',')
}
