import { functionHeader, type Operation } from '../../core/descriptor.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'
import { type StreamAddress, streamUrlPath } from './stream-paths.js'

/** Options of {@link describeStream}. */
export interface DescribeStreamOptions extends StreamAddress {}

/** Output of {@link describeStream}. */
export interface DescribeStreamOutput {
  /** The stream's number of shards; shard ids are `0 … shardCount-1`. */
  shardCount: number
  /** Hours records are kept at least. */
  retentionPeriodHours: number
}

/**
 * DescribeStream: `PUT /<c>/<s>/` with an empty body; 200 `{"ShardCount":n,"RetentionPeriodHours":h}`.
 * Also the existence probe: 404 `ResourceNotFoundException` when there is no stream.
 */
export const describeStream: Operation<DescribeStreamOptions, DescribeStreamOutput> = {
  encode(options) {
    return {
      operation: 'DescribeStream',
      method: 'PUT',
      path: streamUrlPath(options),
      // The empty body is sent without Content-Type, as the Python SDK does (streams.md).
      headers: { [functionHeader]: 'DescribeStream' },
      body: new Uint8Array(0),
      idempotent: true,
    }
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodeDescribeStream(response, descriptor),
}
