import { booleanText, decodeXmlBody, integerText, requireField, safeIntegerText } from '../../core/decode.js'
import type { Operation, RawResponse, RequestDescriptor } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import {
  encodePathComponent,
  encodeQueryComponent,
  normalizePath,
  validateContainer,
} from '../../core/path.js'
import { loadXmlParser } from '../../core/xml.js'

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
    const text = (value: unknown) => (typeof value === 'string' ? value : '')
    const fields = new FieldReader(response, descriptor)
    return {
      name: text(root.Name),
      prefix: text(root.Prefix),
      marker: text(root.Marker),
      nextMarker: text(root.NextMarker),
      maxKeys:
        root.MaxKeys === undefined ? 1000 : safeIntegerText(root.MaxKeys, 'MaxKeys', response, descriptor),
      isTruncated: booleanText(root.IsTruncated ?? 'false', 'IsTruncated', response, descriptor),
      contents: ((root.Contents ?? []) as Array<Record<string, unknown>>).map((entry) =>
        fields.object(entry),
      ),
      commonPrefixes: ((root.CommonPrefixes ?? []) as Array<Record<string, unknown>>).map((entry) =>
        fields.directory(entry),
      ),
    }
  },
}

/** Turns the string elements of one listing entry into typed fields, leaving absent ones out. */
class FieldReader {
  constructor(
    private readonly response: RawResponse,
    private readonly descriptor: RequestDescriptor,
  ) {}

  object(entry: Record<string, unknown>): ObjectEntry {
    const result: ObjectEntry = {
      key: String(requireField(entry.Key, 'Contents/Key', this.response, this.descriptor)),
      size: safeIntegerText(entry.Size ?? '0', 'Size', this.response, this.descriptor),
      lastModified: typeof entry.LastModified === 'string' ? entry.LastModified : '',
    }
    const sequence = entry.LastSequenceId ?? entry.LastSequenceID
    if (sequence !== undefined)
      result.lastSequenceId = integerText(sequence, 'LastSequenceId', this.response, this.descriptor)
    this.common(entry, result)
    return result
  }

  directory(entry: Record<string, unknown>): DirectoryEntry {
    const result: DirectoryEntry = {
      prefix: String(requireField(entry.Prefix, 'CommonPrefixes/Prefix', this.response, this.descriptor)),
    }
    if (typeof entry.LastModified === 'string') result.lastModified = entry.LastModified
    this.common(entry, result)
    if (entry.ShardCount !== undefined)
      result.shardCount = safeIntegerText(entry.ShardCount, 'ShardCount', this.response, this.descriptor)
    if (entry.RetentionPeriodHours !== undefined)
      result.retentionPeriodHours = safeIntegerText(
        entry.RetentionPeriodHours,
        'RetentionPeriodHours',
        this.response,
        this.descriptor,
      )
    return result
  }

  private common(entry: Record<string, unknown>, result: ObjectEntry | DirectoryEntry): void {
    if (typeof entry.Mode === 'string') result.mode = entry.Mode
    if (typeof entry.AccessTime === 'string') result.accessTime = entry.AccessTime
    if (typeof entry.CreatingTime === 'string') result.creatingTime = entry.CreatingTime
    if (entry.GID !== undefined) result.gid = this.hex(entry.GID, 'GID')
    if (entry.UID !== undefined) result.uid = this.hex(entry.UID, 'UID')
    if (entry.InodeNumber !== undefined)
      result.inodeNumber = integerText(entry.InodeNumber, 'InodeNumber', this.response, this.descriptor)
  }

  private hex(value: unknown, field: string): number {
    if (typeof value === 'string' && /^[0-9a-fA-F]+$/.test(value)) return Number.parseInt(value, 16)
    return safeIntegerText(value, field, this.response, this.descriptor)
  }
}
