import { functionHeaders, type Operation, type RequestDescriptor } from '../../core/descriptor.js'
import { loadResponseDecoding } from '../response-decoding-loader.js'
import { encodeAttributes } from './attribute-encoding.js'
import type { Attributes } from './attribute-values.js'
import { type ExpressionInput, expressionText } from './expression-option.js'
import { itemUrlPath } from './item-paths.js'
import { parseTransactionVerifier, type TransactionVerifier } from './transaction-verifier.js'
import { isRetrySafeWrite, type UpdateMode, validateUpdateMode } from './update-mode.js'

/** Options of {@link putItem}. */
export interface PutItemOptions {
  /** The container. */
  container: string
  /** The item's path: table path and key, e.g. `/bobs-burgers/louise`. Missing parents are created. */
  path: string
  /** The item's attributes; they replace all its current ones (unless `updateMode` says otherwise). */
  attributes: Attributes
  /** Write only if this condition holds for the current item (otherwise "condition failed", see `isConditionFailed`). */
  condition?: ExpressionInput
  /** Absent: replace the item. `CreateNewItemOnly`: fail if it exists. `CreateOrReplaceAttributes`: merge. */
  updateMode?: UpdateMode
}

/** Output of {@link putItem} and of attribute updates. */
export interface PutItemOutput {
  /** The item's new modification time and a condition that holds until the next change. */
  verifier?: TransactionVerifier
}

/** Builds a PutItem request; shared by `putItem` and attribute updates. */
export function putItemDescriptor(
  container: unknown,
  path: unknown,
  attributes: unknown,
  condition: unknown,
  mode: UpdateMode | undefined,
): RequestDescriptor {
  const urlPath = itemUrlPath(container, path)
  const item = encodeAttributes(attributes)
  const conditionText = expressionText(condition, 'condition') || undefined
  // Member order of the official Python SDK: Item first for a plain put, UpdateMode first for a merge.
  const body =
    mode === undefined
      ? { Item: item, ConditionExpression: conditionText }
      : { UpdateMode: mode, ConditionExpression: conditionText, Item: item }
  return {
    operation: 'PutItem',
    method: 'PUT',
    path: urlPath,
    headers: functionHeaders('PutItem'),
    body: JSON.stringify(body),
    idempotent: isRetrySafeWrite(mode, conditionText),
  }
}

/** PutItem: `PUT /<c>/<t>/<k>` creating or replacing one item (kv.md "PutItem"). */
export const putItem: Operation<PutItemOptions, PutItemOutput> = {
  encode(options) {
    return putItemDescriptor(
      options.container,
      options.path,
      options.attributes,
      options.condition,
      validateUpdateMode(options.updateMode),
    )
  },
  // The verifier's parsing loads with the response decoders.
  prepare: loadResponseDecoding,
  decode: (response) => ({ verifier: parseTransactionVerifier(response.headers) }),
}
