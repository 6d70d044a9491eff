import { booleanText, integerText, requireField, safeIntegerText } from '../../core/decode.js'
import type { Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import {
  encodePathComponent,
  encodeQueryComponent,
  normalizePath,
  validateContainer,
} from '../../core/path.js'
import { decodeXmlBody, loadXmlParser, xmlModule } from './listing-xml-loader.js'

/** Options of {@link getContainerContents}. */
export interface GetContainerContentsOptions {
  /** The container to list. */
  container: string
  /** The directory to list, relative to the container (`''` or absent: the root). */
  path?: string
  /** Return every attribute of each entry (mode, times, owner, inode; stream metadata). Default false. */
  getAllAttributes?: boolean
  /** Return only the sub-directories. Default false. */
  directoriesOnly?: boolean
  /** Maximum number of entries in this response (the server caps it at 1000). */
  limit?: number
  /** Continue after this entry: the previous response's `nextMarker`. */
  marker?: string
}

/** A file, item, shard or any other non-directory entry of a listing. */
export interface ObjectEntry {
  /** The container-relative path of the object. */
  key: string
  /** Body size in bytes. */
  size: number
  /** Last modification time, RFC 3339. */
  lastModified: string
  /** For stream shards: the last record's sequence number. */
  lastSequenceId?: number | bigint
  /** With `getAllAttributes`: the mode in octal text, e.g. `0100664`. */
  mode?: string
  /** With `getAllAttributes`: access time, RFC 3339. */
  accessTime?: string
  /** With `getAllAttributes`: creation time, RFC 3339. */
  creatingTime?: string
  /** With `getAllAttributes`: owner group id. */
  gid?: number
  /** With `getAllAttributes`: owner user id. */
  uid?: number
  /** With `getAllAttributes`: inode number (`bigint` beyond 2^53-1). */
  inodeNumber?: number | bigint
}

/** A sub-directory entry of a listing. */
export interface DirectoryEntry {
  /** The container-relative path of the directory, with a trailing `/`. */
  prefix: string
  /** With `getAllAttributes`: last modification time, RFC 3339. */
  lastModified?: string
  /** With `getAllAttributes`: access time, RFC 3339. */
  accessTime?: string
  /** With `getAllAttributes`: creation time, RFC 3339. */
  creatingTime?: string
  /** With `getAllAttributes`: the mode in octal text, e.g. `040775`. */
  mode?: string
  /** With `getAllAttributes`: owner group id. */
  gid?: number
  /** With `getAllAttributes`: owner user id. */
  uid?: number
  /** With `getAllAttributes`: inode number (`bigint` beyond 2^53-1). */
  inodeNumber?: number | bigint
  /** For stream directories with `getAllAttributes`: the stream's shard count. */
  shardCount?: number
  /** For stream directories with `getAllAttributes`: the retention period in hours. */
  retentionPeriodHours?: number
}

/** Output of {@link getContainerContents}. */
export interface GetContainerContentsOutput {
  /** The container's name. */
  name: string
  /** The directory listed, as the request gave it. */
  prefix: string
  /** The marker of the request. */
  marker: string
  /** Pass this as `marker` to get the next page (meaningful while `isTruncated`). */
  nextMarker: string
  /** The page size limit in effect. */
  maxKeys: number
  /** Whether more entries follow. */
  isTruncated: boolean
  /** Files, items and other non-directory objects. */
  contents: ObjectEntry[]
  /** Sub-directories. */
  commonPrefixes: DirectoryEntry[]
}

function validateLimit(limit: unknown): void {
  if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 0))
    throw new ValidationError('limit', `must be an integer ≥ 0, got ${String(limit)}`)
}

/** ListDirectory: `GET /<c>?prefix=<dir>…`, answered with an XML listing of one directory's children. */
export const getContainerContents: Operation<GetContainerContentsOptions, GetContainerContentsOutput> = {
  encode(options) {
    const container = validateContainer(options.container)
    const path = normalizePath(options.path ?? '')
    validateLimit(options.limit)
    if (options.marker !== undefined && typeof options.marker !== 'string')
      throw new ValidationError('marker', 'must be a string')
    const query = [`prefix=${encodeQueryComponent(path)}`]
    if (options.getAllAttributes) query.push('prefix-info=1')
    if (options.directoriesOnly) query.push('prefix-only=1')
    if (options.limit !== undefined) query.push(`max-keys=${options.limit}`)
    if (options.marker) query.push(`marker=${encodeQueryComponent(options.marker)}`)
    return {
      operation: 'ListDirectory',
      method: 'GET',
      path: `/${encodePathComponent(container)}`,
      query: query.join('&'),
      headers: {},
      idempotent: true,
    }
  },
  prepare: loadXmlParser,
  decode(response, descriptor) {
    const xml = decodeXmlBody(response, descriptor)
    const root = requireField(
      xml.ListBucketResult as Record<string, unknown> | undefined,
      'ListBucketResult',
      response,
      descriptor,
    )
    // The entries' decoding loads with the XML parser (listing-xml.ts), handed the checks it uses.
    return xmlModule().decodeListing(root, {
      require: (value, field) => requireField(value, field, response, descriptor),
      safeInteger: (value, field) => safeIntegerText(value, field, response, descriptor),
      integer: (value, field) => integerText(value, field, response, descriptor),
      boolean: (value, field) => booleanText(value, field, response, descriptor),
    })
  },
}
