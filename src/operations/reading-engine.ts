/**
 * The reading engine, loaded on demand by reading-engine-loader.ts: consumer groups' machinery, the
 * record readers and parallel scans, the recursive deletion behind `deleteTable`/`deleteStream` and `putItems`'s writes. It must import no module that the rest of the SDK imports (only types, and modules
 * that only it imports): what it needs of the SDK comes through reading-engine-dependencies.ts.
 */
export { writeItems } from './kv/item-writes.js'
export { scanSegmentsInParallel } from './kv/parallel-scan.js'
export { deleteTree } from './objects/delete-tree.js'
export { provideDependencies } from './reading-engine-dependencies.js'
export { GroupEngine } from './streams/consumer-group/group-engine.js'
export { readShard } from './streams/shard-reading.js'
export { readStream } from './streams/stream-reading.js'
