/** Key-value (NoSQL) operations; each becomes a method of `Client` and of its batches. */
export const kvOperations = {} as const

/** Key-value composites (several requests, one `Response`); methods of `Client` and of its batches. */
export const kvComposites = {} as const

/** Key-value helpers (cursors, scans); methods of `Client` only. */
export const kvHelpers = {} as const
