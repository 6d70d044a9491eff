import type { CallOptions } from '../../core/call-options.js'
import { ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { markerPages } from '../../core/marker-pages.js'
import type { AttributeNames } from './attribute-selection.js'
import { type Item, TypedAttribute } from './attribute-values.js'
import { type GetItemsOptions, type GetItemsOutput, getItems } from './get-items.js'

/** Options of {@link newItemsCursor}: a scan's options, plus how many items overall and per request. */
export interface ItemsCursorOptions extends Omit<GetItemsOptions, 'limit'> {
  /** Most items the cursor yields overall (`0` yields none and sends nothing). Default: every item. */
  limit?: number
  /** Most items per request (`Limit` of each GetItems). Default: the server's page size. */
  pageSize?: number
  /** Yield the table's `.#schema` file as an item too. Default false: it is skipped. */
  includeSchemaFile?: boolean
}

/** Call options of cursors: raise-for-status does not apply, a cursor always raises on an error status. */
export type CursorCallOptions = Omit<CallOptions, 'raiseForStatus'>

const schemaFileName = '.#schema'

/**
 * Items of a scan, one at a time, fetched page by page as they are consumed. Iterate it with
 * `for await (const item of cursor)`, or call {@link ItemsCursor.nextItem} / {@link ItemsCursor.all}.
 * Breaking out of a `for await` loop, or {@link ItemsCursor.close}, stops it (in-flight requests of
 * parallel scans are aborted).
 */
export class ItemsCursor implements AsyncIterable<Item> {
  readonly #items: AsyncGenerator<Item, void, undefined>

  constructor(
    /** The items, in the order the server returns them. */
    items: AsyncGenerator<Item, void, undefined>,
  ) {
    this.#items = items
  }

  /** The next item, or `undefined` when the scan is complete. */
  async nextItem(): Promise<Item | undefined> {
    const next = await this.#items.next()
    return next.done ? undefined : next.value
  }

  /** Every remaining item. */
  async all(): Promise<Item[]> {
    const items: Item[] = []
    for await (const item of this.#items) items.push(item)
    return items
  }

  /** Stops the cursor; later calls find it complete. */
  async close(): Promise<void> {
    await this.#items.return()
  }

  /** Iterates the remaining items with `for await`; breaking out of the loop closes the cursor. */
  [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    return this.#items
  }
}

/** Checks a cursor's overall limit; `undefined` means unlimited. */
export function validateCursorLimit(limit: unknown, parameter = 'limit'): number | undefined {
  if (limit === undefined) return undefined
  if (!Number.isInteger(limit) || (limit as number) < 0)
    throw new ValidationError(parameter, `must be an integer ≥ 0, got ${String(limit)}`)
  return limit as number
}

/** Whether a scanned item is the table's `.#schema` file (plain or typed decoding). */
function isSchemaFile(item: Item): boolean {
  const name = item.__name
  return (name instanceof TypedAttribute ? name.value : name) === schemaFileName
}

/**
 * Requests `__name` with the selected attributes when it is not already among them, so that the
 * `.#schema` file can be recognised; returns whether it must be removed from yielded items again.
 */
function withName(names: AttributeNames | undefined): { names: AttributeNames | undefined; strip: boolean } {
  if (names === undefined || names === '*' || names === '**' || !Array.isArray(names))
    return { names, strip: false }
  if (names.includes('__name') || names.includes('*') || names.includes('**')) return { names, strip: false }
  return { names: [...names, '__name'], strip: true }
}

/**
 * The items of one scan (a plain, range or single-segment scan), following markers (kv.md "Client cursor"):
 * starts from `options.marker`, stops at `LastItemIncluded` or after `limit` items, continues after an
 * empty non-final page, and fails with a DecodeError if the server repeats a marker instead of looping.
 */
export async function* scanItems(
  executor: Executor,
  options: ItemsCursorOptions & CursorCallOptions,
): AsyncGenerator<Item, void, undefined> {
  const { limit, pageSize, includeSchemaFile, attributeNames, ...scan } = options
  let remaining = validateCursorLimit(limit)
  const selection = includeSchemaFile ? { names: attributeNames, strip: false } : withName(attributeNames)
  const pages = markerPages<GetItemsOutput>({
    operation: 'GetItems',
    marker: options.marker,
    fetch: (marker) => {
      const pageLimit = remaining === undefined ? pageSize : Math.min(pageSize ?? remaining, remaining)
      return executor.execute(getItems, {
        ...scan,
        attributeNames: selection.names,
        marker,
        limit: pageLimit,
        raiseForStatus: 'always',
      })
    },
    isLast: (page) => page.lastItemIncluded,
    nextMarker: (page) => page.nextMarker,
  })
  if (remaining === 0) return
  for await (const { output: page } of pages) {
    for (const item of page.items) {
      if (!includeSchemaFile && isSchemaFile(item)) continue
      if (selection.strip) delete item.__name
      yield item
      if (remaining !== undefined && --remaining === 0) return
    }
  }
}

/**
 * A cursor over the items of a table scan: every matching item exactly once, fetched page by page
 * (kv.md "Client cursor"). `limit` bounds the items overall, `pageSize` each request; `marker` resumes
 * a scan. The cursor always raises on an HTTP error status.
 *
 * @example
 * const cursor = client.newItemsCursor({ container: 'users', path: '/bobs-burgers/',
 *   attributeNames: ['age', 'feature'], filterExpression: 'age > 15' })
 * for await (const item of cursor) console.log(item)
 */
export function newItemsCursor(
  executor: Executor,
  options: ItemsCursorOptions & CursorCallOptions,
): ItemsCursor {
  validateScanOptions(options)
  return new ItemsCursor(scanItems(executor, options))
}

/** Validates a cursor's options eagerly, so that mistakes fail at creation rather than at the first item. */
export function validateScanOptions(options: ItemsCursorOptions): void {
  validateCursorLimit(options.limit)
  validateCursorLimit(options.pageSize, 'pageSize')
  if (options.pageSize === 0) throw new ValidationError('pageSize', 'must be ≥ 1')
  getItems.encode({ ...options, limit: undefined })
}
