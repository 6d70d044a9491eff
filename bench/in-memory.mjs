/**
 * The SDK's own CPU per call, without a network: `node bench/in-memory.mjs` (after `npm run build`).
 * A transport that answers at once; GetItem and PutItem calls awaited by 32 workers, then issued as
 * 20,000-call batches; the best of five runs, in µs of process CPU per call. Run it on two builds to
 * compare them (`DIST=/path/to/other/dist node bench/in-memory.mjs`).
 */
const dist = process.env.DIST ?? new URL('../dist', import.meta.url).pathname
const { Client } = await import(`${dist}/index.js`)

const body = new TextEncoder().encode('{"Item":{"age":{"N":"42"},"name":{"S":"bob"}}}')
const headers = new Headers({
  'Content-Type': 'application/json',
  'X-v3io-transaction-verifier': '__mtime_secs==1 and __mtime_nsecs==2',
})
const client = new Client({
  endpoint: 'http://in-memory:1',
  accessKey: 'bench',
  maxConnections: 32,
  transport: async () => ({ status: 200, headers, body }),
})
const calls = 20_000
const options = (operation, index) => ({
  container: 'bigdata',
  path: `t/k${index % 1000}`,
  ...(operation === 'putItem'
    ? { attributes: { name: `n${index}`, age: index % 50, score: index / 7 } }
    : {}),
})
const batched = async (operation) => {
  const batch = client.createBatch()
  for (let index = 0; index < calls; index++) batch[operation](options(operation, index))
  await batch.wait()
}
const awaited = async (operation) => {
  let next = 0
  const worker = async () => {
    while (next < calls) await client[operation](options(operation, next++))
  }
  await Promise.all(Array.from({ length: 32 }, worker))
}
for (const operation of ['getItem', 'putItem'])
  for (const [name, run] of [
    ['32 workers', awaited],
    ['batch', batched],
  ]) {
    await run(operation)
    let best = Number.POSITIVE_INFINITY
    for (let round = 0; round < 5; round++) {
      const before = process.cpuUsage()
      await run(operation)
      const used = process.cpuUsage(before)
      best = Math.min(best, (used.user + used.system) / calls)
    }
    console.log(`${operation} ${name}: ${best.toFixed(1)} µs per call`)
  }
