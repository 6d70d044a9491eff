/** The JSON error body of the protocol, with an optional nested error (ED-8, ED-34). */
export interface ErrorPayload {
  ErrorCode: number
  ErrorMessage: string
  Inner?: ErrorPayload
}

/**
 * A protocol error answer. Handlers throw it; the pipeline turns it into the HTTP status and the compact
 * JSON body of the error catalogue (transport.md). Extra headers ride along (e.g. the verifier header on
 * condition-false answers, `Allow` on 405).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    readonly errorMessage: string,
    readonly inner?: ErrorPayload,
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessage)
  }

  /** The JSON body: `{"ErrorCode":…,"ErrorMessage":…[,"Inner":…]}`, members in this order. */
  payload(): ErrorPayload {
    const body: ErrorPayload = { ErrorCode: this.errorCode, ErrorMessage: this.errorMessage }
    if (this.inner) body.Inner = this.inner
    return body
  }
}

/** ErrorCode of request-validation errors and of most stream exceptions. */
export const invalidArgumentCode = -201326592

/** 400 `InvalidArgumentException[: detail]`. */
export function invalidArgument(detail?: string): ApiError {
  return new ApiError(
    400,
    invalidArgumentCode,
    detail ? `InvalidArgumentException: ${detail}` : 'InvalidArgumentException',
  )
}

/** 404 -2 `No such file or directory`. */
export function noSuchFile(): ApiError {
  return new ApiError(404, -2, 'No such file or directory')
}

/** 404 -2 `Container not found`. */
export function containerNotFound(): ApiError {
  return new ApiError(404, -2, 'Container not found')
}

/** 403 -1 `Operation not permitted`. */
export function notPermitted(): ApiError {
  return new ApiError(403, -1, 'Operation not permitted')
}

/** 409 -20 `Not a directory` (a parent component is a file; ED-24). */
export function notADirectory(status = 409): ApiError {
  return new ApiError(status, -20, 'Not a directory')
}

/** 409 -21 `Is a directory`. */
export function isADirectory(): ApiError {
  return new ApiError(409, -21, 'Is a directory')
}

/** 409 -17 `File exists`. */
export function fileExists(): ApiError {
  return new ApiError(409, -17, 'File exists')
}

/** 409 -39 `Directory not empty` (ED-16). */
export function directoryNotEmpty(): ApiError {
  return new ApiError(409, -39, 'Directory not empty')
}

/** 413 -27 with the given canonical message (ED-5). */
export function tooLarge(message: 'Request entity too large' | 'File too large'): ApiError {
  return new ApiError(413, -27, message)
}

/** 405 `InvalidArgumentException: method not allowed` with an `Allow` header (ED-45). */
export function methodNotAllowed(allow: string): ApiError {
  return new ApiError(405, invalidArgumentCode, 'InvalidArgumentException: method not allowed', undefined, {
    Allow: allow,
  })
}
