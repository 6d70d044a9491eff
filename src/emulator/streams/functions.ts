import type { Handler } from '../context.js'

/** The stream functions (`CreateStream`, …, `SeekShard` and its alias `Seek`), by `X-v3io-function` name. */
export const streamFunctions: Record<string, Handler> = {}
