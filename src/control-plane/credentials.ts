import { accessKeyCredential, type Credential } from '../client/credentials.js'
import { readEnvironment } from '../client/environment.js'
import { ConfigurationError, ValidationError } from '../core/errors.js'
import type { ControlPlaneClientOptions } from './options.js'

/** How the client authenticates: a fixed cookie (an access key, or none), or a login with a password. */
export type ControlPlaneCredentials =
  | { readonly kind: 'fixed'; readonly credential: Credential }
  | { readonly kind: 'login'; readonly username: string; readonly password: string }

/** The `Cookie` of an access key: Express's JSON cookie, exactly as the Go SDK writes it (control-plane.md). */
export function accessKeyCookie(accessKey: string, parameter: string): Credential {
  const checked = accessKeyCredential(accessKey, parameter)?.value ?? ''
  return { header: 'Cookie', value: `session=${encodeURIComponent(`j:{"sid": ${JSON.stringify(checked)}}`)}` }
}

/** The `session=…` pair among a login answer's `Set-Cookie` headers, as a credential to send back. */
export function sessionCookie(headers: Headers): Credential {
  const values = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : []
  if (values.length === 0) values.push(...(headers.get('set-cookie')?.split(/,(?=\s*session=)/) ?? []))
  for (const value of values) {
    const pair = value.split(';')[0]?.trim() ?? ''
    if (pair.startsWith('session=') && pair.length > 'session='.length)
      return { header: 'Cookie', value: pair }
  }
  // A browser hides Set-Cookie and keeps the cookie itself (with `credentials: 'include'`).
  return undefined
}

/**
 * Resolves the credentials in this order: `authenticate: false`; the `accessKey` option; `username` and
 * `password`; then `V3IO_ACCESS_KEY`, then `V3IO_USERNAME` and `V3IO_PASSWORD`.
 */
export function resolveControlPlaneCredentials(options: ControlPlaneClientOptions): ControlPlaneCredentials {
  if (options.authenticate === false) return { kind: 'fixed', credential: undefined }
  if (options.accessKey !== undefined)
    return { kind: 'fixed', credential: accessKeyCookie(options.accessKey, 'accessKey') }
  if (options.username !== undefined || options.password !== undefined)
    return login(options.username, options.password, 'username', 'password')
  const environmentKey = readEnvironment('V3IO_ACCESS_KEY')
  if (environmentKey !== undefined)
    return { kind: 'fixed', credential: accessKeyCookie(environmentKey, 'V3IO_ACCESS_KEY') }
  const username = readEnvironment('V3IO_USERNAME')
  const password = readEnvironment('V3IO_PASSWORD')
  if (username !== undefined || password !== undefined)
    return login(username, password, 'V3IO_USERNAME', 'V3IO_PASSWORD')
  throw new ConfigurationError(
    'No credentials: pass the `accessKey` option (or `username` and `password`), set V3IO_ACCESS_KEY, ' +
      'or pass `authenticate: false` for an endpoint that needs none',
  )
}

function login(
  username: unknown,
  password: unknown,
  usernameParameter: string,
  passwordParameter: string,
): ControlPlaneCredentials {
  if (typeof username !== 'string' || username === '')
    throw new ValidationError(usernameParameter, 'must be a non-empty string (with a password)')
  if (typeof password !== 'string')
    throw new ValidationError(passwordParameter, 'must be a string (with a username)')
  return { kind: 'login', username, password }
}
