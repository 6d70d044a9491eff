import { secretsEqual } from '../authentication.js'
import type { ControlPlaneHandler } from './context.js'
import { sessionCookie } from './cookies.js'
import {
  badRequest,
  ControlPlaneError,
  readAttributes,
  resourceResult,
  rfc3339,
  stringAttribute,
} from './json-api.js'

/**
 * `POST /api/sessions`: logs a user in with a password and sets the session cookie (CP-3). An emulator
 * started without keys or users accepts any name and password, as its data plane accepts any request.
 */
export const createSession: ControlPlaneHandler = ({ body, settings }) => {
  const attributes = readAttributes(body, 'session')
  const username = stringAttribute(attributes, 'username')
  const password = stringAttribute(attributes, 'password')
  if (!username) throw badRequest('attribute "username" is required')
  if (password === undefined) throw badRequest('attribute "password" is required')
  const plane = stringAttribute(attributes, 'plane') ?? 'control'
  if (plane !== 'control') throw badRequest('attribute "plane" must be "control"')
  const checking = settings.accessKeys.length > 0 || settings.users.size > 0
  // Unknown users cost the same comparison as known ones.
  const expected = settings.users.get(username)
  const matches = secretsEqual(password, expected ?? '')
  if (checking && !(expected !== undefined && matches))
    throw new ControlPlaneError(401, 'wrong username or password')
  const session = settings.identities.openSession(username)
  return resourceResult(
    201,
    'session',
    session.id,
    { username, plane, created_at: rfc3339(session.createdAt) },
    { 'Set-Cookie': sessionCookie(session.id) },
  )
}
