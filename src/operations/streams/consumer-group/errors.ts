import { V3ioError } from '../../../core/errors.js'

/** Base class of the consumer-group errors that are not request failures. */
export class ConsumerGroupError extends V3ioError {
  override name = 'ConsumerGroupError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.ConsumerGroupError'
}

/**
 * The member lost its session: it was evicted (it did not heartbeat for the session timeout) and another
 * member now holds some of its shards. Its `records()` ends with this error and it commits nothing more;
 * join again to get a new session.
 */
export class SessionLostError extends ConsumerGroupError {
  override name = 'SessionLostError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.SessionLostError'
  constructor(
    /** The id of the member whose session was lost. */
    readonly memberId: string,
    /** The shards it owned. */
    readonly shards: readonly number[],
  ) {
    super(
      `member ${memberId} lost its session: another member holds some of its shards ${JSON.stringify(shards)}`,
    )
  }
}

/**
 * A commit of a shard's sequence number failed. The mark is kept and committed again at the next tick;
 * `cause` holds the request failure (or the reason nothing was sent).
 */
export class CommitError extends ConsumerGroupError {
  override name = 'CommitError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.CommitError'
  constructor(
    /** The shard whose commit failed. */
    readonly shardId: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`commit of shard ${shardId} failed: ${message}`, options)
  }
}

/** The group's state item holds text that is not the Go SDK's state JSON. */
export class StateFormatError extends ConsumerGroupError {
  override name = 'StateFormatError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.StateFormatError'
}
