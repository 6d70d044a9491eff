import { ApiError } from '../api-error.js'

/** ErrorCode of `ShardIDOutOfRangeException` (documented). */
export const shardIdOutOfRangeCode = -201326594

/** 400 `ShardIDOutOfRangeException`: a shard id outside 0 … ShardCount-1. */
export function shardIdOutOfRange(): ApiError {
  return new ApiError(400, shardIdOutOfRangeCode, 'ShardIDOutOfRangeException')
}

/** 404 -2 `ResourceNotFoundException`: no stream at the path (ED-21). */
export function resourceNotFound(): ApiError {
  return new ApiError(404, -2, 'ResourceNotFoundException')
}

/** 409 -17 `ResourceInUseException`: CreateStream on an existing path (ED-3). */
export function resourceInUse(): ApiError {
  return new ApiError(409, -17, 'ResourceInUseException')
}

/** 400 -22 `ResourceNotStreamException`: the path exists but is not a stream (ED-21). */
export function resourceNotStream(): ApiError {
  return new ApiError(400, -22, 'ResourceNotStreamException')
}

/** 400 -22 `InvalidShardCountException`: UpdateStream not growing, or above 4096 (ED-21). */
export function invalidShardCount(): ApiError {
  return new ApiError(400, -22, 'InvalidShardCountException')
}

/** 400 -22 `IllegalLocationException`: a malformed, foreign, purged or out-of-range location (ED-6). */
export function illegalLocation(): ApiError {
  return new ApiError(400, -22, 'IllegalLocationException')
}
