import type { IncomingMessage } from 'node:http'
import { ApiError } from './api-error.js'
import type { EmulatorSettings } from './settings.js'

/** Checks the request's credential when the emulator was started with keys or users (ED-14). */
export function authenticate(request: IncomingMessage, settings: EmulatorSettings): void {
  if (settings.accessKeys.length === 0 && settings.users.size === 0) return
  if (!isValid(request, settings)) throw new ApiError(401, -1, 'Unauthorized')
}

function isValid(request: IncomingMessage, settings: EmulatorSettings): boolean {
  const sessionKey = request.headers['x-v3io-session-key']
  if (typeof sessionKey === 'string') return settings.accessKeys.includes(sessionKey)
  const authorization = request.headers.authorization?.trim()
  if (!authorization) return false
  const [scheme = '', rest = ''] = authorization.split(/\s+(.*)/s)
  if (scheme === 'AWS') return settings.accessKeys.includes(rest.split(':')[0] ?? '')
  if (scheme === 'AWS4-HMAC-SHA256') {
    const credential = /Credential=([^/,\s]+)/.exec(rest)?.[1]
    return credential !== undefined && settings.accessKeys.includes(credential)
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(rest, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return false
    const password = settings.users.get(decoded.slice(0, colon))
    return password !== undefined && password === decoded.slice(colon + 1)
  }
  return false
}
