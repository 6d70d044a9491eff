import { type Handler, jsonResult } from '../context.js'
import { parseRequestJson } from './request-json.js'
import { resolveStream } from './stream-address.js'

/** DescribeStream: 200 `{"ShardCount":n,"RetentionPeriodHours":h}`; the body may be empty or `{}`. */
export const describeStream: Handler = (context) => {
  const { stream } = resolveStream(context, parseRequestJson(context.body))
  return jsonResult(200, { ShardCount: stream.shardCount, RetentionPeriodHours: stream.retentionPeriodHours })
}
