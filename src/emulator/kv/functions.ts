import type { Handler } from '../context.js'
import { getItem } from './get-item.js'
import { getItems } from './get-items.js'
import { putItem } from './put-item.js'
import { updateItem } from './update-item.js'

/** The key-value functions (`PutItem`, `UpdateItem`, `GetItem`, `GetItems`), by `X-v3io-function` name. */
export const kvFunctions: Record<string, Handler> = {
  PutItem: putItem,
  UpdateItem: updateItem,
  GetItem: getItem,
  GetItems: getItems,
}
