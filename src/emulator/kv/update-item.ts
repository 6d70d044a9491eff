/**
 * UpdateItem (kv.md "UpdateItem", ED-34, ED-35R, ED-36): run the update expression when the condition
 * holds, or the alternate expression when it does not, creating the item when missing.
 */

import type { Handler } from '../context.js'
import { runUpdate } from './item-update.js'
import { RequestMembers } from './request-body.js'

/**
 * `X-v3io-function: UpdateItem`. A true (or empty) condition merges `Item` when present (ED-35R), runs
 * `UpdateExpression` (absent = empty) and answers 200; a false one runs `AlternateUpdateExpression`
 * when present — its changes are applied — and answers the condition-false 400 either way. Every
 * update is atomic.
 */
export const updateItem: Handler = (context) => runUpdate(context, RequestMembers.fromBody(context.body))
