import type { Handler } from '../context.js'
import { createStream } from './create-stream.js'
import { describeStream } from './describe-stream.js'
import { getRecords } from './get-records.js'
import { putRecords } from './put-records.js'
import { seekShard } from './seek-shard.js'
import { updateStream } from './update-stream.js'

/** The stream functions (`CreateStream`, …, `SeekShard` and its alias `Seek`), by `X-v3io-function` name. */
export const streamFunctions: Record<string, Handler> = {
  CreateStream: createStream,
  DescribeStream: describeStream,
  UpdateStream: updateStream,
  PutRecords: putRecords,
  SeekShard: seekShard,
  // The Iguazio reference's name for SeekShard (ED-2).
  Seek: seekShard,
  GetRecords: getRecords,
}
