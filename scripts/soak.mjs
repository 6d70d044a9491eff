/**
 * Soak test of the emulator (docs/emulator-safety.md, "Soak"): 64 SDK clients run mixed operations
 * against one emulator process on loopback for a fixed duration, then the script reports throughput,
 * errors (expected: 0), lost counter updates (expected: 0) and the emulator's memory before and after.
 *
 *   node --import tsx scripts/soak.mjs [--seconds 30] [--clients 64]
 *
 * The emulator runs in a child process (this script, with `--serve`), so that its memory is measured
 * apart from the clients'. Throughput is also given as a ratio to a baseline measured in the same run:
 * the same clients fetching from a bare `node:http` server in that process that answers `ok`.
 */
import { fork } from 'node:child_process'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ask } from './child-messages.mjs'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '64' },
  },
})

/** The child: an emulator on a free loopback port, answering memory probes over IPC. */
async function serve() {
  const { startEmulator } = await import('../src/emulator/index.ts')
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' })
  const bare = createServer((request, response) => request.resume().on('end', () => response.end('ok')))
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve))
  process.on('message', async (message) => {
    if (message === 'memory') {
      globalThis.gc?.()
      process.send({ memory: process.memoryUsage() })
    }
    if (message === 'stop') {
      bare.close()
      await emulator.shutdown(5000)
      process.exit(0)
    }
  })
  process.send({ url: emulator.url, baselineUrl: `http://127.0.0.1:${bare.address().port}/` })
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

async function soak(seconds, clientCount) {
  const { Client } = await import('../src/index.ts')
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
  })
  const urls = ask(child, undefined, 'baselineUrl')
  const url = await ask(child, undefined, 'url')
  const baselineUrl = await urls
  const baselineSeconds = Math.max(2, seconds / 6)
  let baselineRequests = 0
  const baselineEnd = performance.now() + baselineSeconds * 1000
  await Promise.all(
    Array.from({ length: clientCount }, async () => {
      while (performance.now() < baselineEnd) {
        await (await fetch(baselineUrl)).text()
        baselineRequests += 1
      }
    }),
  )
  const baselineRate = baselineRequests / baselineSeconds
  const before = await ask(child, 'memory', 'memory')
  const run = `soak-${process.pid}`
  const setup = new Client({ endpoint: url, accessKey: 'soak' })
  await setup.createStream({ container: 'bigdata', path: `${run}/stream`, shardCount: 4 })
  await setup.putItem({ container: 'bigdata', path: `${run}/counters/shared`, attributes: { n: 0 } })

  const counts = new Map()
  const errors = []
  let increments = 0
  const deadline = performance.now() + seconds * 1000
  const payload = new Uint8Array(16 * 1024).fill(42)
  const operations = [
    [
      'putObject',
      (client, id, k) =>
        client.putObject({ container: 'bigdata', path: `${run}/objects/${id}-${k % 8}`, body: payload }),
    ],
    [
      'getObject',
      (client, id, k) =>
        client.getObject({
          container: 'bigdata',
          path: `${run}/objects/${id}-${k % 8}`,
          raiseForStatus: 'never',
        }),
    ],
    [
      'putItem',
      (client, id, k) =>
        client.putItem({
          container: 'bigdata',
          path: `${run}/table/${id}-${k % 32}`,
          attributes: { client: id, k, text: 'x'.repeat(200) },
        }),
    ],
    [
      'getItem',
      (client, id, k) =>
        client.getItem({
          container: 'bigdata',
          path: `${run}/table/${id}-${k % 32}`,
          raiseForStatus: 'never',
        }),
    ],
    [
      'updateItem',
      async (client) => {
        await client.updateItem({
          container: 'bigdata',
          path: `${run}/counters/shared`,
          expression: 'n = n + 1',
        })
        increments += 1
      },
    ],
    [
      'getItems',
      (client) =>
        client.getItems({
          container: 'bigdata',
          path: `${run}/table/`,
          filterExpression: 'k > 3',
          limit: 50,
        }),
    ],
    [
      'putRecords',
      (client, id, k) =>
        client.putRecords({
          container: 'bigdata',
          path: `${run}/stream`,
          records: [{ data: `record ${id} ${k}` }],
        }),
    ],
    [
      'deleteObject',
      (client, id, k) =>
        client.deleteObject({
          container: 'bigdata',
          path: `${run}/objects/${id}-${(k + 4) % 8}`,
          raiseForStatus: 'never',
        }),
    ],
  ]
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clientCount }, async (_, id) => {
      const client = new Client({ endpoint: url, accessKey: 'soak' })
      for (let k = 0; performance.now() < deadline; k++) {
        const [name, operation] = operations[(id + k) % operations.length]
        try {
          await operation(client, id, k)
          counts.set(name, (counts.get(name) ?? 0) + 1)
        } catch (error) {
          errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const counter = await setup.getItem({
    container: 'bigdata',
    path: `${run}/counters/shared`,
    attributeNames: ['n'],
  })
  const after = await ask(child, 'memory', 'memory')
  child.send('stop')
  await new Promise((resolve) => child.once('exit', resolve))

  const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
  const stored = Number(counter.output.item.n)
  console.log(`soak: ${clientCount} clients, ${elapsed.toFixed(1)} s, node ${process.version}`)
  console.log(
    `operations: ${total} (${(total / elapsed).toFixed(0)}/s)  ${JSON.stringify(Object.fromEntries(counts))}`,
  )
  console.log(
    `baseline (bare node:http, fetch): ${baselineRate.toFixed(0)}/s; soak throughput = ${(total / elapsed / baselineRate).toFixed(2)} × baseline`,
  )
  console.log(`errors: ${errors.length}${errors.length ? `  first: ${errors.slice(0, 5).join(' | ')}` : ''}`)
  console.log(
    `counter: ${stored} stored, ${increments} acknowledged increments, lost updates: ${increments - stored}`,
  )
  console.log(
    `emulator rss: ${mib(before.rss)} before, ${mib(after.rss)} after; heap used ${mib(before.heapUsed)} → ${mib(after.heapUsed)}`,
  )
  if (errors.length > 0 || increments !== stored) process.exitCode = 1
}

if (values.serve) await serve()
else await soak(Number(values.seconds), Number(values.clients))
