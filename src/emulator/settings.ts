import type { Clock } from './clock.js'

/** The emulator's configuration, all defaults filled in. */
export interface EmulatorSettings {
  /** Access keys accepted; empty means every request is accepted (ED-14). */
  readonly accessKeys: readonly string[]
  /** Basic-auth users accepted, `user → password`. */
  readonly users: ReadonlyMap<string, string>
  /** Origins allowed by CORS; `undefined` allows every origin (ED-15). */
  readonly allowedOrigins: readonly string[] | undefined
  /** Largest object body, bytes (ED-5; default 5 GiB). */
  readonly maxObjectSize: number
  /** GetItems pages end at virtual-node group boundaries (ED-38); tests may switch it off. */
  readonly scanGroupBoundaries: boolean
  /** What GetClusterMD answers as `NumberOfVNs` (ED-49; default 8). */
  readonly numberOfVNs: number
  readonly clock: Clock
}
