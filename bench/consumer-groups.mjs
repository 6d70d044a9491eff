/**
 * `node bench/consumer-groups.mjs [records]` (after `npm run build`): reads the same stream through a
 * consumer group and through the raw stream reader, in one run against the built emulator in its own
 * process, and prints records per second as ratios against the raw reader. Short: about 10 s.
 */
import { fork } from 'node:child_process'
import { Client } from '../dist/index.js'

const total = Number(process.argv[2] ?? 20_000)
const shardCount = 8
const container = 'bigdata'

const child = fork(new URL('./emulator-process.mjs', import.meta.url))
const url = await new Promise((resolve) =>
  child.on('message', (message) => message.url && resolve(message.url)),
)
const client = new Client({ endpoint: url, accessKey: 'bench-access-key' })

async function stream() {
  const path = `/bench-groups-${process.pid}-${Math.random().toString(36).slice(2)}`
  await client.createStream({ container, path, shardCount })
  const data = 'r'.repeat(100)
  for (let start = 0; start < total; start += 1000)
    await client.putRecords({ container, path, records: Array.from({ length: 1000 }, () => ({ data })) })
  return path
}

async function timed(read) {
  const path = await stream()
  const started = performance.now()
  const count = await read(path)
  const seconds = (performance.now() - started) / 1000
  if (count < total) throw new Error(`read ${count} of ${total}`)
  await client.deleteStream({ container, path })
  return total / seconds
}

const raw = (limit) => (path) =>
  (async () => {
    let count = 0
    for await (const _ of client.streamRecords({ container, path, limit, follow: false })) count += 1
    return count
  })()

const group = (recordsPerFetch) => async (path) => {
  const member = await client
    .consumerGroup({ container, path, name: 'bench', maxReplicas: 1, recordsPerFetch, pollInterval: 5 })
    .join({ memberName: 'bench' })
  let count = 0
  for await (const record of member.records()) {
    member.mark(record)
    if (++count === total) break
  }
  await member.close()
  return count
}

const rows = [
  ['raw streamRecords, limit 1000 (baseline)', raw(1000)],
  ['consumer group, recordsPerFetch 1000', group(1000)],
  ['raw streamRecords, limit 10', raw(10)],
  ['consumer group, recordsPerFetch 10 (Go default)', group(10)],
]
const results = []
for (const [name, read] of rows) results.push([name, await timed(read)])
const baseline = results[0][1]
console.log(`${total} records of 100 bytes over ${shardCount} shards, one member reading all shards`)
for (const [name, rate] of results)
  console.log(
    `${name.padEnd(52)} ${Math.round(rate).toString().padStart(8)} records/s  ×${(rate / baseline).toFixed(2)}`,
  )
child.send('stop')
