import { isBrandedInstance } from './brand.js'
import type { ErrorBody, RequestSummary, Response } from './response.js'

export type { ErrorBody } from './response.js'

/**
 * Base class of every error the SDK throws; `instanceof V3ioError` catches them all, including errors
 * raised by another copy of the package in the same process (its CommonJS build when you `import`, or
 * the other way round): see {@link V3ioError.brand}.
 */
export class V3ioError extends Error {
  /** The class's name (`'V3ioError'`, `'HttpResponseError'`, …), which stack traces and logs print. */
  override name = 'V3ioError'

  /**
   * The class's identity in every copy of the package: `instanceof` accepts an error whose class, in any
   * copy, has the same brand. Subclasses of your own have none, and keep the ordinary `instanceof`.
   */
  static readonly brand: string = 'v3io.V3ioError'

  /** `instanceof` by prototype or by brand (see {@link V3ioError.brand}). */
  static override [Symbol.hasInstance]<T extends abstract new (...args: never[]) => unknown>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, a subclass included
    return isBrandedInstance(this, value)
  }
}

/** Raised when raise-for-status rejects a response: the server answered, with a status the caller did not accept. */
export class HttpResponseError extends V3ioError {
  override name = 'HttpResponseError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.HttpResponseError'
  // Declared only (assigned in the constructor, in this order): no field definitions in the output.
  /** The HTTP status. */
  declare readonly statusCode: number
  /** The protocol's error code, when the body was a JSON error. */
  declare readonly errorCode: number | undefined
  /** The protocol's error message, when the body was a JSON error. */
  declare readonly errorMessage: string | undefined
  /** The nested error, if any. */
  declare readonly inner: ErrorBody | undefined
  /** The protocol name of the failed operation, e.g. `GetItem` or `GetObject`. */
  declare readonly operation: string
  /** The HTTP method sent. */
  declare readonly method: string
  /** The URL requested (never carries credentials). */
  declare readonly url: string
  /** The whole response: headers, raw body and the decoded error. */
  declare readonly response: Response

  /**
   * `operation`, `method` and `url` default to the request the response came from (`response.request`);
   * give them for a response that no single request stands behind (a composite's).
   */
  constructor(init: Partial<RequestSummary> & { response: Response }) {
    const { response } = init
    const { request, error } = response
    const operation = init.operation ?? request?.operation ?? ''
    const method = init.method ?? request?.method ?? ''
    const url = init.url ?? request?.url ?? ''
    super(
      `${describeRequest(operation, method, url)} failed with status ${response.statusCode}: ${failureText(response)}`,
    )
    this.statusCode = response.statusCode
    this.errorCode = error?.errorCode
    this.errorMessage = error?.errorMessage
    this.inner = error?.inner
    this.operation = operation
    this.method = method
    this.url = url
    this.response = response
  }
}

/** No HTTP response arrived: DNS failure, refused or reset connection, TLS failure. `cause` holds the runtime's error. */
export class NetworkError extends V3ioError {
  override name = 'NetworkError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.NetworkError'
  constructor(
    message: string,
    /** The protocol name of the operation. */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** The request (including its retries) did not complete within the timeout. */
export class RequestTimeoutError extends V3ioError {
  override name = 'RequestTimeoutError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.RequestTimeoutError'
  constructor(
    /** The protocol name of the operation. */
    readonly operation: string,
    /** The timeout that expired, in milliseconds. */
    readonly timeout: number,
    /** The method and URL of the request, for the message (e.g. `GET http://host:8081/users/bob`). */
    target?: string,
  ) {
    super(`${operation}${target ? ` ${target}` : ''} timed out after ${timeout} ms`)
  }
}

/**
 * A response body grew past the client's cap (`maxResponseBytes`, or `maxObjectBytes` for `GetObject`):
 * the client dropped the connection instead of buffering it, and does not retry.
 */
export class ResponseTooLargeError extends V3ioError {
  override name = 'ResponseTooLargeError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.ResponseTooLargeError'
  constructor(
    /** The cap that was exceeded, in bytes. */
    readonly limit: number,
    /** The protocol name of the operation; empty when a transport raises it, before the client names it. */
    readonly operation = '',
  ) {
    super(`${operation ? `the ${operation}` : 'the'} response body exceeds the limit of ${limit} bytes`)
  }
}

/** The caller's `AbortSignal` fired before the request completed. */
export class RequestAbortedError extends V3ioError {
  override name = 'RequestAbortedError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.RequestAbortedError'
  constructor(
    /** The protocol name of the operation. */
    readonly operation: string,
    /** The signal's reason. */
    readonly reason: unknown,
    /** The method and URL of the request, for the message. */
    target?: string,
  ) {
    super(`${operation}${target ? ` ${target}` : ''} was aborted`, { cause: reason })
  }
}

/** Bad input, detected before anything was sent. `parameter` names the offending option. */
export class ValidationError extends V3ioError {
  override name = 'ValidationError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.ValidationError'
  constructor(
    /** The name of the bad parameter, e.g. `path` or `records[3].data`. */
    readonly parameter: string,
    message: string,
  ) {
    super(`Invalid ${parameter}: ${message}`)
  }
}

/** A response body that does not match its operation's format. */
export class DecodeError extends V3ioError {
  override name = 'DecodeError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.DecodeError'
  constructor(
    /** The protocol name of the operation. */
    readonly operation: string,
    /** The HTTP status of the undecodable response. */
    readonly statusCode: number,
    message: string,
    /** The first bytes of the body, as text. */
    readonly bodyPrefix: string,
  ) {
    super(`Cannot decode the ${operation} response (status ${statusCode}): ${message}`)
  }
}

/** The client is misconfigured: no endpoint, no credentials, a malformed endpoint. */
export class ConfigurationError extends V3ioError {
  override name = 'ConfigurationError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.ConfigurationError'
}

const textDecoder = new TextDecoder()
const previewLimit = 4096

/** `GetItem GET http://host:8081/users/bob`: what a person needs to find the request (never a credential). */
function describeRequest(operation: string, method: string, url: string): string {
  return [operation || 'Request', method, url].filter((part) => part !== '').join(' ')
}

/** The platform's error message (and its nested one) when the body was a JSON error, else the body's text. */
function failureText(response: Response): string {
  const { error } = response
  if (error?.errorMessage === undefined) return bodyPreview(response.body)
  const inner = error.inner?.errorMessage
  const code = error.errorCode === undefined ? '' : ` (error code ${error.errorCode})`
  return `${error.errorMessage}${code}${inner === undefined ? '' : `; ${inner}`}`
}

/** The response body as text, cut at a few kilobytes so that a huge error page cannot flood logs. */
export function bodyPreview(body: Uint8Array): string {
  const text = textDecoder.decode(body.subarray(0, previewLimit))
  return body.length > previewLimit ? `${text}…` : text
}
