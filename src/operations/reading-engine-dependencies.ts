import type { ReadingEngineDependencies } from './reading-engine-loader.js'

// The values that the reading engine (reading-engine.ts: consumer groups, record readers and parallel
// scans, loaded on demand, and the modules only it imports) uses from the rest of the SDK. They are handed over by the
// module that loads it (reading-engine-loader.ts) rather than imported: esbuild puts every module that both the startup code and an on-demand chunk
// import into a chunk loaded at startup, whole, even in apps that never use consumer groups (an
// `expr`-only app grew from 2.5 to 12.8 KB that way); docs/bundle-size.md. These bindings are live: set
// once, before any engine code runs.

/* biome-ignore-start lint/style/useNamingConvention: the bindings keep the names of the classes they hold. */
export let ValidationError: ReadingEngineDependencies['ValidationError']
export let RequestAbortedError: ReadingEngineDependencies['RequestAbortedError']
export let HttpResponseError: ReadingEngineDependencies['HttpResponseError']
export let ConsumerGroupError: ReadingEngineDependencies['ConsumerGroupError']
export let SessionLostError: ReadingEngineDependencies['SessionLostError']
export let CommitError: ReadingEngineDependencies['CommitError']
export let StateFormatError: ReadingEngineDependencies['StateFormatError']
/* biome-ignore-end lint/style/useNamingConvention: see above. */
export let getItem: ReadingEngineDependencies['getItem']
export let putItem: ReadingEngineDependencies['putItem']
export let describeStream: ReadingEngineDependencies['describeStream']
export let seekShard: ReadingEngineDependencies['seekShard']
export let getRecords: ReadingEngineDependencies['getRecords']
export let isNotFound: ReadingEngineDependencies['isNotFound']
export let isIllegalLocationError: ReadingEngineDependencies['isIllegalLocationError']
export let streamExceptionName: ReadingEngineDependencies['streamExceptionName']
export let validateShardId: ReadingEngineDependencies['validateShardId']
export let validateSequenceNumber: ReadingEngineDependencies['validateSequenceNumber']
export let emptyGroupState: ReadingEngineDependencies['emptyGroupState']
export let formatGroupState: ReadingEngineDependencies['formatGroupState']
export let parseGroupState: ReadingEngineDependencies['parseGroupState']
export let parseRfc3339: ReadingEngineDependencies['parseRfc3339']
export let replicaShardGroups: ReadingEngineDependencies['replicaShardGroups']
export let sleep: ReadingEngineDependencies['sleep']
export let getClusterMetadata: ReadingEngineDependencies['getClusterMetadata']
export let scanItems: ReadingEngineDependencies['scanItems']
export let whenAborted: ReadingEngineDependencies['whenAborted']
export let resolveShard: ReadingEngineDependencies['resolveShard']
export let Response: ReadingEngineDependencies['Response']
export let markerPages: ReadingEngineDependencies['markerPages']
export let deleteObject: ReadingEngineDependencies['deleteObject']
export let getContainerContents: ReadingEngineDependencies['getContainerContents']
export let PutItemsError: ReadingEngineDependencies['PutItemsError']
export let joinKey: ReadingEngineDependencies['joinKey']

/** Sets the bindings above; called by the loader before anything of the engine runs. */
export function provideDependencies(values: ReadingEngineDependencies): void {
  ;({
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
  } = values)
}
