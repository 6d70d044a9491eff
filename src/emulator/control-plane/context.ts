import type { HandlerResult } from '../context.js'
import type { EmulatorSettings } from '../settings.js'
import type { Store } from '../storage/store.js'

/** What a control-plane handler gets: the caller, the id in the path (if the route has one) and the body. */
export interface ControlPlaneRequest {
  /** The authenticated user; empty on the one public route, `POST /api/sessions`. */
  readonly caller: string
  /** The last path segment of routes ending in an id (`/api/containers/<id>`). */
  readonly id: string
  readonly body: Uint8Array
  readonly store: Store
  readonly settings: EmulatorSettings
}

/** A control-plane route's handler; it throws `ControlPlaneError`s for error answers. */
export type ControlPlaneHandler = (request: ControlPlaneRequest) => HandlerResult
