/**
 * `npx tsx bench/emulator-persistence.ts [--quick]`: what durability costs. Runs the same write workloads
 * against an in-memory emulator and a persistent one (`dataDir`, SQLite, commit before answer) in this
 * process, alternating rounds, and prints throughput and the persistent/in-memory ratio of each, plus the
 * time a restart takes to load the data back. Figures are only comparable within one run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../src/emulator/index.js'
import { Client } from '../src/index.js'

const quick = process.argv.includes('--quick')
const operations = quick ? 400 : 1000
const rounds = quick ? 1 : 3
const container = 'bigdata'
const body = 'x'.repeat(1024)

type Workload = {
  name: string
  concurrency: number
  run: (client: Client, index: number) => Promise<unknown>
}

const workloads: Workload[] = [
  {
    name: 'PutItem, 1 client',
    concurrency: 1,
    run: (client, index) =>
      client.putItem({ container, path: `/s/i${index}`, attributes: { n: index, s: 'text' } }),
  },
  {
    name: 'PutItem, 8 clients',
    concurrency: 8,
    run: (client, index) =>
      client.putItem({ container, path: `/c/i${index}`, attributes: { n: index, s: 'text' } }),
  },
  {
    name: 'PutObject 1 KiB, 8 clients',
    concurrency: 8,
    run: (client, index) => client.putObject({ container, path: `/o/${index}`, body }),
  },
  {
    name: 'PutRecords ×10, 8 clients',
    concurrency: 8,
    run: (client, index) =>
      client.putRecords({
        container,
        path: '/stream',
        records: Array.from({ length: 10 }, (_, k) => ({
          data: `record ${index}/${k}`,
          partitionKey: `p${k}`,
        })),
      }),
  },
  {
    name: 'GetItem, 8 clients',
    concurrency: 8,
    run: (client, index) => client.getItem({ container, path: `/c/i${index % operations}` }),
  },
]

async function measure(dataDir: string | undefined): Promise<number[]> {
  const emulator = await startEmulator({ port: 0, ...(dataDir ? { dataDir, reset: true } : {}) })
  const clients = Array.from({ length: 8 }, () => new Client({ endpoint: emulator.url, accessKey: 'bench' }))
  await clients[0]?.createStream({ container, path: '/stream', shardCount: 8 })
  const rates: number[] = []
  for (const workload of workloads) {
    let next = 0
    const started = performance.now()
    await Promise.all(
      clients.slice(0, workload.concurrency).map(async (client) => {
        for (let index = next++; index < operations; index = next++) await workload.run(client, index)
      }),
    )
    rates.push(operations / ((performance.now() - started) / 1000))
  }
  await emulator.close()
  return rates
}

async function restartSeconds(dataDir: string): Promise<number> {
  const started = performance.now()
  const emulator = await startEmulator({ port: 0, dataDir })
  const seconds = (performance.now() - started) / 1000
  await emulator.close()
  return seconds
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

const dataDir = mkdtempSync(join(tmpdir(), 'v3io-bench-persistence-'))
try {
  const memory: number[][] = []
  const persistent: number[][] = []
  for (let round = 0; round < rounds; round++) {
    memory.push(await measure(undefined))
    persistent.push(await measure(dataDir))
  }
  const restart = await restartSeconds(dataDir)
  console.log(`operations per workload: ${operations}; rounds: ${rounds} (medians)`)
  console.log('workload | in-memory ops/s | persistent ops/s | persistent / in-memory')
  workloads.forEach((workload, index) => {
    const inMemory = median(memory.map((rates) => rates[index] as number))
    const durable = median(persistent.map((rates) => rates[index] as number))
    console.log(
      `${workload.name} | ${inMemory.toFixed(0)} | ${durable.toFixed(0)} | ${(durable / inMemory).toFixed(2)}`,
    )
  })
  console.log(
    `restart loading ${operations * 3} nodes and ${operations * 10} records: ${restart.toFixed(2)} s`,
  )
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
