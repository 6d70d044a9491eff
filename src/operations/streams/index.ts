/** Stream operations; each becomes a method of `Client` and of its batches. */
export const streamOperations = {} as const

/** Stream composites (several requests, one `Response`); methods of `Client` and of its batches. */
export const streamComposites = {} as const

/** Stream helpers (shard readers); methods of `Client` only. */
export const streamHelpers = {} as const
