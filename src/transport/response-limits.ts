import { byteCount } from '../core/number-options.js'

/** The most bytes of a response body the client accepts, by kind of answer. */
export interface ResponseLimits {
  /** Every answer but object contents (JSON, XML, error bodies). */
  readonly maxResponseBytes: number
  /** The contents of `GetObject`, which the caller asked for. */
  readonly maxObjectBytes: number
}

/** The default caps: 64 MiB for JSON and XML answers (a GetItems page or GetRecords batch is far smaller), none for object contents. */
export const defaultResponseLimits: ResponseLimits = {
  maxResponseBytes: 64 * 2 ** 20,
  maxObjectBytes: Number.POSITIVE_INFINITY,
}

/** The limits of the client's options, checked, with the defaults filled in. */
export function responseLimits(options: {
  maxResponseBytes?: number
  maxObjectBytes?: number
}): ResponseLimits {
  return {
    maxResponseBytes: byteLimit(
      'maxResponseBytes',
      options.maxResponseBytes,
      defaultResponseLimits.maxResponseBytes,
    ),
    maxObjectBytes: byteLimit('maxObjectBytes', options.maxObjectBytes, defaultResponseLimits.maxObjectBytes),
  }
}

function byteLimit(name: string, value: unknown, fallback: number): number {
  return value === undefined ? fallback : byteCount(name, value)
}
