// Every data-plane area through the built package, on whichever Node runs this file, against the
// emulator persisting to a data directory (node:sqlite on Node 22.5+, better-sqlite3 before): objects,
// KV items and a filtered scan, a stream, an error of the CommonJS build checked by the ESM build, and
// the data again after a restart. Prints one JSON line for tests/runtimes/node-versions.test.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, HttpResponseError, isNotFound } from 'v3io'
import { startEmulator } from 'v3io/emulator'

const cjs = createRequire(import.meta.url)('v3io')
const dataDir = mkdtempSync(join(tmpdir(), 'v3io-node-smoke-'))
const container = 'bigdata'
const result = { node: process.versions.node.split('.')[0] }
try {
  let emulator = await startEmulator({ port: 0, dataDir })
  let client = new Client({ endpoint: emulator.url, accessKey: 'smoke-key' })
  result.driver = /via ([\w:-]+)/.exec(emulator.store.description)?.[1]
  await client.putObject({ container, path: '/smoke/object', body: 'hello, there' })
  result.object = (await client.getObject({ container, path: '/smoke/object' })).text()
  for (const [key, age] of [
    ['a', 10],
    ['b', 20],
    ['c', 30],
  ])
    await client.putItem({ container, path: `/smoke/table/${key}`, attributes: { age } })
  const items = []
  for (let marker, last = false; !last; ) {
    const page = await client.getItems({
      container,
      path: '/smoke/table/',
      filterExpression: 'age >= 20',
      attributeNames: ['__name', 'age'],
      marker,
    })
    items.push(...page.output.items)
    ;({ nextMarker: marker, last } = page.output)
  }
  result.items = items.map((item) => `${item.__name}:${item.age}`).sort()
  await client.createStream({ container, path: '/smoke/stream', shardCount: 1 })
  await client.putRecords({ container, path: '/smoke/stream', records: [{ data: 'r1' }, { data: 'r2' }] })
  const seek = await client.seekShard({ container, path: '/smoke/stream', shardId: 0, seekType: 'EARLIEST' })
  const read = await client.getRecords({
    container,
    path: '/smoke/stream',
    shardId: 0,
    location: seek.output.location,
  })
  result.records = read.output.records.map((record) => new TextDecoder().decode(record.data))
  const cjsClient = new cjs.Client({ endpoint: emulator.url, accessKey: 'smoke-key' })
  const error = await cjsClient.getItem({ container, path: '/smoke/table/none' }).catch((e) => e)
  result.cjsErrorSeenByEsm = error instanceof HttpResponseError && isNotFound(error)
  await emulator.close()
  emulator = await startEmulator({ port: 0, dataDir })
  client = new Client({ endpoint: emulator.url, accessKey: 'smoke-key' })
  result.afterRestart = (await client.getItem({ container, path: '/smoke/table/c' })).output.item.age
  await emulator.close()
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
console.log(JSON.stringify(result))
