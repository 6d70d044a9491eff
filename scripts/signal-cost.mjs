/**
 * The client's CPU per call with and without a caller's signal, without a network (docs/decisions-io.md,
 * IO-9): `node scripts/signal-cost.mjs` after `npm run build`. A transport that answers at once; GetItem
 * calls awaited by 32 workers, with no signal, with a signal per worker, and with one signal shared by
 * all; the best of five runs, in µs of process CPU per call. Run it on two builds to compare them
 * (`DIST=/path/to/other/dist node scripts/signal-cost.mjs`).
 */
const dist = process.env.DIST ?? new URL('../dist', import.meta.url).pathname
const { Client } = await import(`${dist}/index.js`)

const body = new TextEncoder().encode('{"Item":{"age":{"N":"42"},"name":{"S":"bob"}}}')
const headers = new Headers({ 'Content-Type': 'application/json' })
const client = new Client({
  endpoint: 'http://in-memory:1',
  accessKey: 'bench',
  maxConnections: 32,
  transport: async () => ({ status: 200, headers, body }),
})
const calls = 20_000
const workers = 32
const shared = new AbortController().signal

async function run(signalOf) {
  let next = 0
  const worker = async (index) => {
    const signal = signalOf(index)
    while (next < calls) {
      const key = next++
      await client.getItem({ container: 'bigdata', path: `t/k${key % 1000}`, signal })
    }
  }
  const started = process.cpuUsage()
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)))
  const used = process.cpuUsage(started)
  return (used.user + used.system) / calls
}

const perWorker = Array.from({ length: workers }, () => new AbortController().signal)
const modes = {
  'no signal': () => undefined,
  'a signal per worker': (index) => perWorker[index],
  'one shared signal': () => shared,
}
for (const [name, signalOf] of Object.entries(modes)) {
  await run(signalOf)
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < 5; round++) best = Math.min(best, await run(signalOf))
  console.log(`${name.padEnd(20)} ${best.toFixed(2)} µs/call`)
}
