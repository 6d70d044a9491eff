import { ownerId } from '../storage/nodes.js'
import type { ControlPlaneHandler } from './context.js'
import { resourceResult } from './json-api.js'

/**
 * `GET /api/self`: the calling user. The emulator knows only names, so the other attributes are fixed:
 * no first or last name, no email, the uid every object is owned by (ED-29), enabled.
 */
export const getSelf: ControlPlaneHandler = ({ caller }) =>
  resourceResult(200, 'user', caller, {
    username: caller,
    first_name: '',
    last_name: '',
    email: '',
    uid: ownerId,
    enabled: true,
  })
