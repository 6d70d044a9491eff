import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'
import type { AttributeDecodingOptions } from './attribute-decoding.js'
import { type AttributeNames, attributesToGet } from './attribute-selection.js'
import type { Item } from './attribute-values.js'
import { type ReadingDescriptor, validateDecoding } from './item-decoding.js'
import { itemUrlPath } from './item-paths.js'
import type { TransactionVerifier } from './transaction-verifier.js'

/** Options of {@link getItem}. */
export interface GetItemOptions {
  /** The container. */
  container: string
  /** The item's path: table path and key, e.g. `/bobs-burgers/louise`. */
  path: string
  /**
   * `'*'` (default): the user attributes, without `__name`. `'**'`: every attribute, system and hidden
   * ones included. Or a list of names (`['__size', 'age']`); absent ones are omitted.
   */
  attributeNames?: AttributeNames
  /** How values are decoded: integers as `bigint`, array blobs as bytes, or typed values. */
  decoding?: AttributeDecodingOptions
}

/** Output of {@link getItem}. */
export interface GetItemOutput {
  /** The attributes read. */
  item: Item
  /** The item's modification time and a condition that holds until it changes (optimistic locking). */
  verifier?: TransactionVerifier
}

/** GetItem: `PUT /<c>/<t>/<k>` with `{"AttributesToGet":…}`; 404 when the item does not exist. */
export const getItem: Operation<GetItemOptions, GetItemOutput> = {
  encode(options) {
    const path = itemUrlPath(options.container, options.path)
    const descriptor: ReadingDescriptor = {
      operation: 'GetItem',
      method: 'PUT',
      path,
      headers: functionHeaders('GetItem'),
      body: JSON.stringify({ AttributesToGet: attributesToGet(options.attributeNames) }),
      idempotent: true,
      decoding: validateDecoding(options.decoding),
    }
    return descriptor
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodeGetItem(response, descriptor),
}
