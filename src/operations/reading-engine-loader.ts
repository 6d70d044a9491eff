import { sleep, whenAborted } from '../core/abort-signals.js'
import { HttpResponseError, RequestAbortedError, ValidationError } from '../core/errors.js'
import { markerPages } from '../core/marker-pages.js'
import { joinKey } from '../core/path.js'
import { Response } from '../core/response.js'
import { isNotFound } from './kv/error-predicates.js'
import { getItem } from './kv/get-item.js'
import { scanItems } from './kv/items-cursor.js'
import { putItem } from './kv/put-item.js'
import { PutItemsError } from './kv/put-items.js'
import { deleteObject } from './objects/delete-object.js'
import { getClusterMetadata } from './objects/get-cluster-metadata.js'
import { getContainerContents } from './objects/get-container-contents.js'
import {
  CommitError,
  ConsumerGroupError,
  SessionLostError,
  StateFormatError,
} from './streams/consumer-group/errors.js'
import {
  emptyGroupState,
  formatGroupState,
  parseGroupState,
  parseRfc3339,
} from './streams/consumer-group/group-state.js'
import { replicaShardGroups } from './streams/consumer-group/shard-assignment.js'
import { describeStream } from './streams/describe-stream.js'
import { getRecords } from './streams/get-records.js'
import { seekShard } from './streams/seek-shard.js'
import { validateSequenceNumber } from './streams/sequence-numbers.js'
import { isIllegalLocationError, streamExceptionName } from './streams/stream-errors.js'
import { resolveShard, validateShardId } from './streams/stream-paths.js'

// What the reading engine uses from the rest of the SDK, handed to it when it loads rather than imported
// by it (reading-engine-dependencies.ts says why).
// Built when the engine loads: put-items.ts imports this module, which imports put-items.ts's error
// class (an import cycle, harmless as long as nothing reads the class while the modules load).
const dependencies = () => ({
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
  emptyGroupState,
  formatGroupState,
  parseGroupState,
  parseRfc3339,
  replicaShardGroups,
  sleep,
  getClusterMetadata,
  scanItems,
  whenAborted,
  resolveShard,
  Response,
  markerPages,
  deleteObject,
  getContainerContents,
  PutItemsError,
  joinKey,
})

/** The SDK's values that the reading engine uses (reading-engine-dependencies.ts). */
export type ReadingEngineDependencies = ReturnType<typeof dependencies>

type ReadingEngine = typeof import('./reading-engine.js')

let engine: Promise<ReadingEngine> | undefined

/**
 * Loads the reading engine (consumer groups, record readers, parallel scans) once: much code used
 * by few apps, so it is loaded with the first group call, reader or parallel scan (a chunk of its own in bundles,
 * `v3io.reading-engine.js` beside the CDN script), as the XML parser is with the first listing.
 */
export function loadReadingEngine(): Promise<ReadingEngine> {
  engine ??= import('./reading-engine.js').then(
    (loaded) => {
      loaded.provideDependencies(dependencies())
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
