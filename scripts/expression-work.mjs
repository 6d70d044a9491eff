/**
 * Fairness under costly expressions (docs/decisions-emulator.md, DE-1): how long another client waits
 * while a GetItems with the costliest filters runs, with the expression work budget and without it.
 *
 *   node --import tsx scripts/expression-work.mjs [--items 24]
 *
 * The emulator runs in a child process (this script with `--serve`), so that the side requests are
 * delayed only by the emulator's event loop. A side client sends `GET /` every 10 ms; latencies are
 * reported against the same client's latencies with the emulator idle (the baseline, same run). The
 * "unbounded" rows use an emulator whose budget is effectively off, on 2 items only (each takes seconds).
 */
import { fork } from 'node:child_process'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ask } from './child-messages.mjs'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    limit: { type: 'string' },
    items: { type: 'string', default: '24' },
  },
})

async function serve() {
  const { startEmulator } = await import('../src/emulator/index.ts')
  const emulator = await startEmulator({
    port: 0,
    scanGroupBoundaries: false,
    ...(values.limit ? { expressionWorkLimit: Number(values.limit) } : {}),
  })
  process.on('message', async (message) => {
    if (message === 'stop') {
      await emulator.close()
      process.exit(0)
    }
  })
  process.send({ url: emulator.url })
}

function http(url, method, path, headers = {}, body = undefined) {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url)
    const outgoing = request(target, { method, headers }, (incoming) => {
      const chunks = []
      incoming.on('data', (chunk) => chunks.push(chunk))
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode, text: Buffer.concat(chunks).toString() }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

const repeat = (count, text, separator) => Array.from({ length: count }, () => text).join(separator)
// Each costs just under the default budget (4,000,000 units) per item and matches nothing.
const boundedFilters = {
  'blob comparisons (7 × 1 MB)': `NOT (b IN (${repeat(7, 'b', ',')}))`,
  'string comparisons (60 × 60 KB)': `NOT (s IN (${repeat(60, 't', ',')}))`,
  'array minimum (2 × 131070 int64)': repeat(2, "min(init_array(131070,'int')) == 1", ' OR '),
}
// Within the documented limits (8 KB, 700 operators) but ~500 times the budget.
const unboundedFilter = `NOT (${repeat(3, `b IN (${repeat(1024, 'b', ',')})`, ' OR ')})`

async function startChild(limit) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', ...(limit ? ['--limit', limit] : [])], {
    execArgv: ['--import', 'tsx'],
  })
  return { child, url: await ask(child, undefined, 'url') }
}

async function fillTable(url, count) {
  const blob = Buffer.alloc(1_000_000).toString('base64')
  const s = `${'a'.repeat(61_199)}b`
  const t = `${'a'.repeat(61_199)}c`
  for (let k = 0; k < count; k++) {
    const answer = await http(
      url,
      'PUT',
      `/bigdata/work/item-${k}`,
      { 'X-v3io-function': 'PutItem' },
      JSON.stringify({ Item: { b: { B: blob }, s: { S: s }, t: { S: t } } }),
    )
    if (answer.status !== 200) throw new Error(`PutItem answered ${answer.status}: ${answer.text}`)
  }
}

/** Side latencies (ms) while `during` runs, or for `milliseconds` when there is nothing to wait for. */
async function sideLatencies(url, during, milliseconds = 1500) {
  let done = false
  const work = during ? during().finally(() => (done = true)) : undefined
  const until = performance.now() + milliseconds
  const latencies = []
  while (work ? !done : performance.now() < until) {
    const sent = performance.now()
    await http(url, 'GET', '/')
    latencies.push(performance.now() - sent)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return { latencies, result: await work }
}

function summarize(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { n: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] }
}

async function scan(url, filter) {
  const started = performance.now()
  const pages = []
  let marker
  for (;;) {
    const answer = await http(
      url,
      'PUT',
      '/bigdata/work/',
      { 'X-v3io-function': 'GetItems' },
      JSON.stringify({ FilterExpression: filter, ...(marker ? { Marker: marker } : {}) }),
    )
    const page = JSON.parse(answer.text)
    pages.push(answer.status === 200 ? page.NumItems : page.ErrorMessage)
    if (answer.status !== 200 || page.LastItemIncluded === 'TRUE') break
    marker = page.NextMarker
  }
  return { milliseconds: performance.now() - started, pages }
}

const format = (value) => value.toFixed(1).padStart(7)

async function measure() {
  const items = Number(values.items)
  const rows = []
  const bounded = await startChild()
  await fillTable(bounded.url, items)
  const idle = summarize((await sideLatencies(bounded.url)).latencies)
  rows.push(['idle (baseline)', idle, undefined])
  for (const [name, filter] of Object.entries(boundedFilters)) {
    const { latencies, result } = await sideLatencies(bounded.url, () => scan(bounded.url, filter))
    rows.push([`${name}, ${items} items`, summarize(latencies), result])
  }
  const refused = await scan(bounded.url, unboundedFilter)
  bounded.child.send('stop')

  const unbounded = await startChild('1000000000000')
  await fillTable(unbounded.url, 2)
  const { latencies, result } = await sideLatencies(unbounded.url, () => scan(unbounded.url, unboundedFilter))
  rows.push(['no budget: 3 × IN of 1024 blobs, 2 items', summarize(latencies), result])
  unbounded.child.send('stop')

  console.log(`side GET / latency, ms (ratio of max to the idle median ${idle.median.toFixed(1)} ms)`)
  console.log(`${'scan'.padEnd(46)}      n  median     p99     max   ratio   scan ms / item`)
  for (const [name, stats, scanResult] of rows) {
    const perItem = scanResult ? format(scanResult.milliseconds / (name.startsWith('no') ? 2 : items)) : ''
    console.log(
      `${name.padEnd(46)} ${String(stats.n).padStart(6)} ${format(stats.median)} ${format(stats.p99)} ` +
        `${format(stats.max)} ${format(stats.max / idle.median)}  ${perItem}`,
    )
  }
  console.log(`with the budget, the unbounded filter answers: ${refused.pages[0]}`)
}

if (values.serve) await serve()
else await measure()
