import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Client, HttpResponseError } from '../../../src/index.js'
import { testAccessKey } from '../../support/emulator.js'
import { rejection } from '../../support/rejection.js'
import { startOn, useTemporaryDirectories } from './persistence-support.js'

const container = 'bigdata'
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe('a commit that fails', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('answers 500 instead of acknowledging, and the next commit writes what was pending', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    // No retries: the 500 is what is under test.
    const client = new Client({ endpoint: first.emulator.url, accessKey: testAccessKey, retry: false })
    const large = new Uint8Array(400_000).fill(7)
    // Body files cannot be written while `bodies` is not a directory.
    rmSync(join(dataDir, 'bodies'), { recursive: true })
    writeFileSync(join(dataDir, 'bodies'), '')
    const error = await rejection(client.putObject({ container, path: '/large', body: large }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as HttpResponseError).statusCode).toBe(500)

    rmSync(join(dataDir, 'bodies'))
    mkdirSync(join(dataDir, 'bodies'))
    await client.putObject({ container, path: '/small', body: 'acknowledged' })
    await first.emulator.close()

    const second = await startOn(dataDir)
    try {
      expect(text((await second.client.getObject({ container, path: '/small' })).body)).toBe('acknowledged')
      // The refused write's outcome was unknown to the client; it reached the disk with the next commit.
      expect((await second.client.getObject({ container, path: '/large' })).body).toEqual(large)
    } finally {
      await second.emulator.close()
    }
  })

  it('keeps every write of concurrent requests that share a commit', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    const writes = Array.from({ length: 20 }, (_, index) =>
      first.client.putItem({ container, path: `/together/${index}`, attributes: { index } }),
    )
    await Promise.all(writes)
    await first.emulator.close()
    const second = await startOn(dataDir)
    try {
      for (let index = 0; index < 20; index++) {
        const item = await second.client.getItem({ container, path: `/together/${index}` })
        expect(item.output.item).toEqual({ index })
      }
    } finally {
      await second.emulator.close()
    }
  })
})
