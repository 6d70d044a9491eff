/**
 * Opens a SQLite database with whichever driver the runtime has: `node:sqlite` (Node 22.5+), else the
 * optional peer dependency `better-sqlite3` 12.x. Both are loaded only here, lazily, and only when the
 * emulator is given a data directory, so neither the SDK nor an in-memory emulator ever needs them.
 */

/** A value bound to or read from a statement. Integers beyond 2^53 are stored as text by our schema. */
export type SqlValue = string | number | Uint8Array | null

/** A prepared statement: the part of the API both drivers share. */
export interface SqlStatement {
  run(...parameters: SqlValue[]): unknown
  all(...parameters: SqlValue[]): Record<string, unknown>[]
  get(...parameters: SqlValue[]): Record<string, unknown> | undefined
}

/** An open database: the part of the API both drivers share. */
export interface SqlDatabase {
  exec(sql: string): void
  prepare(sql: string): SqlStatement
  close(): void
}

/** An open database and the name of the driver that opened it. */
export interface OpenedDatabase {
  readonly database: SqlDatabase
  /** `node:sqlite` or `better-sqlite3`. */
  readonly driver: string
}

type DatabaseConstructor = new (path: string) => SqlDatabase

// Held in variables so that bundlers and the type checker leave the imports alone: they must stay
// runtime look-ups that the SDK's bundles never follow.
const builtinModule = 'node:sqlite'
const peerModule = 'better-sqlite3'

/** The one-line message for a runtime with neither driver. */
export const missingDriverMessage =
  '--data-dir needs SQLite: run Node 22.5+ (node:sqlite) or install the optional peer dependency: npm install better-sqlite3@12'

/** Loads a module, or gives `undefined` when the runtime does not have it. */
export type ModuleImporter = (specifier: string) => Promise<Record<string, unknown> | undefined>

/** Opens (creating if needed) the database file at `path`; `importModule` is replaceable for tests. */
export async function openDatabase(
  path: string,
  importModule: ModuleImporter = importOptional,
): Promise<OpenedDatabase> {
  const builtin = await importModule(builtinModule)
  const DatabaseSync = builtin?.DatabaseSync as DatabaseConstructor | undefined
  if (typeof DatabaseSync === 'function') return { database: new DatabaseSync(path), driver: builtinModule }
  const peer = await importModule(peerModule)
  const Database = (peer?.default ?? peer) as DatabaseConstructor | undefined
  if (typeof Database !== 'function') throw new Error(missingDriverMessage)
  return { database: new Database(path), driver: peerModule }
}

async function importOptional(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(specifier)) as Record<string, unknown>
  } catch {
    // Missing (an older Node, the peer not installed) or behind a flag (node:sqlite on Node 22.5–22.12).
    return undefined
  }
}
