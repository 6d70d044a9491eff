import type { CallOptions } from '../../core/call-options.js'
import { V3ioError, ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { joinKey, normalizePath, validateContainer } from '../../core/path.js'
import type { Response } from '../../core/response.js'
import { loadReadingEngine } from '../reading-engine-loader.js'
import { encodeAttributes } from './attribute-encoding.js'
import type { Attributes } from './attribute-values.js'
import { type ExpressionInput, expressionText } from './expression-option.js'
import type { PutItemOutput } from './put-item.js'
import { type UpdateMode, validateUpdateMode } from './update-mode.js'

/** Options of {@link putItems}. */
export interface PutItemsOptions {
  /** The container. */
  container: string
  /** The table (directory) path; each key of `items` is joined to it. */
  path: string
  /** The items to write: key → attributes. */
  items: Record<string, Attributes>
  /** A condition every write must satisfy (checked per item). */
  condition?: ExpressionInput
  /** As for `putItem`; absent replaces each item. */
  updateMode?: UpdateMode
}

/** Output of {@link putItems}: the outcome of every item, none hidden by another's failure. */
export interface PutItemsOutput {
  /** Whether every item was written (every request answered 2xx). */
  success: boolean
  /** Each item's response, by key, for every item that got an HTTP response (whatever its status). */
  responses: Record<string, Response<PutItemOutput>>
  /** Each item whose request failed without an HTTP response (network error, timeout), by key. */
  errors: Record<string, Error>
}

/**
 * Raised by {@link putItems} when some items failed without an HTTP response (network errors, timeouts):
 * `output` holds the outcome of every item, `cause` the first such failure.
 */
export class PutItemsError extends V3ioError {
  override name = 'PutItemsError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.PutItemsError'
  constructor(
    /** The outcome of every item. */
    readonly output: PutItemsOutput,
    cause: unknown,
  ) {
    super(`${Object.keys(output.errors).length} item(s) could not be written: ${(cause as Error)?.message}`, {
      cause,
    })
  }
}

/**
 * Writes many items of one table concurrently — through the client, whose connection limit bounds the
 * requests in flight — and waits for all of them. Every value is validated before any request is sent.
 *
 * The result is one `Response`: status 200 when every item was written; otherwise the status, headers and
 * body of the first failed item (in `items` order). Each write follows raise-for-status; when one raises,
 * `putItems` raises an `HttpResponseError` once all writes settled, whose `response.output` still holds every
 * item's outcome. Writes that failed without an HTTP response make it raise a {@link PutItemsError}.
 */
export async function putItems(
  executor: Executor,
  options: PutItemsOptions & CallOptions,
): Promise<Response<PutItemsOutput>> {
  const { container, path, items, condition, updateMode, raiseForStatus, ...call } = options
  validateContainer(container)
  const table = normalizePath(path)
  if (typeof items !== 'object' || items === null || Array.isArray(items))
    throw new ValidationError('items', 'must be an object mapping item keys to attributes')
  expressionText(condition, 'condition')
  validateUpdateMode(updateMode)
  const entries = Object.entries(items)
  for (const [key, attributes] of entries) {
    joinKey(table, key, `items[${JSON.stringify(key)}]`)
    encodeAttributes(attributes, `items.${key}`)
  }
  // The writes and the outcome's assembly are part of the reading engine, loaded on demand.
  return (await loadReadingEngine()).writeItems(executor, {
    call,
    raiseForStatus,
    container,
    table,
    entries,
    condition,
    updateMode,
  })
}
