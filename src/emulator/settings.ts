import type { Clock } from './clock.js'
import type { ConsoleFiles } from './console-page.js'
import type { Identities } from './control-plane/identities.js'

/** The emulator's configuration, all defaults filled in. */
export interface EmulatorSettings {
  /** Access keys accepted; empty means every request is accepted (ED-14). */
  readonly accessKeys: readonly string[]
  /** Basic-auth users accepted, `user → password`. */
  readonly users: ReadonlyMap<string, string>
  /**
   * Origins allowed by CORS. `undefined` allows loopback origins only (`http://localhost:*`,
   * `http://127.0.0.1:*`, `http://[::1]:*`); `'*'` in the list allows every origin (docs/emulator-safety.md).
   */
  readonly allowedOrigins: readonly string[] | undefined
  /**
   * Host names (without port) accepted in the `Host` header besides loopback names, against DNS
   * rebinding; `undefined` checks nothing (the emulator listens on a non-loopback address), `'*'` in the
   * list accepts every host.
   */
  readonly allowedHosts: readonly string[] | undefined
  /** Largest object body, bytes (ED-5, revised to 1 GiB by default: docs/emulator-safety.md). */
  readonly maxObjectSize: number
  /** GetItems pages end at virtual-node group boundaries (ED-38); tests may switch it off. */
  readonly scanGroupBoundaries: boolean
  /** Milliseconds of filter evaluation after which a GetItems page that holds an item ends early. */
  readonly scanPageBudget: number
  /** Work units one item's expression evaluation may spend in one request (docs/decisions-emulator.md, DE-1). */
  readonly expressionWorkLimit: number
  /** What GetClusterMD answers as `NumberOfVNs` (ED-49; default 8). */
  readonly numberOfVNs: number
  readonly clock: Clock
  /** Sessions and minted access keys of the control plane (`/api/`), which change as it runs. */
  readonly identities: Identities
  /** The web console's page and scripts (docs/console.md); `undefined` without `--console`. */
  readonly console?: ConsoleFiles | undefined
}
