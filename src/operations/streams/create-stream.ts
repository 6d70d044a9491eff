import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { type StreamAddress, streamUrlPath } from './stream-paths.js'

/** Options of {@link createStream}. */
export interface CreateStreamOptions extends StreamAddress {
  /** Number of shards, 1 … 4096. Default 1. The count can only grow later (`updateStream`). */
  shardCount?: number
  /** Hours records are kept at least, 1 … 8760 (one year). Default 24, as the Python SDK sends. */
  retentionPeriodHours?: number
}

/** The most shards a stream may have (streams.md, limits). */
export const maxShardCount = 4096
/** The longest retention, in hours: one year (streams.md, limits). */
export const maxRetentionPeriodHours = 8760

/** Validates an integer option within `[minimum, maximum]`. */
export function validateRange(value: unknown, parameter: string, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum)
    throw new ValidationError(
      parameter,
      `must be an integer from ${minimum} to ${maximum}, got ${String(value)}`,
    )
  return value
}

/**
 * CreateStream: `POST /<c>/<s>/` with `{"ShardCount":n,"RetentionPeriodHours":h}`; 204 (ED-3). An existing
 * path answers 409 `ResourceInUseException`. Not retried automatically: a retry after a lost success
 * would answer 409.
 */
export const createStream: Operation<CreateStreamOptions, undefined> = {
  encode(options) {
    const path = streamUrlPath(options)
    const shardCount = validateRange(options.shardCount ?? 1, 'shardCount', 1, maxShardCount)
    const retentionPeriodHours = validateRange(
      options.retentionPeriodHours ?? 24,
      'retentionPeriodHours',
      1,
      maxRetentionPeriodHours,
    )
    return {
      operation: 'CreateStream',
      method: 'POST',
      path,
      headers: functionHeaders('CreateStream'),
      body: JSON.stringify({ ShardCount: shardCount, RetentionPeriodHours: retentionPeriodHours }),
      idempotent: false,
    }
  },
  decode: () => undefined,
}
