import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BodyFiles, prepareDataDir, resetDataDir } from '../../../src/emulator/storage/data-dir.js'

describe('data directory files', () => {
  const directories: string[] = []
  const fresh = () => {
    const directory = mkdtempSync(join(tmpdir(), 'v3io-data-dir-'))
    directories.push(directory)
    return directory
  }
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true })
  })

  it('writes each body under a fresh name, reads it back, and leaves no temporary file', () => {
    const dataDir = fresh()
    prepareDataDir(dataDir)
    const bodies = new BodyFiles(dataDir)
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => index % 256)
    const first = bodies.write(12, bytes)
    const second = bodies.write(12, bytes.subarray(5))
    expect(first).not.toBe(second)
    expect(first).toMatch(/^12-[0-9a-f]{12}$/)
    expect(bodies.read(first)).toEqual(bytes)
    expect(bodies.read(second)).toEqual(bytes.subarray(5))
    expect(readdirSync(join(dataDir, 'bodies')).sort()).toEqual([first, second].sort())
    bodies.removeUnreferenced(new Set([second]))
    expect(readdirSync(join(dataDir, 'bodies'))).toEqual([second])
  })

  it('resets only its own files, and a missing directory is nothing to reset', () => {
    expect(() => resetDataDir(join(fresh(), 'missing'))).not.toThrow()
    const dataDir = fresh()
    prepareDataDir(dataDir)
    writeFileSync(join(dataDir, 'v3io-emulator.sqlite'), '')
    writeFileSync(join(dataDir, 'v3io-emulator.sqlite-wal'), '')
    resetDataDir(dataDir)
    expect(readdirSync(dataDir)).toEqual([])
    writeFileSync(join(dataDir, 'v3io-emulator.sqlite'), '')
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(dataDir, name), '')
    expect(() => resetDataDir(dataDir)).toThrow(
      `refusing to reset ${dataDir}: it does not look like an emulator data dir (it holds a, b, c, …)`,
    )
    expect(readdirSync(dataDir)).toHaveLength(5)
  })
})
