/** `UpdateMode` of PutItem and UpdateItem (kv.md "UpdateMode", ED-34). */

import { invalidArgument } from '../api-error.js'
import { abbreviate } from './message-text.js'
import type { RequestMembers } from './request-body.js'

/** The values, with the platform's irregular capitalisation, compared exactly. */
export type UpdateMode = 'CreateOrReplaceAttributes' | 'OverWriteAttributes' | 'CreateNewItemOnly'

const modes: ReadonlySet<string> = new Set([
  'CreateOrReplaceAttributes',
  'OverWriteAttributes',
  'CreateNewItemOnly',
])

/** The request's `UpdateMode`, `undefined` when absent; any other value answers 400. */
export function readUpdateMode(members: RequestMembers): UpdateMode | undefined {
  const mode = members.string('UpdateMode')
  if (mode === undefined) return undefined
  if (!modes.has(mode)) throw invalidArgument(`invalid UpdateMode '${abbreviate(mode)}'`)
  return mode as UpdateMode
}
