import type { HandlerResult } from '../context.js'

/**
 * A control-plane error answer: the pipeline of `/api/` turns it into a JSON:API error body,
 * `{"errors":[{"status":404,"detail":"container not found"}]}` (control-plane.md, CP-2).
 */
export class ControlPlaneError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }

  /** The JSON:API error answer. */
  result(): HandlerResult {
    return {
      status: this.status,
      headers: this.headers,
      body: JSON.stringify({ errors: [{ status: this.status, detail: this.detail }] }),
      contentType: 'application/json',
    }
  }
}

/** 400 with a detail naming what is wrong. */
export function badRequest(detail: string): ControlPlaneError {
  return new ControlPlaneError(400, detail)
}

/** A single resource answer, `{"data":{"type","id","attributes"}}`. */
export function resourceResult(
  status: number,
  type: string,
  id: string | number,
  attributes: Record<string, unknown>,
  headers?: Record<string, string>,
): HandlerResult {
  return jsonApiResult(status, { data: { type, id, attributes } }, headers)
}

/** A list answer, `{"data":[…]}`. */
export function listResult(
  type: string,
  items: readonly { id: string | number; attributes: Record<string, unknown> }[],
): HandlerResult {
  return jsonApiResult(200, { data: items.map(({ id, attributes }) => ({ type, id, attributes })) })
}

function jsonApiResult(status: number, value: unknown, headers?: Record<string, string>): HandlerResult {
  return {
    status,
    body: JSON.stringify(value),
    contentType: 'application/json',
    ...(headers ? { headers } : {}),
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The attributes of a request envelope `{"data":{"type":"<type>","attributes":{…}}}`; 400 naming the
 * problem for anything else (bad JSON, another type, attributes that are not an object).
 */
export function readAttributes(body: Uint8Array, type: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8.decode(body))
  } catch {
    throw badRequest('the body must be a JSON:API document: {"data":{"type":…,"attributes":{…}}}')
  }
  const data = isObject(parsed) ? parsed.data : undefined
  if (!isObject(data)) throw badRequest('the body needs a "data" object')
  if (data.type !== type) throw badRequest(`data.type must be "${type}"`)
  const attributes = data.attributes ?? {}
  if (!isObject(attributes)) throw badRequest('data.attributes must be an object')
  return attributes
}

/** An optional string attribute; 400 naming it if it has another type. */
export function stringAttribute(attributes: Record<string, unknown>, name: string): string | undefined {
  const value = attributes[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badRequest(`attribute "${name}" must be a string`)
  return value
}

/** RFC 3339 (UTC, milliseconds) of a time in nanoseconds since the epoch. */
export function rfc3339(nanoseconds: bigint): string {
  return new Date(Number(nanoseconds / 1_000_000n)).toISOString()
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
