import { requireField, safeIntegerText } from '../../core/decode.js'
import type { Operation } from '../../core/descriptor.js'
import { decodeXmlBody, loadXmlParser, xmlModule } from './listing-xml-loader.js'

/** Options of {@link getContainers}: none besides the per-call ones. */
export type GetContainersOptions = Record<never, never>

/** A container visible to the caller. */
export interface ContainerInfo {
  /** The container name, e.g. `bigdata`. */
  name: string
  /** Creation time as the server wrote it (an RFC 3339 string). */
  creationDate: string
  /** The numeric container ID. */
  id: number
}

/** Output of {@link getContainers}. */
export interface GetContainersOutput {
  /** The containers the credentials can see. */
  containers: ContainerInfo[]
}

/** ListContainers: `GET /`, answered with an XML bucket list. */
export const getContainers: Operation<GetContainersOptions | undefined, GetContainersOutput> = {
  encode: () => ({
    operation: 'ListContainers',
    method: 'GET',
    path: '/',
    headers: {},
    idempotent: true,
  }),
  prepare: loadXmlParser,
  decode(response, descriptor) {
    const xml = decodeXmlBody(response, descriptor)
    const root = (xml.ListBucketResult ?? xml.ListAllMyBucketsResult) as Record<string, unknown> | undefined
    const result = requireField(root, 'ListBucketResult', response, descriptor)
    // The entries' decoding loads with the XML parser (listing-xml.ts), handed the checks it uses.
    return xmlModule().decodeContainers(result, {
      require: (value, field) => requireField(value, field, response, descriptor),
      safeInteger: (value, field) => safeIntegerText(value, field, response, descriptor),
    })
  },
}
