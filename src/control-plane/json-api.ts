import type { RawResponse, RequestDescriptor } from '../core/descriptor.js'
import { DecodeError } from '../core/errors.js'

/** One resource of a JSON:API answer: its type, its id (always a string) and its attributes. */
export interface JsonApiResource {
  readonly type: string
  readonly id: string
  readonly attributes: Readonly<Record<string, unknown>>
}

const textDecoder = new TextDecoder()

/** A JSON:API request body, `{"data":{"type":…,"attributes":{…}}}`, without the attributes left undefined. */
export function jsonApiBody(type: string, attributes: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined))
  return JSON.stringify({ data: { type, attributes: defined } })
}

/** JSON request headers of the control plane. */
export const jsonHeaders: Readonly<Record<string, string>> = { 'Content-Type': 'application/json' }

/** The single resource of a `{"data":{…}}` answer. */
export function decodeResource(response: RawResponse, descriptor: RequestDescriptor): JsonApiResource {
  const data = parseData(response, descriptor)
  return toResource(data, response, descriptor)
}

/** The resources of a `{"data":[…]}` answer. */
export function decodeResources(response: RawResponse, descriptor: RequestDescriptor): JsonApiResource[] {
  const data = parseData(response, descriptor)
  if (!Array.isArray(data)) throw decodeError(response, descriptor, '"data" is not a list')
  return data.map((item) => toResource(item, response, descriptor))
}

/** A string attribute, or `''` when the server left it out. */
export function text(resource: JsonApiResource, name: string): string {
  const value = resource.attributes[name]
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
}

/** A numeric attribute, or `undefined` when absent or not a number. */
export function numeric(resource: JsonApiResource, name: string): number | undefined {
  const value = resource.attributes[name]
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined
}

function parseData(response: RawResponse, descriptor: RequestDescriptor): unknown {
  let parsed: unknown
  try {
    parsed = JSON.parse(textDecoder.decode(response.body))
  } catch {
    throw decodeError(response, descriptor, 'the body is not JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || !('data' in parsed))
    throw decodeError(response, descriptor, 'the body has no "data" member')
  return (parsed as { data: unknown }).data
}

function toResource(value: unknown, response: RawResponse, descriptor: RequestDescriptor): JsonApiResource {
  if (typeof value !== 'object' || value === null)
    throw decodeError(response, descriptor, 'a resource is not an object')
  const { type, id, attributes } = value as Record<string, unknown>
  // data.id may be a string or a number (control-plane.md): exposed as a string.
  if (typeof id !== 'string' && typeof id !== 'number')
    throw decodeError(response, descriptor, 'a resource has no id')
  return {
    type: typeof type === 'string' ? type : '',
    id: String(id),
    attributes:
      typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, unknown>) : {},
  }
}

function decodeError(response: RawResponse, descriptor: RequestDescriptor, message: string): DecodeError {
  // The prefix is left empty: these bodies may hold access keys.
  return new DecodeError(descriptor.operation, response.status, message, '')
}
