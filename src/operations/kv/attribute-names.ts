import { ValidationError } from '../../core/errors.js'

const attributeName = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/

/**
 * Checks the name of an attribute to write (kv.md "Attribute names and classes"): 1–255 characters of
 * `A–Z a–z 0–9 _`, not starting with a digit. System attributes (`__name`, …) pass: the server answers
 * them with 403, which callers may want to observe.
 */
export function validateAttributeName(name: string, parameter: string): void {
  if (!attributeName.test(name))
    throw new ValidationError(
      parameter,
      `attribute names are 1–255 characters of A–Z a–z 0–9 _ not starting with a digit, got ${JSON.stringify(name)}`,
    )
}

/** The parameter name of one attribute in messages: `attributes.age`, or `attributes["bad name"]`. */
export function attributeParameter(parent: string, name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${parent}.${name}` : `${parent}[${JSON.stringify(name)}]`
}
