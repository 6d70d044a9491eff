import type { SqlDatabase } from './sqlite-driver.js'

/** The layout version written into `meta`; a database of another version is refused, never guessed at. */
export const schemaVersion = '1'

/** What `meta.format` holds in every emulator database: how `--reset` knows a directory is ours. */
export const formatTag = 'v3io-emulator'

/**
 * The tables (docs/emulator-persistence.md explains each column). Times are decimal text because they are
 * nanoseconds since the epoch, beyond the integers both drivers read exactly by default.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS meta (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS containers (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     creation_time TEXT NOT NULL,
     root_inode INTEGER NOT NULL UNIQUE,
     description TEXT
   )`,
  `CREATE TABLE IF NOT EXISTS nodes (
     inode INTEGER PRIMARY KEY,
     parent INTEGER,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('file', 'directory')),
     ctime TEXT NOT NULL,
     mtime TEXT NOT NULL,
     attributes TEXT NOT NULL,
     body BLOB,
     body_file TEXT,
     stream TEXT,
     shard_last_sequence INTEGER
   )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS nodes_by_parent ON nodes (parent, name)',
  `CREATE TABLE IF NOT EXISTS records (
     shard INTEGER NOT NULL,
     sequence_number INTEGER NOT NULL,
     arrival_time TEXT NOT NULL,
     data BLOB NOT NULL,
     client_info BLOB,
     partition_key TEXT,
     PRIMARY KEY (shard, sequence_number)
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS access_keys (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     plane TEXT NOT NULL,
     label TEXT NOT NULL,
     ttl INTEGER,
     expires_at TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) WITHOUT ROWID`,
]

/**
 * Brings a database of schema version 1 written before the control plane up to date: the additions are
 * a column and a table that older emulators never read, so the version stays 1 and no data moves.
 */
function addControlPlaneColumns(database: SqlDatabase): void {
  const columns = database.prepare('PRAGMA table_info(containers)').all()
  if (!columns.some((column) => column.name === 'description'))
    database.exec('ALTER TABLE containers ADD COLUMN description TEXT')
}

/**
 * Sets the durability pragmas and creates the tables. WAL with `synchronous=FULL` makes every committed
 * transaction reach the disk before `COMMIT` returns; the exclusive lock keeps a second emulator off the
 * same directory.
 */
export function prepareSchema(database: SqlDatabase): void {
  // Nobody else may use the file: a lock means another emulator, to be reported at once, not waited for.
  database.exec('PRAGMA busy_timeout = 0')
  database.exec('PRAGMA locking_mode = EXCLUSIVE')
  database.exec('PRAGMA journal_mode = WAL')
  database.exec('PRAGMA synchronous = FULL')
  database.exec('PRAGMA foreign_keys = OFF')
  database.exec('BEGIN IMMEDIATE')
  try {
    for (const statement of statements) database.exec(statement)
    addControlPlaneColumns(database)
    const format = database.prepare('SELECT value FROM meta WHERE key = ?').get('format')
    const version = database.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version')
    if (format === undefined) {
      const insert = database.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
      insert.run('format', formatTag)
      insert.run('schema_version', schemaVersion)
    } else if (format.value !== formatTag || version?.value !== schemaVersion) {
      throw new Error(
        `the database is not a v3io-emulator database of schema version ${schemaVersion} (format ${String(format.value)}, version ${String(version?.value)})`,
      )
    }
    database.exec('COMMIT')
  } catch (error) {
    database.exec('ROLLBACK')
    throw error
  }
}
