// The parser alone: the package's main module also loads its XML builder and validator entry points.
import XMLParser from 'fast-xml-parser/src/xmlparser/XMLParser.js'
import type { DirectoryEntry, GetContainerContentsOutput, ObjectEntry } from './get-container-contents.js'
import type { GetContainersOutput } from './get-containers.js'

// Elements that repeat in listings: always arrays, even when a response holds only one.
const repeated = new Set(['Bucket', 'Contents', 'CommonPrefixes'])

let parser: InstanceType<typeof XMLParser> | undefined

/** Parses the small XML subset of the web API's listings into plain objects of strings. */
export function parseXmlText(text: string): Record<string, unknown> {
  parser ??= new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    parseTagValue: false,
    trimValues: true,
    htmlEntities: true,
    isArray: (name) => repeated.has(name),
  })
  return parser.parse(text, true) as Record<string, unknown>
}

/** The checks of core/decode.ts, bound to a response (they raise its `DecodeError`), handed over. */
export interface ListingFields {
  require(value: unknown, field: string): unknown
  safeInteger(value: unknown, field: string): number
  integer(value: unknown, field: string): number | bigint
  boolean(value: unknown, field: string): boolean
}

type Entry = Record<string, unknown>

/** A container listing's `ListBucketResult`, decoded (here, like {@link decodeListing}). */
export function decodeContainers(
  result: Entry,
  fields: Pick<ListingFields, 'require' | 'safeInteger'>,
): GetContainersOutput {
  const buckets = (result.Buckets as { Bucket?: Entry[] } | '' | undefined) || {}
  const containers = (buckets.Bucket ?? []).map((bucket) => ({
    name: String(fields.require(bucket.Name, 'Bucket/Name')),
    creationDate: String(fields.require(bucket.CreationDate, 'Bucket/CreationDate')),
    id: fields.safeInteger(bucket.Id, 'Bucket/Id'),
  }))
  return { containers }
}

/**
 * A directory listing's `ListBucketResult`, decoded: here rather than in get-container-contents.ts so that
 * it loads with the parser (apps that never list never load it).
 */
export function decodeListing(root: Entry, fields: ListingFields): GetContainerContentsOutput {
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const hex = (value: unknown, field: string) =>
    typeof value === 'string' && /^[0-9a-fA-F]+$/.test(value)
      ? Number.parseInt(value, 16)
      : fields.safeInteger(value, field)
  const common = (entry: Entry, result: ObjectEntry | DirectoryEntry) => {
    if (typeof entry.Mode === 'string') result.mode = entry.Mode
    if (typeof entry.AccessTime === 'string') result.accessTime = entry.AccessTime
    if (typeof entry.CreatingTime === 'string') result.creatingTime = entry.CreatingTime
    if (entry.GID !== undefined) result.gid = hex(entry.GID, 'GID')
    if (entry.UID !== undefined) result.uid = hex(entry.UID, 'UID')
    if (entry.InodeNumber !== undefined) result.inodeNumber = fields.integer(entry.InodeNumber, 'InodeNumber')
  }
  const object = (entry: Entry): ObjectEntry => {
    const result: ObjectEntry = {
      key: String(fields.require(entry.Key, 'Contents/Key')),
      size: fields.safeInteger(entry.Size ?? '0', 'Size'),
      lastModified: typeof entry.LastModified === 'string' ? entry.LastModified : '',
    }
    const sequence = entry.LastSequenceId ?? entry.LastSequenceID
    if (sequence !== undefined) result.lastSequenceId = fields.integer(sequence, 'LastSequenceId')
    common(entry, result)
    return result
  }
  const directory = (entry: Entry): DirectoryEntry => {
    const result: DirectoryEntry = { prefix: String(fields.require(entry.Prefix, 'CommonPrefixes/Prefix')) }
    if (typeof entry.LastModified === 'string') result.lastModified = entry.LastModified
    common(entry, result)
    if (entry.ShardCount !== undefined) result.shardCount = fields.safeInteger(entry.ShardCount, 'ShardCount')
    if (entry.RetentionPeriodHours !== undefined)
      result.retentionPeriodHours = fields.safeInteger(entry.RetentionPeriodHours, 'RetentionPeriodHours')
    return result
  }
  return {
    name: text(root.Name),
    prefix: text(root.Prefix),
    marker: text(root.Marker),
    nextMarker: text(root.NextMarker),
    maxKeys: root.MaxKeys === undefined ? 1000 : fields.safeInteger(root.MaxKeys, 'MaxKeys'),
    isTruncated: fields.boolean(root.IsTruncated ?? 'false', 'IsTruncated'),
    contents: ((root.Contents ?? []) as Entry[]).map(object),
    commonPrefixes: ((root.CommonPrefixes ?? []) as Entry[]).map(directory),
  }
}
