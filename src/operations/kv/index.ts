import { createSchema } from './create-schema.js'
import { deleteItem } from './delete-item.js'
import { deleteTable } from './delete-table.js'
import { getItem } from './get-item.js'
import { getItems } from './get-items.js'
import { newItemsCursor } from './items-cursor.js'
import { newParallelItemsCursor } from './parallel-items-cursor.js'
import { putItem } from './put-item.js'
import { putItems } from './put-items.js'
import { updateItem } from './update-item.js'

// Each one by name too, for the modular style (`core.execute(getItem, …)`): importing one bundles only it.
export {
  createSchema,
  deleteItem,
  deleteTable,
  getItem,
  getItems,
  newItemsCursor,
  newParallelItemsCursor,
  putItem,
  putItems,
  updateItem,
}

/** Key-value (NoSQL) operations; each becomes a method of `Client` and of its batches. */
export const kvOperations = {
  /**
   * Creates or replaces an item: `attributes` become exactly its attributes. `condition` guards the write;
   * `updateMode: 'CreateNewItemOnly'` refuses to overwrite (see `isItemExists`). `output.verifier` holds the
   * new modification time.
   * @example await client.putItem({ container: 'users', path: '/bobs-burgers/bob', attributes: { age: 42 } })
   */
  putItem,
  /**
   * Reads an item's attributes (`attributeNames`: `'*'` user attributes, `'**'` all, or a list) into
   * `output.item`; 404 when it does not exist (see `isNotFound`).
   * @example const { output } = await client.getItem({ container, path: '/bobs-burgers/louise', attributeNames: ['age'] })
   */
  getItem,
  /**
   * Reads one page of a table scan (`filterExpression`, segments, range, `limit`, `marker`):
   * `output.items`, `output.lastItemIncluded`, `output.nextMarker`. See `newItemsCursor` for all pages.
   */
  getItems,
  /** Deletes an item (204; 404 when missing). */
  deleteItem,
  /** Writes a table's `.#schema` file (key attribute and typed fields) for Spark, Presto and Frames. */
  createSchema,
} as const

/** Key-value composites (several requests, one `Response`); methods of `Client` and of its batches. */
export const kvComposites = {
  /**
   * Updates an item: merges `attributes`, or runs an update `expression` (`age = age + 1`), optionally with a
   * `condition` and an `alternateExpression`; `output.branch` says which ran. Creates the item if missing.
   * @example await client.updateItem({ container, path: '/bobs-burgers/louise', attributes: { height: 130 } })
   */
  updateItem,
  /**
   * Writes many items of one table concurrently: `items` maps keys to attributes. `output.success`,
   * `output.responses[key]`, `output.errors[key]` report every item.
   */
  putItems,
  /** Deletes a table: all its items, files and sub-directories, then the directory. */
  deleteTable,
} as const

/** Key-value helpers (cursors, scans); methods of `Client` only. */
export const kvHelpers = {
  /**
   * A cursor over every item of a scan, following markers: `for await (const item of cursor)`,
   * `await cursor.all()`, `await cursor.nextItem()`. `limit` bounds the items overall, `pageSize` each request.
   */
  newItemsCursor,
  /**
   * A cursor over a parallel scan of `totalSegments` segments, scanned concurrently; items are yielded as
   * they arrive, each exactly once.
   */
  newParallelItemsCursor,
} as const

export type * from './attribute-decoding.js'
export type * from './attribute-selection.js'
export type * from './attribute-values.js'
export type * from './create-schema.js'
export type * from './delete-item.js'
export type * from './delete-table.js'
export type * from './error-predicates.js'
export type * from './expression-builder.js'
export type * from './expression-option.js'
export type * from './get-item.js'
export type * from './get-items.js'
export type * from './items-cursor.js'
export type * from './parallel-items-cursor.js'
export type * from './put-item.js'
export type * from './put-items.js'
export type * from './transaction-verifier.js'
export type * from './update-item.js'
export type * from './update-mode.js'
