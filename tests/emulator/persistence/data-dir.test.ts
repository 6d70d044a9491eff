import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startEmulator } from '../../../src/emulator/index.js'
import { rejection } from '../../support/rejection.js'
import { spawnEmulator } from './emulator-process.js'
import { expectedDriver, startOn, useTemporaryDirectories } from './persistence-support.js'

const container = 'bigdata'

describe('the data directory', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('is created when missing, and --reset wipes what the emulator stored there', async () => {
    const dataDir = join(temporaryDirectory(), 'nested', 'data')
    const first = await startOn(dataDir)
    await first.client.putObject({ container, path: '/kept', body: 'x' })
    await first.emulator.close()
    // A clean close checkpoints the WAL into the database and removes it.
    expect(readdirSync(dataDir).sort()).toEqual(['bodies', 'v3io-emulator.sqlite'])

    const reset = await startOn(dataDir, { reset: true })
    try {
      const error = await rejection(reset.client.getObject({ container, path: '/kept' }))
      expect(error).toMatchObject({ statusCode: 404 })
    } finally {
      await reset.emulator.close()
    }
  })

  it('refuses to reset a directory that is not an emulator data dir, deleting nothing', async () => {
    const dataDir = temporaryDirectory()
    writeFileSync(join(dataDir, 'thesis.tex'), 'precious')
    mkdirSync(join(dataDir, 'bodies'))
    const error = await rejection(startEmulator({ port: 0, dataDir, reset: true }))
    expect(String(error)).toContain(
      `refusing to reset ${dataDir}: it does not look like an emulator data dir`,
    )
    expect(readdirSync(dataDir).sort()).toEqual(['bodies', 'thesis.tex'])
  })

  it('refuses a database that another emulator holds', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    try {
      const error = await rejection(startEmulator({ port: 0, dataDir }))
      expect(String(error)).toContain(`${dataDir} is in use by another emulator`)
      await first.client.putObject({ container, path: '/still-works', body: 'yes' })
    } finally {
      await first.emulator.close()
    }
  })

  it('remembers its containers and their IDs; newly configured ones are added', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir, { containers: ['alpha', 'beta'] })
    const before = (await first.client.getContainers()).output.containers
    await first.emulator.close()
    const second = await startOn(dataDir, { containers: ['gamma'] })
    try {
      const after = (await second.client.getContainers()).output.containers
      expect(after.map((entry) => [entry.name, entry.id])).toEqual([
        ...before.map((entry) => [entry.name, entry.id]),
        ['gamma', 1028],
      ])
      expect(after.slice(0, 2).map((entry) => entry.creationDate)).toEqual(
        before.map((entry) => entry.creationDate),
      )
    } finally {
      await second.emulator.close()
    }
  })

  it('is optional: the command says at start-up which mode it runs in', async () => {
    const memory = await spawnEmulator([])
    memory.child.kill('SIGTERM')
    await memory.exited()
    expect(memory.output()).toContain('v3io-emulator: in-memory (data is lost on exit)\n')
    const dataDir = temporaryDirectory()
    const persistent = await spawnEmulator(['--data-dir', dataDir])
    persistent.child.kill('SIGTERM')
    await persistent.exited()
    expect(persistent.output()).toContain(
      `v3io-emulator: persistent, data in ${dataDir} (SQLite via ${expectedDriver})\n`,
    )
    expect(existsSync(join(dataDir, 'v3io-emulator.sqlite'))).toBe(true)
  })
})
