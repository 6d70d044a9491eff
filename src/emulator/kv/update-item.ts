/**
 * UpdateItem (kv.md "UpdateItem", ED-34, ED-35, ED-36): run the update expression when the condition
 * holds, or the alternate expression when it does not, creating the item when missing.
 */

import { invalidArgument } from '../api-error.js'
import type { Handler } from '../context.js'
import { evaluateCondition, evaluateUpdate, parseCondition, parseUpdate } from '../expressions/index.js'
import { versionHeaders } from '../objects/object-headers.js'
import { isSystemAttributeName } from './attribute-names.js'
import { conditionFalse, itemAlreadyExists } from './condition-false.js'
import { resolveItemAddress } from './item-addressing.js'
import { writableKeyAttribute } from './item-members.js'
import { assertItemSize } from './item-size.js'
import { nodeAttributes } from './item-view.js'
import { commitItem, locateWriteTarget } from './item-write.js'
import { RequestMembers } from './request-body.js'
import { systemAttribute } from './system-attributes.js'
import { readUpdateMode } from './update-mode.js'
import type { AttributeValue } from './values.js'

/**
 * `X-v3io-function: UpdateItem`. A true (or empty) condition runs `UpdateExpression` (absent = empty)
 * and answers 200; a false one runs `AlternateUpdateExpression` when present — its changes are applied —
 * and answers the condition-false 400 either way. Every update is atomic.
 */
export const updateItem: Handler = (context) => {
  const members = RequestMembers.fromBody(context.body)
  if (members.has('Item')) throw invalidArgument('UpdateItem takes no Item (use PutItem, or SET statements)')
  const mode = readUpdateMode(members)
  const address = resolveItemAddress(context, members)
  const key = writableKeyAttribute(address.key)
  const condition = parseCondition(members.string('ConditionExpression') ?? '', 'ConditionExpression')
  const update = parseUpdate(members.string('UpdateExpression') ?? '', 'UpdateExpression')
  const alternateText = members.string('AlternateUpdateExpression')
  const alternate =
    alternateText === undefined ? undefined : parseUpdate(alternateText, 'AlternateUpdateExpression')

  const target = locateWriteTarget(context, address)
  const existing = target.existing
  const holds = evaluateCondition(condition, nodeAttributes(existing))
  const chosen = holds ? update : alternate
  if (chosen === undefined) throw conditionFalse(existing)
  if (mode === 'CreateNewItemOnly' && existing) throw itemAlreadyExists()

  const attributes = new Map<string, AttributeValue>(existing?.attributes ?? [])
  if (!existing && key) attributes.set(key.name, key.value)
  const changes = evaluateUpdate(chosen, {
    get: (name) =>
      isSystemAttributeName(name) ? existing && systemAttribute(existing, name) : attributes.get(name),
  })
  for (const change of changes) {
    if (change.value === undefined) attributes.delete(change.name)
    else attributes.set(change.name, change.value)
  }
  assertItemSize(attributes)
  const file = commitItem(context, target, attributes)
  if (!holds) throw conditionFalse(file)
  return { status: 200, headers: versionHeaders(file) }
}
