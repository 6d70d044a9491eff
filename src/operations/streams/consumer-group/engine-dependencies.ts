import type { GroupEngineDependencies } from './consumer-group.js'

// The values the on-demand part of consumer groups (group-engine.ts and the modules only it imports)
// uses from the rest of the SDK. They are handed over by the module that loads it (consumer-group.ts)
// rather than imported: esbuild puts every module that both the startup code and an on-demand chunk
// import into a chunk loaded at startup, whole, even in apps that never use consumer groups (an
// `expr`-only app grew from 2.5 to 12.8 KB that way); docs/bundle-size.md. These bindings are live: set
// once, before any engine code runs.

/* biome-ignore-start lint/style/useNamingConvention: the bindings keep the names of the classes they hold. */
export let ValidationError: GroupEngineDependencies['ValidationError']
export let RequestAbortedError: GroupEngineDependencies['RequestAbortedError']
export let HttpResponseError: GroupEngineDependencies['HttpResponseError']
export let ConsumerGroupError: GroupEngineDependencies['ConsumerGroupError']
export let SessionLostError: GroupEngineDependencies['SessionLostError']
export let CommitError: GroupEngineDependencies['CommitError']
export let StateFormatError: GroupEngineDependencies['StateFormatError']
/* biome-ignore-end lint/style/useNamingConvention: see above. */
export let getItem: GroupEngineDependencies['getItem']
export let putItem: GroupEngineDependencies['putItem']
export let describeStream: GroupEngineDependencies['describeStream']
export let seekShard: GroupEngineDependencies['seekShard']
export let getRecords: GroupEngineDependencies['getRecords']
export let isNotFound: GroupEngineDependencies['isNotFound']
export let isIllegalLocationError: GroupEngineDependencies['isIllegalLocationError']
export let streamExceptionName: GroupEngineDependencies['streamExceptionName']
export let validateShardId: GroupEngineDependencies['validateShardId']
export let validateSequenceNumber: GroupEngineDependencies['validateSequenceNumber']
export let compareSequenceNumbers: GroupEngineDependencies['compareSequenceNumbers']
export let nextSequenceNumber: GroupEngineDependencies['nextSequenceNumber']
export let abortableWait: GroupEngineDependencies['abortableWait']
export let backoffDelay: GroupEngineDependencies['backoffDelay']
export let committedAttribute: GroupEngineDependencies['committedAttribute']
export let shardItemPath: GroupEngineDependencies['shardItemPath']
export let stateItemPath: GroupEngineDependencies['stateItemPath']
export let emptyGroupState: GroupEngineDependencies['emptyGroupState']
export let formatGroupState: GroupEngineDependencies['formatGroupState']
export let parseGroupState: GroupEngineDependencies['parseGroupState']
export let parseRfc3339: GroupEngineDependencies['parseRfc3339']
export let applyHeartbeat: GroupEngineDependencies['applyHeartbeat']
export let replicaShardGroups: GroupEngineDependencies['replicaShardGroups']

/** Sets the bindings above; called by the loader before anything of the engine runs. */
export function provideDependencies(values: GroupEngineDependencies): void {
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
  } = values)
}
