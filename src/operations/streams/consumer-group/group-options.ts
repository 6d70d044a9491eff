import type { CallOptions } from '../../../core/call-options.js'
import { ValidationError } from '../../../core/errors.js'
import { normalizeObjectPath, validateContainer } from '../../../core/path.js'

/** Options of `consumerGroup`; the defaults are the Go SDK's. */
export interface ConsumerGroupOptions extends Pick<CallOptions, 'accessKey' | 'timeout'> {
  /** The container holding the stream. */
  container: string
  /** The stream's path, e.g. `/my-stream`. */
  path: string
  /**
   * The group's name: `A–Z a–z 0–9 _` (it becomes part of the attribute
   * `__<name>_committed_sequence_number` and of the state item `<name>-state.json`).
   */
  name: string
  /** How many members share the shards; shard groups are sized by it. Should equal the members you deploy. */
  maxReplicas: number
  /** Milliseconds without heartbeat after which a member's session expires. Default 10 000. */
  sessionTimeout?: number
  /** Milliseconds between heartbeats. Default 3 000. */
  heartbeatInterval?: number
  /** Milliseconds between automatic commits of marked records. Default 10 000. */
  commitInterval?: number
  /** Where a shard without a committed sequence number is read from. Default `EARLIEST`. */
  initialLocation?: 'EARLIEST' | 'LATEST'
  /** Milliseconds to wait after an empty fetch before fetching again. Default 250. */
  pollInterval?: number
  /** Records per `getRecords` call. Default 10. */
  recordsPerFetch?: number
  /** Milliseconds between checks for a shard object that does not exist yet. Default 1 000. */
  shardWaitInterval?: number
  /** Attempts of a state read-modify-write before it fails. Default 100. */
  stateRetries?: number
  /** Batches of records buffered per member before fetching pauses. Default 100. */
  bufferedBatches?: number
  /**
   * Failures the member recovers from by itself, reported here: commits that will be retried, heartbeats
   * and fetches that failed. Default: none (they are still retried).
   */
  onError?: (error: unknown) => void
  /** Wall-clock milliseconds since the epoch for heartbeat times; tests inject one. Default `Date.now`. */
  clock?: () => number
}

/** The options with defaults applied, checked. */
export interface ResolvedGroupOptions {
  readonly container: string
  /** The stream's container-relative path without leading or trailing slash. */
  readonly streamPath: string
  readonly name: string
  readonly maxReplicas: number
  readonly sessionTimeout: number
  readonly heartbeatInterval: number
  readonly commitInterval: number
  readonly initialLocation: 'EARLIEST' | 'LATEST'
  readonly pollInterval: number
  readonly recordsPerFetch: number
  readonly shardWaitInterval: number
  readonly stateRetries: number
  readonly bufferedBatches: number
  readonly accessKey: string | undefined
  readonly timeout: number | undefined
  readonly onError: (error: unknown) => void
  readonly clock: () => number
}

const groupName = /^[A-Za-z0-9_]{1,227}$/

function positive(value: unknown, parameter: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isSafeInteger(value))
  )
    throw new ValidationError(
      parameter,
      `must be a ${integer ? 'whole ' : ''}number > 0, got ${String(value)}`,
    )
  return value
}

/** Checks the options and fills in the Go SDK's defaults; a bad option is a `ValidationError` naming it. */
export function resolveGroupOptions(options: ConsumerGroupOptions): ResolvedGroupOptions {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError('options', 'must be an object with container, path, name and maxReplicas')
  const container = validateContainer(options.container)
  const streamPath = normalizeObjectPath(options.path).replace(/\/$/, '')
  if (typeof options.name !== 'string' || !groupName.test(options.name))
    throw new ValidationError(
      'name',
      `must be 1–227 characters of A–Z a–z 0–9 _ (it becomes part of an attribute name), got ${JSON.stringify(options.name)}`,
    )
  const sessionTimeout = positive(options.sessionTimeout, 'sessionTimeout', 10_000)
  const heartbeatInterval = positive(options.heartbeatInterval, 'heartbeatInterval', 3_000)
  if (heartbeatInterval >= sessionTimeout)
    throw new ValidationError(
      'heartbeatInterval',
      `must be shorter than sessionTimeout (${sessionTimeout} ms), got ${heartbeatInterval}`,
    )
  const initialLocation = options.initialLocation ?? 'EARLIEST'
  if (initialLocation !== 'EARLIEST' && initialLocation !== 'LATEST')
    throw new ValidationError(
      'initialLocation',
      `must be 'EARLIEST' or 'LATEST', got ${String(initialLocation)}`,
    )
  if (options.onError !== undefined && typeof options.onError !== 'function')
    throw new ValidationError('onError', 'must be a function')
  if (options.clock !== undefined && typeof options.clock !== 'function')
    throw new ValidationError('clock', 'must be a function returning milliseconds since the epoch')
  return {
    container,
    streamPath,
    name: options.name,
    maxReplicas: positive(options.maxReplicas ?? Number.NaN, 'maxReplicas', Number.NaN, true),
    sessionTimeout,
    heartbeatInterval,
    commitInterval: positive(options.commitInterval, 'commitInterval', 10_000),
    initialLocation,
    pollInterval: positive(options.pollInterval, 'pollInterval', 250),
    recordsPerFetch: positive(options.recordsPerFetch, 'recordsPerFetch', 10, true),
    shardWaitInterval: positive(options.shardWaitInterval, 'shardWaitInterval', 1_000),
    stateRetries: positive(options.stateRetries, 'stateRetries', 100, true),
    bufferedBatches: positive(options.bufferedBatches, 'bufferedBatches', 100, true),
    accessKey: options.accessKey,
    timeout: options.timeout,
    onError: options.onError ?? (() => {}),
    clock: options.clock ?? Date.now,
  }
}
