/** PutItem (kv.md "PutItem", "UpdateMode", ED-27, ED-34, ED-35R): create, replace or merge an item. */

import { invalidArgument } from '../api-error.js'
import type { Handler } from '../context.js'
import { CostMeter, evaluateCondition, parseCondition } from '../expressions/index.js'
import { versionHeaders } from '../objects/object-headers.js'
import { conditionFalse, itemAlreadyExists } from './condition-false.js'
import { resolveItemAddress } from './item-addressing.js'
import { addKeyAttribute, readItemMember } from './item-members.js'
import { assertItemSize } from './item-size.js'
import { carriesUpdateExpression, runUpdate } from './item-update.js'
import { nodeAttributes } from './item-view.js'
import { commitItem, locateWriteTarget } from './item-write.js'
import { RequestMembers } from './request-body.js'
import { readUpdateMode } from './update-mode.js'

/**
 * `X-v3io-function: PutItem`. Without `UpdateMode` (or with `OverWriteAttributes`) the item's user and
 * hidden attributes become exactly `Item`; `CreateOrReplaceAttributes` merges; `CreateNewItemOnly`
 * refuses an existing item. The condition is evaluated against the stored item before the mode applies.
 * A PutItem carrying an update expression is an update, as in Iguazio's own examples (ED-35R).
 */
export const putItem: Handler = (context) => {
  const members = RequestMembers.fromBody(context.body)
  if (carriesUpdateExpression(members)) return runUpdate(context, members)
  const mode = readUpdateMode(members)
  const item = members.object('Item')
  if (item === undefined) throw invalidArgument('Item or UpdateExpression is required')
  const address = resolveItemAddress(context, members)
  const written = readItemMember(item)
  addKeyAttribute(written, address.key)
  const condition = parseCondition(members.string('ConditionExpression') ?? '', 'ConditionExpression')

  const target = locateWriteTarget(context, address)
  const existing = target.existing
  const meter = new CostMeter(context.settings.expressionWorkLimit)
  if (!evaluateCondition(condition, nodeAttributes(existing), meter)) throw conditionFalse(existing)
  if (mode === 'CreateNewItemOnly' && existing) throw itemAlreadyExists()
  let attributes = written
  if (mode === 'CreateOrReplaceAttributes' && existing) {
    attributes = new Map(existing.attributes)
    for (const [name, value] of written) attributes.set(name, value)
  }
  assertItemSize(attributes)
  const file = commitItem(context, target, attributes)
  return { status: 200, headers: versionHeaders(file) }
}
