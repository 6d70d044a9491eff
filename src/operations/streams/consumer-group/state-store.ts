import type { Executor } from '../../../core/executor.js'
import {
  emptyGroupState,
  formatGroupState,
  getItem,
  isNotFound,
  parseGroupState,
  putItem,
  RequestAbortedError,
  StateFormatError,
  ValidationError,
} from '../../reading-engine-dependencies.js'
import { abortableWait, backoffDelay } from './abortable-wait.js'
import type { ResolvedGroupOptions } from './group-options.js'
import { stateItemPath } from './group-paths.js'
import type { GroupState } from './group-state.js'

/** A group's state as read, with the modification time that guards the next write. */
export interface StoredGroupState {
  /** The parsed state (an empty state when the item does not exist). */
  state: GroupState
  /** The item's `__mtime_secs`/`__mtime_nsecs`, or `undefined` when the item does not exist. */
  modified: { secs: number | bigint; nsecs: number | bigint } | undefined
}

function callOptions(options: ResolvedGroupOptions, signal: AbortSignal | undefined) {
  return {
    container: options.container,
    accessKey: options.accessKey,
    timeout: options.timeout,
    signal,
    raiseForStatus: 'always' as const,
  }
}

/** Reads the state item (`AttributesToGet: __mtime_nsecs,__mtime_secs,state`, as the Go SDK asks). */
export async function readGroupState(
  executor: Executor,
  options: ResolvedGroupOptions,
  signal?: AbortSignal,
): Promise<StoredGroupState> {
  try {
    const { output } = await executor.execute(getItem, {
      ...callOptions(options, signal),
      path: stateItemPath(options),
      attributeNames: ['__mtime_nsecs', '__mtime_secs', 'state'],
    })
    const { state, __mtime_secs: secs, __mtime_nsecs: nsecs } = output.item
    const isTime = (value: unknown) => typeof value === 'number' || typeof value === 'bigint'
    if (!isTime(secs) || !isTime(nsecs))
      throw new StateFormatError('the state item has no __mtime_secs/__mtime_nsecs')
    const modified = { secs: secs as number | bigint, nsecs: nsecs as number | bigint }
    // An item without `state` (created by hand) is written as if it were absent.
    if (state === undefined) return { state: emptyGroupState(), modified: undefined }
    if (typeof state !== 'string') throw new StateFormatError('the state attribute is not a string')
    return { state: parseGroupState(state), modified }
  } catch (error) {
    if (isNotFound(error)) return { state: emptyGroupState(), modified: undefined }
    throw error
  }
}

/** Writes the state guarded as the Go SDK guards it: unchanged modification time, or no state yet. */
export async function writeGroupState(
  executor: Executor,
  options: ResolvedGroupOptions,
  stored: StoredGroupState,
  signal?: AbortSignal,
): Promise<void> {
  const condition = stored.modified
    ? `(__mtime_nsecs == ${stored.modified.nsecs}) AND (__mtime_secs == ${stored.modified.secs})`
    : 'not(exists(state))'
  await executor.execute(putItem, {
    ...callOptions(options, signal),
    path: stateItemPath(options),
    attributes: { state: formatGroupState(stored.state) },
    condition,
    updateMode: 'CreateOrReplaceAttributes',
  })
}

function isFinal(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    signal?.aborted === true ||
    error instanceof RequestAbortedError ||
    error instanceof ValidationError ||
    error instanceof StateFormatError
  )
}

/**
 * Read-modify-write of the state, retried on any failure (a lost race — condition false — or a request
 * failure) with the Go SDK's back-off: 50 ms growing ×4 up to 1 s (or half a heartbeat interval if shorter),
 * `options.stateRetries` attempts.
 * `modify` runs on a fresh read every attempt and returns its result.
 */
export async function modifyGroupState<Result>(
  executor: Executor,
  options: ResolvedGroupOptions,
  modify: (state: GroupState) => Result,
  signal: AbortSignal,
): Promise<Result> {
  for (let attempt = 0; ; attempt++) {
    try {
      const stored = await readGroupState(executor, options, signal)
      const result = modify(stored.state)
      await writeGroupState(executor, options, stored, signal)
      return result
    } catch (error) {
      if (isFinal(error, signal) || attempt + 1 >= options.stateRetries) throw error
      // Go's schedule, but never longer than half a heartbeat: with short intervals a member losing a few
      // races in a row would otherwise miss its own session timeout.
      await abortableWait(
        backoffDelay(attempt, 50, 4, Math.min(1_000, options.heartbeatInterval / 2)),
        signal,
      )
      if (signal.aborted) throw new RequestAbortedError('PutItem', signal.reason)
    }
  }
}
