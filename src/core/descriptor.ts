/** HTTP methods the web API uses. */
export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE'

/**
 * A request body as the transport can send it. JSON bodies are already serialised to text. A stream
 * can be read once only: its request is never retried.
 */
export type RequestBody = string | Uint8Array | Blob | ReadableStream<Uint8Array>

/**
 * A plain, inert description of one HTTP request: what an operation's encoder builds from its options,
 * before anything is sent. It never holds credentials; the client adds them at send time.
 */
export interface RequestDescriptor {
  /** The protocol name of the operation (`GetItem`, `PutObject`, …), used in errors. */
  readonly operation: string
  /** The HTTP method. */
  readonly method: HttpMethod
  /** The percent-encoded path, starting with `/` (the endpoint's own path prefix is added by the client). */
  readonly path: string
  /** The encoded query string without `?`, if any. */
  readonly query?: string
  /** Request headers, including `X-v3io-function` where the operation has one. */
  readonly headers: Readonly<Record<string, string>>
  /** The body, if the request has one (JSON bodies already serialised). */
  readonly body?: RequestBody
  /** Whether the request may be re-sent automatically after a failure (contract: retries and idempotency). */
  readonly idempotent: boolean
  /** The body is a stream, which can be sent once: no attempt is ever repeated, whatever failed. */
  readonly streamBody?: boolean
  /** Hand a successful response's body over as a stream rather than reading it (`getObject({ stream: true })`). */
  readonly streamResponse?: boolean
}

/** What a transport hands back: the status, headers and the whole body. */
export interface RawResponse {
  /** The HTTP status code. */
  readonly status: number
  /** The response headers (case-insensitive). */
  readonly headers: Headers
  /** The whole body; empty when it is handed over as `stream`. */
  readonly body: Uint8Array
  /** The unread body of a successful response to a request that asked for it as a stream. */
  readonly stream?: ReadableStream<Uint8Array>
  /**
   * How the transport's runtime parses a JSON body best, losslessly (big integers as `bigint`), where it
   * knows better than one `JSON.parse` of the decoded text: Node's transport parses large bodies in
   * pieces (src/core/json-pieces.ts). Decoders use it when present.
   */
  readonly parseJson?: (body: Uint8Array) => unknown
}

/**
 * One web-API operation: a pure encoder from its options to a descriptor, and a decoder from a successful
 * response to its typed output. No I/O happens in either.
 */
export interface Operation<Options, Output> {
  /** Builds the request from the options; throws `ValidationError` for bad options (nothing is sent). */
  encode(options: Options): RequestDescriptor
  /**
   * Reads a successful response to `descriptor`'s request into the operation's output; throws
   * `DecodeError` when the body does not match the operation. Calling it yourself: `prepare` first.
   */
  decode(response: RawResponse, descriptor: RequestDescriptor): Output
  /**
   * Loads what `decode` needs and few apps use (the listings' XML parser; in browsers, the response
   * decoders), once: a promise while it loads, then `undefined`. Executors start it with the request and
   * await it before decoding; code calling `decode` itself awaits it first (Node, Deno and Bun have the
   * response decoders from the start).
   */
  prepare?(): Promise<void> | undefined
}

/** Header name that selects a data-service function. */
export const functionHeader = 'X-v3io-function'

/** JSON request headers for a data-service function call. */
export function functionHeaders(functionName: string): Record<string, string> {
  return { [functionHeader]: functionName, 'Content-Type': 'application/json' }
}
