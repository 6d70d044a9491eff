import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { ApiError } from './api-error.js'
import type { EmulatorSettings } from './settings.js'

/** Checks the request's credential when the emulator was started with keys or users (ED-14). */
export function authenticate(request: IncomingMessage, settings: EmulatorSettings): void {
  if (settings.accessKeys.length === 0 && settings.users.size === 0) return
  if (!isValid(request, settings)) throw new ApiError(401, -1, 'Unauthorized')
}

// Digests have one length whatever the secrets' lengths, so the comparison's time reveals neither the
// secret's length nor how many of its leading characters a guess got right.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Constant-time equality of two secrets. */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** Whether `given` is one of the keys given at start; every key is compared, so the time does not tell which matched. */
export function isStartupAccessKey(given: string, settings: EmulatorSettings): boolean {
  let found = false
  for (const key of settings.accessKeys) found = secretsEqual(given, key) || found
  return found
}

/** A key given at start, or one minted through `/api/access_keys` and still valid (CP-4: both planes). */
function isAccessKey(given: string, settings: EmulatorSettings): boolean {
  return isStartupAccessKey(given, settings) || settings.identities.isLiveKey(given)
}

const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** `user:password` of a Basic credential, or `undefined` unless it is canonical padded base64 of UTF-8. */
export function decodeBasicCredential(encoded: string): { user: string; password: string } | undefined {
  if (encoded === '' || !strictBase64.test(encoded)) return undefined
  let decoded: string
  try {
    decoded = utf8.decode(Buffer.from(encoded, 'base64'))
  } catch {
    return undefined
  }
  // Non-canonical encodings (stray bits in the last character) do not round-trip: refuse them too.
  if (Buffer.from(decoded, 'utf8').toString('base64') !== encoded) return undefined
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

function isValid(request: IncomingMessage, settings: EmulatorSettings): boolean {
  const sessionKey = request.headers['x-v3io-session-key']
  if (typeof sessionKey === 'string') return isAccessKey(sessionKey, settings)
  const authorization = request.headers.authorization?.trim()
  if (!authorization) return false
  const [scheme = '', rest = ''] = authorization.split(/\s+(.*)/s)
  if (scheme === 'AWS') return isAccessKey(rest.split(':')[0] ?? '', settings)
  if (scheme === 'AWS4-HMAC-SHA256') {
    const credential = /Credential=([^/,\s]+)/.exec(rest)?.[1]
    return credential !== undefined && isAccessKey(credential, settings)
  }
  if (scheme.toLowerCase() === 'basic') {
    const credential = decodeBasicCredential(rest.trim())
    if (credential === undefined) return false
    // Unknown users cost the same comparison as known ones.
    const password = settings.users.get(credential.user)
    const matches = secretsEqual(credential.password, password ?? '')
    return password !== undefined && matches
  }
  return false
}
