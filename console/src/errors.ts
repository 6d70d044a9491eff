import { HttpResponseError } from 'v3io'

/**
 * A failure as the console shows it: the status and the server's message for an HTTP error, else the
 * SDK error's message (SDK errors never contain the access key).
 */
export function describeError(error: unknown): string {
  if (error instanceof HttpResponseError) {
    return `${error.statusCode}${error.errorMessage ? `: ${error.errorMessage}` : ''}`
  }
  if (error instanceof Error) return error.message
  return String(error)
}

/** The server's message of an HTTP error, if it sent one. */
export function serverMessage(error: unknown): string | undefined {
  return error instanceof HttpResponseError ? error.errorMessage : undefined
}
