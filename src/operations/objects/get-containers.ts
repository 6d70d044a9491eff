import { decodeXmlBody, requireField, safeIntegerText } from '../../core/decode.js'
import type { Operation } from '../../core/descriptor.js'
import { loadXmlParser } from '../../core/xml.js'

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
    const buckets = (result.Buckets as { Bucket?: Array<Record<string, unknown>> } | '' | undefined) || {}
    const containers = (buckets.Bucket ?? []).map((bucket) => ({
      name: String(requireField(bucket.Name, 'Bucket/Name', response, descriptor)),
      creationDate: String(requireField(bucket.CreationDate, 'Bucket/CreationDate', response, descriptor)),
      id: safeIntegerText(bucket.Id, 'Bucket/Id', response, descriptor),
    }))
    return { containers }
  },
}
