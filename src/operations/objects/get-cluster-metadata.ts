import { decodeJsonBody, requireField, safeIntegerText } from '../../core/decode.js'
import { functionHeader, type Operation } from '../../core/descriptor.js'
import { bodyPreview, DecodeError } from '../../core/errors.js'
import { objectUrlPath, validateContainer } from '../../core/path.js'

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
  decode(response, descriptor) {
    const json = decodeJsonBody(response, descriptor)
    const text = requireField(json.NumberOfVNs, 'NumberOfVNs', response, descriptor)
    const numberOfVNs = safeIntegerText(text, 'NumberOfVNs', response, descriptor)
    if (numberOfVNs < 1) {
      // A scan cannot have fewer than one segment; an answer saying so is not usable.
      const preview = bodyPreview(response.body).slice(0, 200)
      throw new DecodeError(
        descriptor.operation,
        response.status,
        `NumberOfVNs must be ≥ 1: ${numberOfVNs}`,
        preview,
      )
    }
    return { numberOfVNs }
  },
}
