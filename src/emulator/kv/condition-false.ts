/**
 * The KV answers that are not plain validation errors: a false condition (ED-8, ED-30, ED-36), an
 * existing item under `CreateNewItemOnly` (ED-34), and an attribute write to a shard id beyond the
 * stream's shard count (ED-40).
 */

import { ApiError } from '../api-error.js'
import { versionHeaders } from '../objects/object-headers.js'
import type { StoredNode } from '../storage/nodes.js'

/** Outer ErrorCode of a false condition (*Documented*). */
export const CONDITION_FALSE_CODE = 16777244
/** Inner ErrorCode of a false condition. */
export const CONDITION_NOT_MET_CODE = 16777245
/** ErrorCode of a `CreateNewItemOnly` write to an existing item (relied on by Iguazio's Frames). */
export const ITEM_EXISTS_CODE = 369098809
/** ErrorCode of `ShardIDOutOfRangeException`. */
export const SHARD_OUT_OF_RANGE_CODE = -201326594

/**
 * 400 `{"ErrorCode":16777244,"ErrorMessage":"Condition expression evaluated to false","Inner":{…16777245…}}`,
 * with the verifier and `Last-Modified` of the item when it exists (ED-30).
 */
export function conditionFalse(item: StoredNode | undefined): ApiError {
  return new ApiError(
    400,
    CONDITION_FALSE_CODE,
    'Condition expression evaluated to false',
    { ErrorCode: CONDITION_NOT_MET_CODE, ErrorMessage: 'Condition not met' },
    item ? versionHeaders(item) : {},
  )
}

/** 400 `{"ErrorCode":369098809,"ErrorMessage":"Item already exists","Inner":{"ErrorCode":-17,…}}` (ED-34). */
export function itemAlreadyExists(): ApiError {
  return new ApiError(400, ITEM_EXISTS_CODE, 'Item already exists', {
    ErrorCode: -17,
    ErrorMessage: 'File exists',
  })
}

/** 400 `{"ErrorCode":-201326594,"ErrorMessage":"ShardIDOutOfRangeException"}` (streams.md "Shard objects"). */
export function shardIdOutOfRange(): ApiError {
  return new ApiError(400, SHARD_OUT_OF_RANGE_CODE, 'ShardIDOutOfRangeException')
}
