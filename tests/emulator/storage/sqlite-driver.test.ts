import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { missingDriverMessage, openDatabase } from '../../../src/emulator/storage/sqlite-driver.js'
import { formatTag, prepareSchema } from '../../../src/emulator/storage/sqlite-schema.js'

describe('the SQLite driver', () => {
  it("opens a database with the runtime's driver and binds bytes and text both ways", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'v3io-sqlite-'))
    try {
      const { database, driver } = await openDatabase(join(directory, 'test.sqlite'))
      const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
      const builtin = major > 22 || (major === 22 && minor >= 13)
      expect(driver).toBe(builtin ? 'node:sqlite' : 'better-sqlite3')
      prepareSchema(database)
      expect(database.prepare('SELECT value FROM meta WHERE key = ?').get('format')).toEqual({
        value: formatTag,
      })
      expect(database.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
      expect(database.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 })
      database.exec('CREATE TABLE t (b BLOB, s TEXT)')
      database.prepare('INSERT INTO t VALUES (?, ?)').run(Buffer.from([0, 1, 255]), 'ü')
      const row = database.prepare('SELECT b, s FROM t').get()
      expect(new Uint8Array(row?.b as Uint8Array)).toEqual(new Uint8Array([0, 1, 255]))
      expect(row?.s).toBe('ü')
      database.close()
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })

  it('fails with one line naming what to install when the runtime has neither driver', async () => {
    const error = await openDatabase('unused.sqlite', async () => undefined).catch(
      (caught: unknown) => caught,
    )
    expect(error).toEqual(new Error(missingDriverMessage))
    expect(missingDriverMessage).toContain('npm install better-sqlite3@12')
    expect(missingDriverMessage).not.toContain('\n')
  })

  it('prefers node:sqlite when the runtime has it', async () => {
    class FakeDatabase {
      constructor(readonly path: string) {}
    }
    const loaded: string[] = []
    const opened = await openDatabase('x.sqlite', async (specifier) => {
      loaded.push(specifier)
      return specifier === 'node:sqlite' ? { DatabaseSync: FakeDatabase } : undefined
    })
    expect(opened.driver).toBe('node:sqlite')
    expect(opened.database).toEqual(new FakeDatabase('x.sqlite'))
    expect(loaded).toEqual(['node:sqlite'])
  })
})
