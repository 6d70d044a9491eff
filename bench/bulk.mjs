/**
 * `node bench/bulk.mjs` (after `npm run build`): the bulk paths of issue 14 §2 against the built emulator
 * in a child process, all in one run and one connection at a time (like a plain Python loop):
 *
 * - a cursor scan of 20,000 five-attribute items (`newItemsCursor`, default page size),
 * - PutRecords of 100 records of 100 bytes per call,
 * - GetRecords with `limit` 1000 through a 20,000-record shard,
 *
 * each with the SDK's Node default (`new Client()` as Node resolves `v3io`) and with `nodeHttpTransport()`, against a raw `node:http`
 * keep-alive client that sends the same requests and only `JSON.parse`s the answers (the floor of any
 * client), and the codecs alone (in process, no network). Every figure is the best of `--runs` runs
 * (default 3); ratios compare figures of this same run.
 *
 * Where `python3` is on the PATH, a fourth variant joins the alternation: bench/python-floor.py, the least
 * work any Python client (the official Python SDK included) must do for the same paths, on Python's
 * standard library (the SDK itself cannot be installed here). Its CPU time is its own process's.
 *
 * Options: `--no-python` (leave the Python floor out), `--runs=<n>`, `--quick` (a smaller table and stream, one run), `--json` (print the figures as
 * JSON too), `--paths=scan,putRecords,getRecords` (a subset), `--baseline=<dist directory>` (also measure another build of the SDK, e.g. that of an earlier
 * commit, in the same run: its clients join the alternation and its codecs are timed on the same bodies).
 */
import { fork, spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
// `v3io` as Node resolves it (the package's `node` entry): `new Client()` is Node's default client.
import { Client, kvOperations, streamOperations } from 'v3io'
import { nodeHttpTransport } from '../dist/node/index.js'
import { measureCodecs } from './bulk-codecs.mjs'
import { best, measure, runPool } from './measure.mjs'
import { rawClient } from './raw-client.mjs'

const accessKey = 'bench-bulk-access-key'
const container = 'bigdata'
const table = `bench/bulk-${process.pid}/`
const stream = `bench/bulk-stream-${process.pid}`
const quick = process.argv.includes('--quick')
const option = (name) =>
  process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3)
const runs = Number(option('runs') ?? (quick ? 1 : 3))
const counts = quick
  ? { items: 5000, putCalls: 50, shardRecords: 5000, readPasses: 1 }
  : { items: 20_000, putCalls: 200, shardRecords: 20_000, readPasses: 2 }
const recordsPerPut = 100
const selectedPaths = (option('paths') ?? 'scan,putRecords,getRecords').split(',')
const recordData = 'r'.repeat(100)
const textDecoder = new TextDecoder()

const scanItem = (index) => ({
  name: `item-${index}`,
  age: 20 + (index % 50),
  score: index / 7,
  active: index % 2 === 0,
  city: 'Tel Aviv',
})

function startEmulatorProcess() {
  const child = fork(new URL('./emulator-process.mjs', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiting = []
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.on('message', (message) => {
      if (message.cpu) waiting.shift()?.(message.cpu)
      if (message.url)
        resolve({
          url: message.url,
          cpu: () =>
            new Promise((done) => {
              waiting.push(done)
              child.send('cpu')
            }),
          stop: () =>
            new Promise((done) => {
              child.once('exit', done)
              child.send('stop')
            }),
        })
    })
  })
}

async function load(client, emulator) {
  const raw = rawClient(emulator.url, 16, accessKey)
  try {
    await runPool(counts.items, 16, async (index) => {
      const request = client.describe(kvOperations.putItem, {
        container,
        path: `${table}k${index}`,
        attributes: scanItem(index),
      })
      const response = await raw.send(request)
      if (response.status >= 300) throw new Error(`loading item ${index}: ${response.status}`)
    })
  } finally {
    raw.close()
  }
  await client.createStream({ container, path: stream, shardCount: 1 })
  for (let start = 0; start < counts.shardRecords; start += 1000) {
    const records = Array.from({ length: 1000 }, () => ({ data: recordData, shardId: 0 }))
    const { output } = await client.putRecords({ container, path: stream, records })
    if (output.failedRecordCount > 0) throw new Error('loading the shard failed')
  }
}

const putRecordsOptions = (call) => ({
  container,
  path: `${stream}-put`,
  records: Array.from({ length: recordsPerPut }, (_, index) => ({
    data: recordData,
    partitionKey: `key-${call}-${index}`,
  })),
})

/** The SDK paths of one client. */
const sdk = {
  async scan(client) {
    let count = 0
    for await (const item of client.newItemsCursor({ container, path: table })) {
      if (item.age === undefined) throw new Error('an item without age')
      count++
    }
    if (count !== counts.items) throw new Error(`the scan returned ${count} items`)
    return count
  },
  async putRecords(client) {
    for (let call = 0; call < counts.putCalls; call++) {
      const { output } = await client.putRecords(putRecordsOptions(call))
      if (output.failedRecordCount > 0) throw new Error('PutRecords failed')
    }
    return counts.putCalls * recordsPerPut
  },
  async getRecords(client) {
    let read = 0
    for (let pass = 0; pass < counts.readPasses; pass++) {
      const seek = await client.seekShard({ container, path: stream, shardId: 0, seekType: 'EARLIEST' })
      let location = seek.output.location
      for (;;) {
        const { output } = await client.getRecords({
          container,
          path: stream,
          shardId: 0,
          location,
          limit: 1000,
        })
        read += output.records.length
        location = output.nextLocation
        if (output.records.length === 0 || output.recordsBehindLatest === 0) break
      }
    }
    if (read !== counts.shardRecords * counts.readPasses) throw new Error(`GetRecords read ${read}`)
    return read
  },
}

/** The same requests (built by the SDK beforehand, outside the timing) from the raw client. */
function rawPaths(describer, raw) {
  const parse = (response) => {
    if (response.status >= 300) throw new Error(`raw request failed with ${response.status}`)
    return JSON.parse(textDecoder.decode(response.body))
  }
  const putRequests = Array.from({ length: counts.putCalls }, (_, call) =>
    describer.describe(streamOperations.putRecords, putRecordsOptions(call)),
  )
  return {
    async scan() {
      let count = 0
      let marker
      for (;;) {
        const page = parse(
          await raw.send(describer.describe(kvOperations.getItems, { container, path: table, marker })),
        )
        count += page.Items.length
        if (page.LastItemIncluded === 'TRUE' || page.LastItemIncluded === true) break
        marker = page.NextMarker
      }
      if (count !== counts.items) throw new Error(`the raw scan returned ${count} items`)
      return count
    },
    async putRecords() {
      for (const request of putRequests)
        if (parse(await raw.send(request)).FailedRecordCount > 0) throw new Error()
      return counts.putCalls * recordsPerPut
    },
    async getRecords() {
      let read = 0
      for (let pass = 0; pass < counts.readPasses; pass++) {
        const seek = describer.describe(streamOperations.seekShard, {
          container,
          path: stream,
          shardId: 0,
          seekType: 'EARLIEST',
        })
        let location = parse(await raw.send(seek)).Location
        for (;;) {
          const request = describer.describe(streamOperations.getRecords, {
            container,
            path: stream,
            shardId: 0,
            location,
            limit: 1000,
          })
          const page = parse(await raw.send(request))
          read += page.Records.length
          location = page.NextLocation
          if (page.Records.length === 0 || page.RecordsBehindLatest === 0) break
        }
      }
      return read
    },
  }
}

/**
 * The Python floor (bench/python-floor.py) as a variant: one long-lived process, one command per run, so
 * that interpreter start-up stays out of the timings. Undefined where `python3` is missing.
 */
function pythonFloor(endpoint) {
  if (process.argv.includes('--no-python')) return undefined
  if (spawnSync('python3', ['--version']).status !== 0) return undefined
  const child = spawn(
    'python3',
    [new URL('./python-floor.py', import.meta.url).pathname, endpoint, accessKey],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const answers = createInterface({ input: child.stdout })
  const waiting = []
  answers.on('line', (line) => waiting.shift()?.(JSON.parse(line)))
  const run = (command) =>
    new Promise((resolve) => {
      waiting.push(resolve)
      child.stdin.write(`${JSON.stringify({ container, ...command })}\n`)
    })
  const checked = async (command, expected) => {
    const answer = await run(command)
    if (answer.count !== expected) throw new Error(`the Python floor's ${command.path} did ${answer.count}`)
    return answer
  }
  return {
    scan: () => checked({ path: 'scan', table }, counts.items),
    putRecords: () =>
      checked(
        {
          path: 'putRecords',
          stream: `${stream}-put`,
          data: recordData,
          calls: counts.putCalls,
          recordsPerCall: recordsPerPut,
        },
        counts.putCalls * recordsPerPut,
      ),
    getRecords: () =>
      checked(
        { path: 'getRecords', stream, passes: counts.readPasses },
        counts.shardRecords * counts.readPasses,
      ),
    close: () => child.stdin.end(),
  }
}

/** Another build of the SDK to compare with, from `--baseline=<dist directory>`. */
async function loadBaseline() {
  const directory = option('baseline')
  if (!directory) return undefined
  const base = new URL(`file://${directory.endsWith('/') ? directory : `${directory}/`}`)
  const [sdk, node] = await Promise.all([
    import(new URL('index.node.js', base)),
    import(new URL('node/index.js', base)),
  ])
  return {
    Client: sdk.Client,
    nodeHttpTransport: node.nodeHttpTransport,
    kvOperations: sdk.kvOperations,
    streamOperations: sdk.streamOperations,
  }
}

async function main() {
  const baseline = await loadBaseline()
  const emulator = await startEmulatorProcess()
  const clients = {
    default: new Client({ endpoint: emulator.url, accessKey, maxConnections: 1 }),
    nodeHttp: new Client({
      endpoint: emulator.url,
      accessKey,
      maxConnections: 1,
      transport: nodeHttpTransport(),
    }),
  }
  if (baseline) {
    clients.baselineDefault = new baseline.Client({ endpoint: emulator.url, accessKey, maxConnections: 1 })
    clients.baselineNodeHttp = new baseline.Client({
      endpoint: emulator.url,
      accessKey,
      maxConnections: 1,
      transport: baseline.nodeHttpTransport(),
    })
  }
  const raw = rawClient(emulator.url, 1, accessKey)
  const results = {}
  let python
  try {
    await load(clients.default, emulator)
    await clients.default.createStream({ container, path: `${stream}-put`, shardCount: 8 })
    const paths = rawPaths(clients.default, raw)
    const variants = { raw: paths }
    for (const [name, client] of Object.entries(clients))
      variants[name] = {
        scan: () => sdk.scan(client),
        putRecords: () => sdk.putRecords(client),
        getRecords: () => sdk.getRecords(client),
      }
    python = pythonFloor(emulator.url)
    if (python) variants.python = python
    // Runs alternate between the variants, so that a change of the machine's load hits all of them alike.
    for (const path of selectedPaths) {
      const measured = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
      for (const variant of Object.values(variants)) await variant[path]() // warm-up
      for (let run = 0; run < runs; run++) {
        for (const [name, variant] of Object.entries(variants)) {
          let operations = 0
          let ownCpuSeconds
          const result = await measure(emulator, 1, async () => {
            const outcome = await variant[path]()
            // The Python floor answers with its own count and CPU time (its client is another process).
            if (typeof outcome === 'object') {
              operations = outcome.count
              ownCpuSeconds = outcome.cpuSeconds
            } else operations = outcome
          })
          measured[name].push({
            perSecond: operations / (result.milliseconds / 1000),
            clientMicros:
              ownCpuSeconds === undefined
                ? result.clientMicrosPerOp / operations
                : (ownCpuSeconds * 1e6) / operations,
            emulatorMicros: result.emulatorMicrosPerOp / operations,
          })
        }
      }
      results[path] = Object.fromEntries(Object.entries(measured).map(([name, runs]) => [name, best(runs)]))
    }
    const codecSets = { current: { kvOperations, streamOperations } }
    if (baseline) codecSets.baseline = baseline
    results.codecs = await measureCodecs({
      describer: clients.default,
      raw,
      codecSets,
      table,
      stream,
      putOptions: putRecordsOptions(0),
    })
  } finally {
    raw.close()
    python?.close()
    await emulator.stop()
  }
  report(results)
  if (process.argv.includes('--json')) console.log(JSON.stringify(results))
}

function report(results) {
  const unit = { scan: 'items/s', putRecords: 'records/s', getRecords: 'records/s' }
  const format = (value) => Math.round(value).toLocaleString('en-US')
  console.log(`bulk benchmark, best of ${runs} run(s)${quick ? ' (quick)' : ''}`)
  for (const path of selectedPaths) {
    const row = results[path]
    const floor = row.raw.perSecond
    for (const name of Object.keys(row)) {
      const { perSecond, clientMicros, emulatorMicros } = row[name]
      console.log(
        `${path.padEnd(10)} ${name.padEnd(16)} ${format(perSecond).padStart(8)} ${unit[path]}  ` +
          `${(perSecond / floor).toFixed(2)}× raw  client ${clientMicros.toFixed(1)} µs, emulator ${emulatorMicros.toFixed(1)} µs per unit`,
      )
    }
  }
  const c = results.codecs
  console.log(
    `codecs in process (fastest of 40 alternating samples): GetItems page of ${c.pageItems} items (${format(c.pageBytes)} bytes), ` +
      `GetRecords page of ${c.recordCount} records (${format(c.recordsBytes)} bytes), PutRecords body of ${recordsPerPut} records`,
  )
  const codecRow = (name, timings) =>
    console.log(
      `${name.padEnd(28)} page ${timings.pageDecode.toFixed(0).padStart(6)} µs (${(timings.pageDecode / c.floor.pageDecode).toFixed(2)}×)` +
        `  records ${timings.recordsDecode.toFixed(0).padStart(6)} µs (${(timings.recordsDecode / c.floor.recordsDecode).toFixed(2)}×)` +
        `  put ${timings.putEncode.toFixed(0).padStart(5)} µs (${(timings.putEncode / c.floor.putEncode).toFixed(2)}×)`,
    )
  codecRow('floor (JSON.parse/stringify)', c.floor)
  for (const [name, timings] of Object.entries(c.builds)) codecRow(`${name} build`, timings)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
