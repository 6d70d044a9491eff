import type { CallOptions } from '../../core/call-options.js'
import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { HttpResponseError, ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { Response } from '../../core/response.js'
import { loadResponseDecoding } from '../response-decoding-loader.js'
import type { Attributes } from './attribute-values.js'
import { isConditionFailed } from './error-predicates.js'
import { type ExpressionInput, expressionText } from './expression-option.js'
import { itemUrlPath } from './item-paths.js'
import { putItemDescriptor } from './put-item.js'
import { parseTransactionVerifier, type TransactionVerifier } from './transaction-verifier.js'
import { UpdateMode, validateUpdateMode } from './update-mode.js'

/** Options of {@link updateItem}: either `attributes` (merged) or an `expression` (executed), not both. */
export interface UpdateItemOptions {
  /** The container. */
  container: string
  /** The item's path: table path and key. The item (and its table) is created when missing. */
  path: string
  /** Attributes to set, keeping the item's others (sent as a merging PutItem). Exclusive with `expression`. */
  attributes?: Attributes
  /** An update expression, e.g. `` expr`age = age + ${1}; SET seen = ${new Date()}` `` (sent as UpdateItem). */
  expression?: ExpressionInput
  /** Apply the update only if this condition holds; otherwise the alternate expression runs, if any. */
  condition?: ExpressionInput
  /** An update expression to run instead when `condition` is false (`output.branch` tells which ran). */
  alternateExpression?: ExpressionInput
  /** Default `CreateOrReplaceAttributes`; `CreateNewItemOnly` fails when the item exists. */
  updateMode?: UpdateMode
}

/** Output of {@link updateItem}. */
export interface UpdateItemOutput {
  /** The item's new modification time and a condition that holds until the next change. */
  verifier?: TransactionVerifier
  /** `'update'` when the main update (or the attribute merge) ran; `'alternate'` when the alternate expression ran. */
  branch: 'update' | 'alternate'
}

/**
 * The single request of an update (kv.md "Updating with an attribute map"): attributes → PUT PutItem with
 * `UpdateMode`; an expression (or only an alternate) → POST UpdateItem. Use {@link updateItem} to also get
 * the alternate branch reported as a success.
 */
export const updateItemRequest: Operation<UpdateItemOptions, UpdateItemOutput> = {
  encode(options) {
    const mode = validateUpdateMode(options.updateMode) ?? UpdateMode.createOrReplaceAttributes
    const expression = expressionText(options.expression, 'expression')
    const alternate = expressionText(options.alternateExpression, 'alternateExpression')
    if (options.attributes !== undefined) {
      if (expression !== undefined || alternate !== undefined)
        throw new ValidationError(
          'attributes',
          'cannot be combined with expression or alternateExpression (servers refuse the mix, ED-35); ' +
            'write the attributes as SET statements or send two requests',
        )
      return putItemDescriptor(options.container, options.path, options.attributes, options.condition, mode)
    }
    if (expression === undefined && alternate === undefined)
      throw new ValidationError(
        'expression',
        'an update needs attributes, an expression or an alternateExpression',
      )
    const urlPath = itemUrlPath(options.container, options.path)
    const condition = expressionText(options.condition, 'condition') || undefined
    return {
      operation: 'UpdateItem',
      method: 'POST',
      path: urlPath,
      headers: functionHeaders('UpdateItem'),
      body: JSON.stringify({
        UpdateMode: mode,
        ConditionExpression: condition,
        // An alternate alone travels with the empty update expression, which changes nothing.
        UpdateExpression: expression ?? '',
        AlternateUpdateExpression: alternate,
      }),
      // `a = a + 1` applied twice differs from once.
      idempotent: false,
    }
  },
  // The verifier's parsing loads with the response decoders.
  prepare: loadResponseDecoding,
  decode: (response) => ({ verifier: parseTransactionVerifier(response.headers), branch: 'update' }),
}

/**
 * Updates an item: merges `attributes`, or runs an update `expression`, optionally guarded by `condition`
 * with an `alternateExpression` for when it is false. Servers answer a false condition with 400 even when
 * the alternate ran (ED-36); when an alternate was sent, that answer resolves as a success — `statusCode`
 * 200, `output.branch: 'alternate'`, the server's condition-false body left in `body` — instead of raising.
 */
export async function updateItem(
  executor: Executor,
  options: UpdateItemOptions & CallOptions,
): Promise<Response<UpdateItemOutput>> {
  const alternateSent = options.alternateExpression !== undefined && options.attributes === undefined
  let response: Response<UpdateItemOutput>
  try {
    response = await executor.execute(updateItemRequest, options)
  } catch (error) {
    if (alternateSent && error instanceof HttpResponseError && isConditionFailed(error))
      return alternateBranch(error.response)
    throw error
  }
  return alternateSent && isConditionFailed(response) ? alternateBranch(response) : response
}

// Reported as a success (status 200) so that raise-for-status and batches treat it as one; the server's
// condition-false body stays available in `body`.
function alternateBranch(response: Response): Response<UpdateItemOutput> {
  return new Response<UpdateItemOutput>(200, response.headers, response.body, {
    verifier: parseTransactionVerifier(response.headers),
    branch: 'alternate',
  })
}
