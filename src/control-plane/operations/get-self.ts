import type { Operation } from '../../core/descriptor.js'
import { decodeResource } from '../json-api.js'
import { toUser, type User } from '../resources.js'

/** `GET /api/self`: the user the client acts as. */
export const getSelf: Operation<Record<never, never> | undefined, User> = {
  encode: () => ({ operation: 'GetSelf', method: 'GET', path: '/api/self', headers: {}, idempotent: true }),
  decode: (response, descriptor) => toUser(decodeResource(response, descriptor)),
}
