/** Request-rate rows: each workload sequentially and batched, through the SDK and the raw client. */
import { best, measure, runPool } from './measure.mjs'
import { nodeHttpTransport } from './node-http-transport.mjs'
import { rawClient } from './raw-client.mjs'
import { available, keyCount, workloads } from './workloads.mjs'

/** Concurrency levels measured; 1 is "sequential" (one call awaited after the other). */
export const concurrencyLevels = [1, 8, 32, 64]

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
 * Measures every workload at every concurrency level. Each cell is measured twice, alternating raw and
 * SDK, and the better run of each side is kept.
 */
export async function throughputRows({ emulator, newClient, accessKey, sequentialOps, batchedOps, log }) {
  const variants = ['raw', 'sdk', 'sdkHttp']
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
      const client = newClient(concurrency)
      const clientOnHttp = newClient(concurrency, nodeHttpTransport(concurrency))
      const raw = rawClient(emulator.url, concurrency, accessKey)
      const operations = concurrency === 1 ? sequentialOps : batchedOps
      const run = {
        raw: (count) => rawRun(raw, requests, count, concurrency),
        sdk: (count) => sdkRun(client, workload, count, concurrency),
        sdkHttp: (count) => sdkRun(clientOnHttp, workload, count, concurrency),
      }
      // Warm-up: JIT, connection pools, and (for reads) objects and items that exist.
      for (const variant of variants) await run[variant](keyCount)
      const runs = { raw: [], sdk: [], sdkHttp: [] }
      for (let round = 0; round < 2; round++)
        for (const variant of variants)
          runs[variant].push(await measure(emulator, operations, () => run[variant](operations)))
      raw.close()
      const row = { workload: workload.name, concurrency }
      for (const variant of variants) row[variant] = best(runs[variant][0], runs[variant][1])
      rows.push(row)
      log(
        `${workload.name.padEnd(9)} c=${String(concurrency).padEnd(2)} sdk ${row.sdk.perSecond.toFixed(0).padStart(6)}/s ` +
          `raw ${row.raw.perSecond.toFixed(0).padStart(6)}/s  ratio ${(row.sdk.perSecond / row.raw.perSecond).toFixed(2)}  ` +
          `(sdk+http ${(row.sdkHttp.perSecond / row.raw.perSecond).toFixed(2)})  ` +
          `client ${row.sdk.clientMicrosPerOp.toFixed(0)} µs/op (${(row.sdk.clientShare * 100).toFixed(0)}% CPU)  ` +
          `emulator ${row.sdk.emulatorMicrosPerOp.toFixed(0)} µs/op (${(row.sdk.emulatorShare * 100).toFixed(0)}% CPU)`,
      )
    }
  }
  return rows
}
