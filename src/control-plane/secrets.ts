import { type ClientHooks, type ObservedRequest, sanitized } from '../transport/hooks.js'
import { accessKeyPath } from './operations/delete-access-key.js'

/** Operations whose answers carry access keys or a session: hooks get them without body or headers. */
export const secretAnswers = new Set([
  'CreateSession',
  'CreateAccessKey',
  'GetOrCreateAccessKey',
  'ListAccessKeys',
])

/** A URL with the access key of `DELETE /api/access_keys/<key>` replaced by `SANITIZED`. */
export function hideKeyInUrl(url: string): string {
  const at = url.indexOf(accessKeyPath)
  return at < 0 ? url : url.slice(0, at + accessKeyPath.length) + sanitized
}

/**
 * The caller's hooks behind a guard that keeps the control plane's secrets from them: keys in URLs,
 * and the bodies and headers (`Set-Cookie`) of answers that carry keys or sessions.
 */
export function guardHooks(hooks: ClientHooks | undefined): ClientHooks | undefined {
  if (!hooks?.beforeRequest && !hooks?.afterResponse) return undefined
  const { beforeRequest, afterResponse } = hooks
  return {
    ...(beforeRequest && { beforeRequest: (request) => beforeRequest(guardRequest(request)) }),
    ...(afterResponse && {
      afterResponse: (outcome) => {
        const secret = secretAnswers.has(outcome.request.operation) && outcome.status !== undefined
        afterResponse({
          ...outcome,
          request: guardRequest(outcome.request),
          ...(secret && { headers: new Headers(), body: new Uint8Array(0) }),
        })
      },
    }),
  }
}

function guardRequest(request: ObservedRequest): ObservedRequest {
  return { ...request, url: hideKeyInUrl(request.url) }
}
