import { ApiError, invalidArgument, noSuchFile } from '../api-error.js'
import type { Handler } from '../context.js'
import { type DirectoryNode, objectMode, objectSize, ownerId, type StoredNode } from '../storage/nodes.js'
import { compareUtf8 } from '../storage/utf8-order.js'
import { listingTime, XmlWriter } from './xml-writer.js'

const defaultMaxKeys = 1000

function flag(value: string | undefined): boolean {
  return value !== undefined && (value === '1' || value.toLowerCase() === 'true')
}

function parseMaxKeys(value: string | undefined): number {
  if (value === undefined) return defaultMaxKeys
  if (!/^\d+$/.test(value)) throw invalidArgument('invalid max-keys')
  return Math.min(Number(value), defaultMaxKeys)
}

function directorySegments(urlSegments: readonly string[], prefix: string): string[] {
  const prefixSegments = prefix.split('/').filter((segment) => segment !== '')
  for (const segment of prefixSegments) {
    if (segment === '.' || segment === '..')
      throw invalidArgument('"." and ".." segments are not allowed in prefix')
  }
  return [...urlSegments, ...prefixSegments]
}

/** The index of the first entry whose name sorts strictly after `name` (binary search). */
function firstAfter(entries: readonly StoredNode[], name: string): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareUtf8((entries[middle] as StoredNode).name, name) <= 0) low = middle + 1
    else high = middle
  }
  return low
}

/** ListDirectory: `GET /<c>?prefix=…` or `GET /<c>/<dir>/?…` (objects-and-containers.md, ED-28). */
export const listDirectory: Handler = ({ container, segments, query, store }) => {
  const prefix = query.get('prefix') ?? ''
  const marker = query.get('marker') ?? ''
  const withInfo = flag(query.get('prefix-info'))
  const directoriesOnly = flag(query.get('prefix-only'))
  const maxKeys = parseMaxKeys(query.get('max-keys'))
  const path = directorySegments(segments, prefix)

  const found = store.lookup(container.root, path)
  if (!found.node) throw found.blockedByFile ? new ApiError(404, -20, 'Not a directory') : noSuchFile()
  if (found.node.kind === 'file') throw new ApiError(404, -20, 'Not a directory')
  const directory: DirectoryNode = found.node

  let entries = store.sortedChildren(directory)
  if (directoriesOnly) entries = entries.filter((entry) => entry.kind === 'directory')
  const markerName = marker.replace(/\/+$/, '').split('/').pop() ?? ''
  const start = marker === '' ? 0 : firstAfter(entries, markerName)
  const page = entries.slice(start, start + maxKeys)
  const isTruncated = maxKeys === 0 ? start < entries.length : start + page.length < entries.length
  const base = path.length > 0 ? `${path.join('/')}/` : ''
  const last = page.at(-1)
  const nextMarker = last ? `${base}${last.name}` : maxKeys === 0 ? marker : ''

  const xml = new XmlWriter().open('ListBucketResult')
  xml
    .element('Name', container.name)
    .element('Prefix', prefix)
    .element('Marker', marker)
    .element('Delimiter', '/')
  xml
    .element('NextMarker', nextMarker)
    .element('MaxKeys', maxKeys)
    .element('IsTruncated', String(isTruncated))
  for (const entry of page) {
    if (entry.kind !== 'file') continue
    xml.open('Contents').element('Key', `${base}${entry.name}`).element('Size', objectSize(entry))
    if (entry.shard) {
      xml.element('LastSequenceId', entry.shard.lastSequenceNumber)
      xml.element('LastSequenceID', entry.shard.lastSequenceNumber)
    }
    xml.element('LastModified', listingTime(entry.mtime))
    if (withInfo) writeAttributes(xml, entry)
    xml.close('Contents')
  }
  for (const entry of page) {
    if (entry.kind !== 'directory') continue
    xml.open('CommonPrefixes').element('Prefix', `${base}${entry.name}/`)
    if (withInfo) {
      xml.element('LastModified', listingTime(entry.mtime))
      writeAttributes(xml, entry)
      if (entry.stream) {
        xml.element('ShardCount', entry.stream.shardCount)
        xml.element('RetentionPeriodHours', entry.stream.retentionPeriodHours)
        xml.element('RetentionPeriodSec', entry.stream.retentionPeriodHours * 3600)
      }
    }
    xml.close('CommonPrefixes')
  }
  xml.close('ListBucketResult')
  return { status: 200, body: xml.toString(), contentType: 'application/xml' }
}

function writeAttributes(xml: XmlWriter, entry: StoredNode): void {
  xml.element('Mode', `0${objectMode(entry).toString(8)}`)
  // Reads are not tracked: the access time is the modification time (ED-29).
  xml.element('AccessTime', listingTime(entry.mtime)).element('CreatingTime', listingTime(entry.ctime))
  xml
    .element('GID', ownerId.toString(16))
    .element('UID', ownerId.toString(16))
    .element('InodeNumber', entry.inode)
}
