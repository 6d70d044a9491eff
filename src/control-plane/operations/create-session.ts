import type { Operation } from '../../core/descriptor.js'
import { jsonApiBody, jsonHeaders } from '../json-api.js'

/** What logging in needs. */
export interface CreateSessionOptions {
  username: string
  password: string
}

/**
 * `POST /api/sessions`: logs in (CP-3). The client runs it itself, lazily, and keeps the cookie; its
 * response is never handed out, since it carries the session.
 */
export const createSession: Operation<CreateSessionOptions, undefined> = {
  encode: ({ username, password }) => ({
    operation: 'CreateSession',
    method: 'POST',
    path: '/api/sessions',
    headers: jsonHeaders,
    body: jsonApiBody('session', { username, password, plane: 'control' }),
    // A session opened by a lost answer is harmless: log in again.
    idempotent: true,
  }),
  decode: () => undefined,
}
