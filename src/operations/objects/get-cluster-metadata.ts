import { functionHeader, type Operation } from '../../core/descriptor.js'
import { objectUrlPath, validateContainer } from '../../core/path.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'

/** Options of {@link getClusterMetadata}. */
export interface GetClusterMetadataOptions {
  /** The container to address; the answer describes the whole cluster. */
  container: string
}

/** Output of {@link getClusterMetadata}. */
export interface GetClusterMetadataOutput {
  /**
   * The cluster's number of virtual nodes: a good `totalSegments` for a parallel scan, one segment per
   * virtual node, as the Go SDK and frames size theirs.
   */
  numberOfVNs: number
}

/**
 * GetClusterMD: `PUT /<c>/` with `X-v3io-function: GetClusterMD` and an empty body; 200
 * `{"NumberOfVNs":n}` (the protocol contract, ED-49).
 */
export const getClusterMetadata: Operation<GetClusterMetadataOptions, GetClusterMetadataOutput> = {
  encode(options) {
    return {
      operation: 'GetClusterMD',
      method: 'PUT',
      path: `${objectUrlPath(validateContainer(options.container), '')}/`,
      headers: { [functionHeader]: 'GetClusterMD' },
      body: new Uint8Array(0),
      idempotent: true,
    }
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodeGetClusterMetadata(response, descriptor),
}
