import type { Handler } from '../context.js'

/** The key-value functions (`PutItem`, `UpdateItem`, `GetItem`, `GetItems`), by `X-v3io-function` name. */
export const kvFunctions: Record<string, Handler> = {}
