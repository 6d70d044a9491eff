/**
 * The reading engine, loaded on demand by reading-engine-loader.ts: consumer groups' machinery and the
 * record readers. It must import no module that the rest of the SDK imports (only types, and modules
 * that only it imports): what it needs of the SDK comes through reading-engine-dependencies.ts.
 */
export { GroupEngine } from './consumer-group/group-engine.js'
export { provideDependencies } from './reading-engine-dependencies.js'
export { readShard } from './shard-reading.js'
export { readStream } from './stream-reading.js'
