/**
 * ky versus bare `fetch` in another runtime (Deno, Bun): run by bench/run.mjs as
 * `deno run -A bench/runtime-transports.mjs <endpoint> <operations>` or
 * `bun bench/runtime-transports.mjs <endpoint> <operations>`. GetItem and PutItem batches at
 * concurrency 8 through `kyTransport()` and `fetchTransport()`, taking turns, best of three; prints one
 * line of JSON.
 */
import { Client, fetchTransport, kyTransport } from '../dist/index.js'

const [endpoint, operationsText] = (globalThis.Deno?.args ?? globalThis.process.argv.slice(2)).slice(0, 2)
const operations = Number(operationsText ?? 2000)
const container = 'bigdata'
const keys = 500
const attributes = (index) => ({
  name: `item-${index}`,
  age: 20 + (index % 50),
  score: index / 7,
  city: 'Tel Aviv',
})
const workloads = [
  {
    name: 'PutItem',
    call: (batch, index) =>
      batch.putItem({
        container,
        path: `bench/runtime/k${index % keys}`,
        attributes: attributes(index % keys),
      }),
  },
  {
    name: 'GetItem',
    call: (batch, index) => batch.getItem({ container, path: `bench/runtime/k${index % keys}` }),
  },
]
const clients = {
  ky: new Client({ endpoint, accessKey: 'bench', maxConnections: 8, transport: kyTransport() }),
  fetch: new Client({ endpoint, accessKey: 'bench', maxConnections: 8, transport: fetchTransport() }),
}
const run = async (client, workload, count) => {
  const batch = client.createBatch()
  for (let index = 0; index < count; index++) workload.call(batch, index)
  await batch.wait()
}
const rows = []
for (const workload of workloads) {
  for (const client of Object.values(clients)) await run(client, workload, keys)
  const best = { ky: 0, fetch: 0 }
  for (let round = 0; round < 3; round++)
    for (const [key, client] of Object.entries(clients)) {
      const started = performance.now()
      await run(client, workload, operations)
      best[key] = Math.max(best[key], operations / ((performance.now() - started) / 1000))
    }
  rows.push({ workload: workload.name, ...best })
}
const version = globalThis.Deno ? `Deno ${globalThis.Deno.version.deno}` : `Bun ${globalThis.Bun?.version}`
console.log(JSON.stringify({ runtime: version, rows }))
