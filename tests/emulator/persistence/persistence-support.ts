import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../src/emulator/index.js'
import type { ContainerRecord, StoredNode } from '../../../src/emulator/storage/nodes.js'
import type { Store } from '../../../src/emulator/storage/store.js'
import { Client } from '../../../src/index.js'
import { testAccessKey } from '../../support/emulator.js'

/** The driver the emulator picks on this runtime: node:sqlite where it is unflagged (22.13+). */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
export const expectedDriver = major > 22 || (major === 22 && minor >= 13) ? 'node:sqlite' : 'better-sqlite3'

/** A fresh temporary directory per test, removed after it. */
export function useTemporaryDirectories(): () => string {
  const created: string[] = []
  afterEach(() => {
    for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true })
  })
  return () => {
    const directory = mkdtempSync(join(tmpdir(), 'v3io-persistence-'))
    created.push(directory)
    return directory
  }
}

/** An in-process emulator on `dataDir` and a client of it. */
export async function startOn(
  dataDir: string,
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; client: Client }> {
  const emulator = await startEmulator({ port: 0, dataDir, ...options })
  return { emulator, client: new Client({ endpoint: emulator.url, accessKey: testAccessKey }) }
}

/** Everything a store holds, as plain comparable values (bodies and blobs as hex). */
export function snapshotStore(store: Store): unknown {
  return store.listContainers().map((container: ContainerRecord) => ({
    name: container.name,
    id: container.id,
    creationTime: container.creationTime,
    root: snapshotNode(container.root),
  }))
}

function snapshotNode(node: StoredNode): unknown {
  const common = {
    inode: node.inode,
    name: node.name,
    ctime: node.ctime,
    mtime: node.mtime,
    attributes: [...node.attributes].map(([name, value]) => [
      name,
      value.type === 'blob' ? { type: 'blob', hex: Buffer.from(value.value).toString('hex') } : value,
    ]),
  }
  if (node.kind === 'directory') {
    return {
      ...common,
      stream: node.stream ? { ...node.stream } : undefined,
      children: [...node.children.values()].sort((a, b) => a.inode - b.inode).map(snapshotNode),
    }
  }
  return {
    ...common,
    body: Buffer.from(node.body).toString('hex'),
    shard: node.shard
      ? {
          lastSequenceNumber: node.shard.lastSequenceNumber,
          retainedBytes: node.shard.retainedBytes,
          records: node.shard.records.map((record) => ({
            ...record,
            data: Buffer.from(record.data).toString('hex'),
            clientInfo: record.clientInfo ? Buffer.from(record.clientInfo).toString('hex') : undefined,
          })),
        }
      : undefined,
  }
}
