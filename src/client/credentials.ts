import { encodeBase64 } from '../core/base64.js'
import { ConfigurationError, ValidationError } from '../core/errors.js'
import { readEnvironment } from './environment.js'

/**
 * The credential header a request carries, or none when authentication is switched off. `Cookie` is the
 * control plane's (`src/control-plane/`).
 */
export type Credential =
  | { header: 'X-v3io-session-key' | 'Authorization' | 'Cookie'; value: string }
  | undefined

/** Credential options of the client. */
export interface CredentialOptions {
  /** Access key sent in `X-v3io-session-key`. Defaults to the `V3IO_ACCESS_KEY` environment variable. */
  accessKey?: string
  /** User name for HTTP Basic authentication (with `password`). Defaults to `V3IO_USERNAME`. */
  username?: string
  /** Password for HTTP Basic authentication. Defaults to `V3IO_PASSWORD`. */
  password?: string
  /**
   * Set to `false` to send no credentials at all: for a proxy that adds them, or an emulator started
   * without keys. Default `true`: a client without credentials is a configuration error.
   */
  authenticate?: boolean
}

const printableAscii = /^[\x20-\x7e]+$/

/** Checks an access key where it can travel as a header value (no CR/LF injection), without echoing it. */
export function accessKeyCredential(accessKey: string, parameter: string): Credential {
  if (typeof accessKey !== 'string' || !printableAscii.test(accessKey))
    throw new ValidationError(parameter, 'must be a non-empty string of printable ASCII characters')
  return { header: 'X-v3io-session-key', value: accessKey }
}

function basicCredential(username: string, password: string): Credential {
  if (username.includes(':')) throw new ValidationError('username', 'must not contain ":"')
  return {
    header: 'Authorization',
    value: `Basic ${encodeBase64(new TextEncoder().encode(`${username}:${password}`))}`,
  }
}

/** Resolves the client's credential in the contract's order: options, then environment variables. */
export function resolveCredential(options: CredentialOptions): Credential {
  if (options.authenticate === false) return undefined
  if (options.accessKey !== undefined) return accessKeyCredential(options.accessKey, 'accessKey')
  if (options.username !== undefined && options.password !== undefined)
    return basicCredential(options.username, options.password)
  const environmentKey = readEnvironment('V3IO_ACCESS_KEY')
  if (environmentKey !== undefined) return accessKeyCredential(environmentKey, 'V3IO_ACCESS_KEY')
  const username = readEnvironment('V3IO_USERNAME')
  const password = readEnvironment('V3IO_PASSWORD')
  if (username !== undefined && password !== undefined) return basicCredential(username, password)
  throw new ConfigurationError(
    'No credentials: pass the `accessKey` option (or `username` and `password`), set V3IO_ACCESS_KEY, ' +
      'or pass `authenticate: false` for an endpoint that needs none',
  )
}
