/**
 * The emulator's defaults, declared once: `startEmulator` applies them and the CLI's `--help` prints
 * them (cli-options.ts).
 */

import { defaultNumberOfVNs } from './cluster/get-cluster-md.js'
import { DEFAULT_MAX_IDLE_CONNECTIONS } from './connection-tracker.js'
import { DEFAULT_EXPRESSION_WORK_LIMIT } from './expressions/index.js'

/** Every default of `EmulatorOptions` and of the CLI that is a value. */
export const emulatorDefaults = {
  /** ED-20. */
  port: 8081,
  /** Loopback, so that an unauthenticated server is not exposed. */
  host: '127.0.0.1',
  /** ED-17. */
  containers: ['bigdata', 'users'] as readonly string[],
  /** 1 GiB: a Node buffer holds it (4 GiB at most), and an in-memory store can afford a few. */
  maxObjectSize: 1024 ** 3,
  /** Milliseconds in-flight requests get to finish on SIGTERM/SIGINT (docs/emulator-safety.md, S-10). */
  shutdownGraceMs: 10_000,
  /** Milliseconds of filter work after which a GetItems page ends early (S-5). */
  scanPageBudget: 250,
  /** Work units of one item's expressions in one request (docs/decisions-emulator.md, DE-1). */
  expressionWorkLimit: DEFAULT_EXPRESSION_WORK_LIMIT,
  /** Idle connections kept open (S-8). */
  maxIdleConnections: DEFAULT_MAX_IDLE_CONNECTIONS,
  /** ED-49. */
  numberOfVNs: defaultNumberOfVNs,
} as const
