import { sleep, whenAborted } from '../../core/abort-signals.js'
import { HttpResponseError, RequestAbortedError, ValidationError } from '../../core/errors.js'
import { isNotFound } from '../kv/error-predicates.js'
import { getItem } from '../kv/get-item.js'
import { putItem } from '../kv/put-item.js'
import { abortableWait, backoffDelay } from './consumer-group/abortable-wait.js'
import {
  CommitError,
  ConsumerGroupError,
  SessionLostError,
  StateFormatError,
} from './consumer-group/errors.js'
import { committedAttribute, shardItemPath, stateItemPath } from './consumer-group/group-options.js'
import {
  emptyGroupState,
  formatGroupState,
  parseGroupState,
  parseRfc3339,
} from './consumer-group/group-state.js'
import { applyHeartbeat, replicaShardGroups } from './consumer-group/shard-assignment.js'
import { describeStream } from './describe-stream.js'
import { getRecords } from './get-records.js'
import { seekShard } from './seek-shard.js'
import { compareSequenceNumbers, nextSequenceNumber, validateSequenceNumber } from './sequence-numbers.js'
import { isIllegalLocationError, streamExceptionName } from './stream-errors.js'
import { resolveShard, validateShardId } from './stream-paths.js'

// What the reading engine uses from the rest of the SDK, handed to it when it loads rather than imported
// by it (reading-engine-dependencies.ts says why).
const dependencies = {
  ValidationError,
  RequestAbortedError,
  HttpResponseError,
  ConsumerGroupError,
  SessionLostError,
  CommitError,
  StateFormatError,
  getItem,
  putItem,
  describeStream,
  seekShard,
  getRecords,
  isNotFound,
  isIllegalLocationError,
  streamExceptionName,
  validateShardId,
  validateSequenceNumber,
  compareSequenceNumbers,
  nextSequenceNumber,
  abortableWait,
  backoffDelay,
  committedAttribute,
  shardItemPath,
  stateItemPath,
  emptyGroupState,
  formatGroupState,
  parseGroupState,
  parseRfc3339,
  applyHeartbeat,
  replicaShardGroups,
  sleep,
  whenAborted,
  resolveShard,
}

/** The SDK's values that the reading engine uses (reading-engine-dependencies.ts). */
export type ReadingEngineDependencies = typeof dependencies

type ReadingEngine = typeof import('./reading-engine.js')

let engine: Promise<ReadingEngine> | undefined

/**
 * Loads the reading engine (consumer groups and record readers) once: most of a stream app's code but
 * used by few apps, so it is loaded with the first group call or reader (a chunk of its own in bundles,
 * `v3io.stream-reading.js` beside the CDN script), as the XML parser is with the first listing.
 */
export function loadReadingEngine(): Promise<ReadingEngine> {
  engine ??= import('./reading-engine.js').then(
    (loaded) => {
      loaded.provideDependencies(dependencies)
      return loaded
    },
    (error: unknown) => {
      // A lost chunk (a flaky network in a browser) is loaded again by the next call.
      engine = undefined
      throw error
    },
  )
  return engine
}
