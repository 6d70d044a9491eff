import type { IncomingMessage } from 'node:http'
import { ApiError } from './api-error.js'
import { isOriginAllowed } from './origin-policy.js'
import type { EmulatorSettings } from './settings.js'

const allowMethods = 'GET, HEAD, PUT, POST, DELETE'
const allowHeaders =
  'X-v3io-function, X-v3io-session-key, Authorization, Content-Type, Range, X-v3io-response-content-type, X-v3io-client'
const exposeHeaders =
  'X-v3io-transaction-verifier, Content-Length, Content-Range, Last-Modified, Content-Type'

// ED-15 reflected every origin by default; loopback only is the safe default (docs/emulator-safety.md).
function allowed(origin: string, settings: EmulatorSettings): boolean {
  return isOriginAllowed(origin, settings.allowedOrigins)
}

/**
 * Refuses an actual request from a browser page whose origin is not allowed. Withholding CORS headers
 * only stops the page from reading the answer; "simple" requests (a POST of `text/plain`, which
 * PutObject accepts) reach the server without a preflight, so they must be refused before any effect.
 */
export function refuseForeignOrigin(request: IncomingMessage, settings: EmulatorSettings): void {
  const origin = request.headers.origin
  if (origin !== undefined && !allowed(origin, settings)) throw originNotAllowed()
}

function originNotAllowed(): ApiError {
  return new ApiError(403, -1, 'Operation not permitted: origin not allowed')
}

/** CORS headers for an actual request from an allowed origin (ED-15); none otherwise. */
export function corsHeaders(request: IncomingMessage, settings: EmulatorSettings): Record<string, string> {
  const origin = request.headers.origin
  if (origin === undefined || !allowed(origin, settings)) return {}
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': exposeHeaders,
  }
}

/** Answers `OPTIONS`: a preflight (ED-15), or a plain `Allow` answer without `Origin`. */
export function answerOptions(
  request: IncomingMessage,
  settings: EmulatorSettings,
): { headers: Record<string, string> } {
  const origin = request.headers.origin
  if (origin === undefined) return { headers: { Allow: `${allowMethods}, OPTIONS` } }
  if (!allowed(origin, settings)) throw originNotAllowed()
  return {
    headers: {
      'Access-Control-Allow-Origin': origin,
      Vary: 'Origin',
      'Access-Control-Allow-Methods': allowMethods,
      'Access-Control-Allow-Headers': allowHeaders,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Max-Age': '600',
    },
  }
}
