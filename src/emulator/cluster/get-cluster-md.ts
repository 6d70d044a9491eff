/** GetClusterMD (ED-49): the cluster metadata that the Go SDK and frames size their parallel scans by. */

import { type Handler, jsonResult } from '../context.js'

/** The answer when the emulator is not configured otherwise: as many virtual nodes as ED-38 has groups. */
export const defaultNumberOfVNs = 8

/**
 * `X-v3io-function: GetClusterMD` on `PUT /<c>/`: 200 `{"NumberOfVNs":N}`. The body is ignored, and so
 * is the path inside the container, since the answer describes the cluster, not an object.
 */
export const getClusterMd: Handler = (context) =>
  jsonResult(200, { NumberOfVNs: context.settings.numberOfVNs })
