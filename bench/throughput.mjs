/**
 * Request-rate rows: each workload sequentially and batched, through the raw client and through the SDK
 * on each of its three transports.
 */
import { fetchTransport, kyTransport } from '../dist/index.js'
import { best, measure, runPool } from './measure.mjs'
import { rawClient } from './raw-client.mjs'
import { available, keyCount, workloads } from './workloads.mjs'

/** Concurrency levels measured; 1 is "sequential" (one call awaited after the other). */
export const concurrencyLevels = [1, 8, 32, 64]

/**
 * What each row measures, in order: the raw client (the ceiling), then the SDK with `kyTransport()`
 * (`fetch` through ky, the browsers' default), with `fetchTransport()` (bare `fetch`) and with no transport
 * option, Node's default (`nodeHttpTransport`, through the package's `node` entry). The ratio that
 * matters is the default's, close to the ceiling: raw and the default
 * get the most operations and rounds; the fetch-based variants, several times slower and far below the
 * ceiling, get fewer, which keeps the whole benchmark within a few minutes.
 */
export const variants = [
  { key: 'raw', label: 'raw', rounds: 3, share: 1 },
  { key: 'ky', label: 'SDK, kyTransport', rounds: 2, share: 0.375 },
  { key: 'fetch', label: 'SDK, fetchTransport', rounds: 2, share: 0.375 },
  { key: 'node', label: 'SDK, default (Node: nodeHttpTransport)', rounds: 3, share: 1 },
]

/** Operations of one measured run of a variant. */
export const operationsOf = (variant, operations) => Math.round(operations * variant.share)

async function sdkRun(client, workload, operations, concurrency) {
  if (concurrency === 1) {
    for (let index = 0; index < operations; index++) await client[workload.method](workload.options(index))
    return
  }
  const batch = client.createBatch()
  for (let index = 0; index < operations; index++) batch[workload.method](workload.options(index))
  await batch.wait()
}

async function rawRun(raw, requests, operations, concurrency) {
  await runPool(operations, concurrency, async (index) => {
    const response = await raw.send(requests[index % keyCount])
    if (response.status >= 300) throw new Error(`raw request failed with ${response.status}`)
  })
}

/**
 * Measures every workload at every concurrency level. The variants take turns, each measured two or
 * three times (its `rounds`), and the best run of each is kept.
 */
export async function throughputRows({ emulator, newClient, accessKey, sequentialOps, batchedOps, log }) {
  const rows = []
  for (const workload of workloads) {
    if (!available(workload)) {
      rows.push({ workload: workload.name, missing: 'the operation is not in this build' })
      continue
    }
    const describer = newClient(1)
    const requests = Array.from({ length: keyCount }, (_, index) =>
      describer.describe(workload.operation, workload.options(index)),
    )
    for (const concurrency of concurrencyLevels) {
      const raw = rawClient(emulator.url, concurrency, accessKey)
      const clients = {
        ky: newClient(concurrency, kyTransport()),
        fetch: newClient(concurrency, fetchTransport()),
        node: newClient(concurrency),
      }
      const operations = concurrency === 1 ? sequentialOps : batchedOps
      const run = (key, count) =>
        key === 'raw'
          ? rawRun(raw, requests, count, concurrency)
          : sdkRun(clients[key], workload, count, concurrency)
      // Warm-up: JIT, connection pools, and (for reads) objects and items that exist.
      for (const { key } of variants) await run(key, keyCount)
      const runs = Object.fromEntries(variants.map(({ key }) => [key, []]))
      for (let round = 0; round < 3; round++)
        for (const variant of variants) {
          if (round >= variant.rounds) continue
          const count = operationsOf(variant, operations)
          runs[variant.key].push(await measure(emulator, count, () => run(variant.key, count)))
        }
      raw.close()
      const row = { workload: workload.name, concurrency }
      for (const { key } of variants) row[key] = best(runs[key])
      rows.push(row)
      const ratio = (key) => (row[key].perSecond / row.raw.perSecond).toFixed(2)
      const cpu = (key) => row[key].clientMicrosPerOp.toFixed(0)
      log(
        `${workload.name.padEnd(9)} c=${String(concurrency).padEnd(2)} raw ${row.raw.perSecond.toFixed(0).padStart(6)}/s; ` +
          `÷raw ky ${ratio('ky')} fetch ${ratio('fetch')} node ${ratio('node')}; ` +
          `client µs/op raw ${cpu('raw')} ky ${cpu('ky')} fetch ${cpu('fetch')} node ${cpu('node')}; ` +
          `emulator ${(row.node.emulatorShare * 100).toFixed(0)}% CPU in the node run`,
      )
    }
  }
  return rows
}
