import type { IncomingMessage } from 'node:http'
import { isStartupAccessKey } from '../authentication.js'
import type { EmulatorSettings } from '../settings.js'
import { sessionIdFromCookie } from './cookies.js'
import { ControlPlaneError } from './json-api.js'

/**
 * The user that access keys given at start (`--access-key`) act as, and every caller of an emulator
 * started without keys or users (docs/decisions-controlplane.md).
 */
export const defaultUser = 'admin'

/**
 * Who is calling a control-plane route, from the `session` cookie (CP-4): a session the emulator issued,
 * an access key minted through `/api/access_keys`, or a key given at start. An emulator started without
 * keys or users accepts any caller (as `admin`, or the user of a session it knows); otherwise a missing or
 * unknown credential is 401.
 */
export function identifyCaller(request: IncomingMessage, settings: EmulatorSettings): string {
  const sid = sessionIdFromCookie(request.headers.cookie)
  if (sid !== undefined) {
    const session = settings.identities.session(sid)
    if (session) return session.username
    const key = settings.identities.liveKey(sid)
    if (key) return key.owner
    if (isStartupAccessKey(sid, settings)) return defaultUser
  }
  if (settings.accessKeys.length === 0 && settings.users.size === 0) return defaultUser
  throw new ControlPlaneError(
    401,
    sid === undefined
      ? 'authentication required: a session cookie or an access-key cookie'
      : 'unknown or expired session or access key',
  )
}
