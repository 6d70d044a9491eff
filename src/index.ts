/**
 * `v3io`: the TypeScript SDK of the Iguazio V3IO data layer (containers, objects, key-value items and
 * streams), for browsers, Node, Deno and a CDN `<script>` tag.
 *
 * @packageDocumentation
 */
import { Client } from './client/client.js'
import { ControlPlaneClient } from './control-plane/client.js'
import { RaiseForStatus } from './core/raise-for-status.js'

export * from './control-plane/index.js'
export * from './index.data-plane.js'

/** The data-plane namespace, mirroring the Python SDK's `v3io.dataplane` (`dataplane.Client`). */
export const dataplane = {
  /** The same class as the top-level `Client`. */
  Client,
  /** The same values as the top-level `RaiseForStatus`. */
  RaiseForStatus,
} as const
/** The control-plane namespace (`controlplane.Client`): containers, access keys and sessions. */
export const controlplane = {
  /** The same class as the top-level `ControlPlaneClient`. */
  Client: ControlPlaneClient,
  /** The same values as the top-level `RaiseForStatus`. */
  RaiseForStatus,
} as const
