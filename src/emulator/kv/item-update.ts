/**
 * The update path shared by UpdateItem and by a PutItem that carries an update expression (kv.md
 * "UpdateItem", ED-34, ED-35R, ED-36): under the condition, merge the `Item` attributes, then run the
 * expression, all or nothing.
 */

import type { HandlerResult, RequestContext } from '../context.js'
import {
  CostMeter,
  evaluateCondition,
  evaluateUpdate,
  parseCondition,
  parseUpdate,
} from '../expressions/index.js'
import { versionHeaders } from '../objects/object-headers.js'
import { isSystemAttributeName } from './attribute-names.js'
import { conditionFalse, itemAlreadyExists } from './condition-false.js'
import { resolveItemAddress } from './item-addressing.js'
import { addKeyAttribute, readItemMember, writableKeyAttribute } from './item-members.js'
import { assertItemSize } from './item-size.js'
import { nodeAttributes } from './item-view.js'
import { commitItem, locateWriteTarget } from './item-write.js'
import type { RequestMembers } from './request-body.js'
import { systemAttribute } from './system-attributes.js'
import { readUpdateMode } from './update-mode.js'
import type { AttributeValue } from './values.js'

/** True when a PutItem is an update in disguise: it carries an update expression (ED-35R). */
export function carriesUpdateExpression(members: RequestMembers): boolean {
  return members.has('UpdateExpression') || members.has('AlternateUpdateExpression')
}

/**
 * Runs an update. A true (or empty) condition merges `Item` (if any) as `CreateOrReplaceAttributes`
 * would, then runs `UpdateExpression` (absent = empty) on the merged item, and answers 200. A false
 * condition runs `AlternateUpdateExpression` alone when present — `Item` belongs to the main branch —
 * applies it, and answers the condition-false 400 either way. The item is created when missing.
 */
export function runUpdate(context: RequestContext, members: RequestMembers): HandlerResult {
  const mode = readUpdateMode(members)
  const address = resolveItemAddress(context, members)
  const itemMember = members.object('Item')
  const written = itemMember === undefined ? undefined : readItemMember(itemMember)
  if (written) addKeyAttribute(written, address.key)
  const key = writableKeyAttribute(address.key)
  const condition = parseCondition(members.string('ConditionExpression') ?? '', 'ConditionExpression')
  const update = parseUpdate(members.string('UpdateExpression') ?? '', 'UpdateExpression')
  const alternateText = members.string('AlternateUpdateExpression')
  const alternate =
    alternateText === undefined ? undefined : parseUpdate(alternateText, 'AlternateUpdateExpression')

  const target = locateWriteTarget(context, address)
  const existing = target.existing
  // The condition and the statements share one budget: together they are this request's work on the item.
  const meter = new CostMeter(context.settings.expressionWorkLimit)
  const holds = evaluateCondition(condition, nodeAttributes(existing), meter)
  const chosen = holds ? update : alternate
  if (chosen === undefined) throw conditionFalse(existing)
  if (mode === 'CreateNewItemOnly' && existing) throw itemAlreadyExists()

  const attributes = new Map<string, AttributeValue>(existing?.attributes ?? [])
  if (!existing && key) attributes.set(key.name, key.value)
  if (holds && written) for (const [name, value] of written) attributes.set(name, value)
  const changes = evaluateUpdate(
    chosen,
    {
      get: (name) =>
        isSystemAttributeName(name) ? existing && systemAttribute(existing, name) : attributes.get(name),
    },
    meter,
  )
  for (const change of changes) {
    if (change.value === undefined) attributes.delete(change.name)
    else attributes.set(change.name, change.value)
  }
  assertItemSize(attributes)
  const file = commitItem(context, target, attributes)
  if (!holds) throw conditionFalse(file)
  return { status: 200, headers: versionHeaders(file) }
}
