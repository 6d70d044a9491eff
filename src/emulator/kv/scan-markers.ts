/**
 * GetItems markers (ED-12, ED-38): standard padded base64 of the compact JSON
 * `{"v":1,"fp":"<8 hex>","slice":<n>,"name":"<last returned name>"}`, where `fp` fingerprints the scan
 * so that a marker cannot resume a different scan.
 */

import { type ApiError, invalidArgument } from '../api-error.js'
import { xxHash32 } from '../hashing/xxhash32.js'
import { decodeStandardBase64 } from './base64.js'
import { SLICE_COUNT } from './scan-order.js'

/** `plain` (whole directory), `range` (`ShardingKey`) or `segment` (`Segment`/`TotalSegment`). */
export type ScanKind = 'plain' | 'range' | 'segment'

/** What identifies a scan for its markers; absent values are empty in the fingerprint. */
export interface ScanIdentity {
  readonly kind: ScanKind
  /** Container name (never its numeric ID, so both spellings of the URL share markers). */
  readonly container: string
  /** The scanned directory, container-relative, without leading or trailing `/`. */
  readonly directory: string
  readonly shardingKey?: string | undefined
  readonly segment?: number | undefined
  readonly totalSegment?: number | undefined
}

/** Where a scan resumes: strictly after this position. */
export interface MarkerPosition {
  readonly slice: number
  readonly name: string
}

/** Lowercase-hex xxHash32 of `<kind>\n<container>\n<directory>\n<ShardingKey>\n<Segment>\n<TotalSegment>`. */
export function scanFingerprint(identity: ScanIdentity): string {
  const text = [
    identity.kind,
    identity.container,
    identity.directory,
    identity.shardingKey ?? '',
    identity.segment ?? '',
    identity.totalSegment ?? '',
  ].join('\n')
  return xxHash32(text).toString(16).padStart(8, '0')
}

/** The marker of a page that ended at `position`. */
export function encodeMarker(fingerprint: string, position: MarkerPosition): string {
  const json = JSON.stringify({ v: 1, fp: fingerprint, slice: position.slice, name: position.name })
  return Buffer.from(json, 'utf8').toString('base64')
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function invalidMarker(): ApiError {
  return invalidArgument('invalid Marker')
}

/**
 * Reads a marker sent back by a client. Anything that is not a marker of exactly this shape, of
 * version 1, with the fingerprint of the current request's scan, answers 400 `invalid Marker`.
 */
export function decodeMarker(text: string, fingerprint: string): MarkerPosition {
  const bytes = decodeStandardBase64(text)
  if (bytes === undefined) throw invalidMarker()
  let value: unknown
  try {
    value = JSON.parse(utf8.decode(bytes))
  } catch {
    throw invalidMarker()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidMarker()
  const members = value as Record<string, unknown>
  const keys = Object.keys(members)
  if (keys.length !== 4 || !['v', 'fp', 'slice', 'name'].every((key) => Object.hasOwn(members, key))) {
    throw invalidMarker()
  }
  const { v, fp, slice, name } = members
  if (v !== 1 || fp !== fingerprint) throw invalidMarker()
  if (typeof slice !== 'number' || !Number.isInteger(slice) || slice < 0 || slice >= SLICE_COUNT) {
    throw invalidMarker()
  }
  if (typeof name !== 'string' || name === '') throw invalidMarker()
  return { slice, name }
}
