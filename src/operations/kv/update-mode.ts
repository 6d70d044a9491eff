import { ValidationError } from '../../core/errors.js'

/**
 * How a write treats an existing item (kv.md "UpdateMode"; the irregular capitalisation is the protocol's).
 * For `putItem` the default (no mode) replaces the item; for `updateItem` it is `CreateOrReplaceAttributes`.
 */
export const UpdateMode = {
  /** Merge: create the item if missing, set the given attributes, keep the others. */
  createOrReplaceAttributes: 'CreateOrReplaceAttributes',
  /** Replace the item's attributes, like a put without a mode. */
  overWriteAttributes: 'OverWriteAttributes',
  /** Create the item only if it does not exist; otherwise fail with "item exists" (see `isItemExists`). */
  createNewItemOnly: 'CreateNewItemOnly',
} as const

/** One of the {@link UpdateMode} values. */
export type UpdateMode = (typeof UpdateMode)[keyof typeof UpdateMode]

const modes: readonly string[] = Object.values(UpdateMode)

/** Checks an `updateMode` option. */
export function validateUpdateMode(mode: unknown): UpdateMode | undefined {
  if (mode === undefined) return undefined
  if (typeof mode !== 'string' || !modes.includes(mode))
    throw new ValidationError('updateMode', `must be one of ${modes.join(', ')}, got ${String(mode)}`)
  return mode as UpdateMode
}

/** Whether a write with this mode and condition converges when repeated (transport.md retries table). */
export function isRetrySafeWrite(mode: UpdateMode | undefined, condition: string | undefined): boolean {
  return condition === undefined && mode !== 'CreateNewItemOnly'
}
