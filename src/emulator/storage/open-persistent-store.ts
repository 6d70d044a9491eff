import { join } from 'node:path'
import type { Clock } from '../clock.js'
import { BodyFiles, databaseFileName, prepareDataDir, resetDataDir } from './data-dir.js'
import { PersistentStore } from './persistent-store.js'
import { openDatabase } from './sqlite-driver.js'
import { prepareSchema } from './sqlite-schema.js'
import { loadTree } from './tree-loader.js'

/** Options of {@link openPersistentStore}. */
export interface PersistentStoreOptions {
  readonly dataDir: string
  /** Containers to serve in addition to those the data directory already holds. */
  readonly containers: readonly string[]
  readonly clock: Clock
  /** Wipe the emulator's files in `dataDir` first (refused for a directory that is not one). */
  readonly reset?: boolean
}

/**
 * Opens (creating if needed) a data directory and loads its tree. Rejects with a one-line message when no
 * SQLite driver is available, the directory is another program's, or another emulator holds it.
 */
export async function openPersistentStore(options: PersistentStoreOptions): Promise<PersistentStore> {
  if (options.reset) resetDataDir(options.dataDir)
  prepareDataDir(options.dataDir)
  const { database, driver } = await openDatabase(join(options.dataDir, databaseFileName))
  try {
    prepareSchema(database)
    const bodies = new BodyFiles(options.dataDir)
    const loaded = loadTree(database, bodies)
    bodies.removeUnreferenced(loaded.bodyFiles)
    const description = `persistent, data in ${options.dataDir} (SQLite via ${driver})`
    return new PersistentStore(database, bodies, loaded.persisted, options, loaded.restored, description)
  } catch (error) {
    database.close()
    if (/locked|busy/i.test(String(error)))
      throw new Error(`${options.dataDir} is in use by another emulator (the database is locked)`)
    throw error
  }
}
