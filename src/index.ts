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
export const dataplane = { Client, RaiseForStatus } as const
/** The control-plane namespace (`controlplane.Client`): containers, access keys and sessions. */
export const controlplane = { Client: ControlPlaneClient, RaiseForStatus } as const
