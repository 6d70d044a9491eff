/** What the control plane changes survives a restart with `--data-dir`: containers and minted keys. */

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseFileName } from '../../../src/emulator/storage/data-dir.js'
import { openDatabase } from '../../../src/emulator/storage/sqlite-driver.js'
import { Client, controlplane } from '../../../src/index.node.js'
import { testAccessKey } from '../../support/emulator.js'
import { startOn, useTemporaryDirectories } from './persistence-support.js'

describe('control-plane state in a data directory', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('keeps created containers (with their description) and minted keys; deleted ones stay deleted', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir, { accessKeys: [testAccessKey] })
    const cp = new controlplane.Client({ endpoint: first.emulator.url, accessKey: testAccessKey })
    const kept = (await cp.createContainer({ name: 'kept', description: 'survives' })).output
    const dropped = (await cp.createContainer({ name: 'dropped' })).output
    await first.client.putObject({ container: 'kept', path: '/data.txt', body: 'still here' })
    await cp.deleteContainer({ id: dropped.id })
    const key = (await cp.createAccessKey({ label: 'durable' })).output.key
    const revoked = (await cp.createAccessKey({ label: 'revoked' })).output
    await cp.deleteAccessKey({ key: revoked })
    await first.emulator.close()

    const second = await startOn(dataDir, { accessKeys: [testAccessKey] })
    try {
      const cp2 = new controlplane.Client({ endpoint: second.emulator.url, accessKey: testAccessKey })
      const containers = (await cp2.listContainers()).output.containers
      expect(containers.map((container) => container.name)).toEqual(['bigdata', 'kept', 'users'])
      expect(containers.find((container) => container.name === 'kept')).toEqual(kept)
      const data = new Client({ endpoint: second.emulator.url, accessKey: key })
      expect((await data.getObject({ container: 'kept', path: '/data.txt' })).text()).toBe('still here')
      const revokedClient = new Client({
        endpoint: second.emulator.url,
        accessKey: revoked.key,
        retry: false,
      })
      await expect(revokedClient.getObject({ container: 'kept', path: '/data.txt' })).rejects.toMatchObject({
        statusCode: 401,
      })
      expect((await cp2.listAccessKeys()).output.accessKeys.map((each) => each.label)).toEqual(['durable'])
      // A new container is numbered after every id so far.
      expect(Number((await cp2.createContainer({ name: 'later' })).output.id)).toBeGreaterThan(
        Number(kept.id),
      )
    } finally {
      await second.emulator.close()
    }
  })

  it('opens a data directory written before the control plane (no description column)', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    await first.emulator.close()
    const { database } = await openDatabase(join(dataDir, databaseFileName))
    database.exec('ALTER TABLE containers DROP COLUMN description')
    database.exec('DROP TABLE access_keys')
    database.close()

    const second = await startOn(dataDir)
    try {
      const cp = new controlplane.Client({ endpoint: second.emulator.url, accessKey: testAccessKey })
      await cp.createContainer({ name: 'fresh', description: 'after the upgrade' })
      expect((await cp.createAccessKey({ label: 'new' })).statusCode).toBe(201)
      const names = (await cp.listContainers()).output.containers.map((container) => container.description)
      expect(names).toEqual(['', 'after the upgrade', ''])
    } finally {
      await second.emulator.close()
    }
  })
})
