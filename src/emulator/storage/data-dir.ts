/**
 * The files of a data directory (docs/emulator-persistence.md, "Layout"): the SQLite database with its
 * WAL, and `bodies/` for object bodies too large to keep in a row.
 */

import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

/** The database file inside the data directory. */
export const databaseFileName = 'v3io-emulator.sqlite'
/** The directory of large bodies inside the data directory. */
export const bodiesDirectoryName = 'bodies'

const ownedNames = new Set([
  databaseFileName,
  `${databaseFileName}-wal`,
  `${databaseFileName}-shm`,
  `${databaseFileName}-journal`,
  bodiesDirectoryName,
])

/**
 * Deletes the emulator's files from `directory`, leaving the directory itself. Refuses (and deletes
 * nothing) when the directory holds anything else, so a mistyped path never wipes unrelated data.
 */
export function resetDataDir(directory: string): void {
  let entries: string[]
  try {
    entries = readdirSync(directory)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const foreign = entries.filter((name) => !ownedNames.has(name))
  if (foreign.length > 0) {
    throw new Error(
      `refusing to reset ${directory}: it does not look like an emulator data dir (it holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''})`,
    )
  }
  for (const name of entries) rmSync(join(directory, name), { recursive: true, force: true })
}

/** Creates the data directory and its `bodies/` if missing. */
export function prepareDataDir(directory: string): void {
  mkdirSync(join(directory, bodiesDirectoryName), { recursive: true })
}

/** Body files beside the database, each written once under a fresh name and never modified. */
export class BodyFiles {
  private readonly directory: string

  constructor(dataDir: string) {
    this.directory = join(dataDir, bodiesDirectoryName)
  }

  /**
   * Writes `body` under a fresh name and returns the name. The file is complete and on disk (temp file,
   * fsync, rename, fsync of the directory) before this returns, hence before any row refers to it.
   */
  write(inode: number, body: Uint8Array): string {
    const name = `${inode}-${randomBytes(6).toString('hex')}`
    const temporary = join(this.directory, `${name}.tmp`)
    const descriptor = openSync(temporary, 'w')
    try {
      for (let offset = 0; offset < body.length; )
        offset += writeSync(descriptor, body, offset, body.length - offset)
      fsyncSync(descriptor)
    } finally {
      closeSync(descriptor)
    }
    renameSync(temporary, join(this.directory, name))
    this.syncDirectory()
    return name
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(join(this.directory, name)))
  }

  /** Deletes a body no committed row refers to any more. */
  remove(name: string): void {
    rmSync(join(this.directory, name), { force: true })
  }

  /** Deletes files no row refers to: leftovers of a crash between writing a body and committing its row. */
  removeUnreferenced(referenced: ReadonlySet<string>): void {
    for (const name of readdirSync(this.directory)) if (!referenced.has(name)) this.remove(name)
  }

  private syncDirectory(): void {
    const descriptor = openSync(this.directory, 'r')
    try {
      fsyncSync(descriptor)
    } finally {
      closeSync(descriptor)
    }
  }
}
