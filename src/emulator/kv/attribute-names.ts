/**
 * The three classes of attribute names (kv.md "Attribute names and classes", ED-31): user names,
 * read-only system names, and hidden `__` names that programs may write.
 */

import { invalidArgument, notPermitted } from '../api-error.js'
import { abbreviate } from './message-text.js'

/**
 * The system attributes in the order of kv.md's table — also the order in which `**` lists them
 * (ED-33). All are read-only.
 */
export const SYSTEM_ATTRIBUTE_NAMES: readonly string[] = [
  '__name',
  '__size',
  '__mode',
  '__atime_secs',
  '__atime_nsecs',
  '__mtime_secs',
  '__mtime_nsecs',
  '__ctime_secs',
  '__ctime_nsecs',
  '__uid',
  '__gid',
  '__obj_type',
  '__collection_id',
  '__last_sequence_num',
  '__inode_number',
]

const systemNames: ReadonlySet<string> = new Set(SYSTEM_ATTRIBUTE_NAMES)

/** Every writable name (user or hidden) matches this; system names match it too. */
const attributeNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/

/** `system`: reserved and read-only; `hidden`: other names starting with `__`; `user`: the rest. */
export type AttributeClass = 'user' | 'hidden' | 'system'

/** Classifies a name; says nothing about whether the name is well-formed. */
export function attributeClass(name: string): AttributeClass {
  if (systemNames.has(name)) return 'system'
  return name.startsWith('__') ? 'hidden' : 'user'
}

/** True for the reserved, read-only names of the system attribute table. */
export function isSystemAttributeName(name: string): boolean {
  return systemNames.has(name)
}

/** True when `name` is 1–255 characters of `[A-Za-z0-9_]` not starting with a digit (ED-31). */
export function isValidAttributeName(name: string): boolean {
  return attributeNamePattern.test(name)
}

/**
 * Checks a name about to be written or removed: 400 `InvalidArgumentException` when malformed, 403
 * `Operation not permitted` for a system attribute (ED-31).
 */
export function assertWritableAttributeName(name: string): void {
  if (!isValidAttributeName(name)) throw invalidArgument(`invalid attribute name '${abbreviate(name)}'`)
  if (systemNames.has(name)) throw notPermitted()
}
