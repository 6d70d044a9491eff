/**
 * `npm run bench`: starts the built emulator in a child process, drives it from this process with the
 * built SDK (on each of its transports) and with a minimal raw HTTP client, prints the figures and writes
 * docs/benchmarks.md.
 *
 * Options: `--quick` (small counts, for a smoke run; does not write the document), `--no-write`,
 * `--save=<file>` (also keep the measurements as JSON) and `--render=<file>` (measure nothing: write the
 * document from saved measurements, e.g. after editing the analysis).
 */
import { execFile, fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
// `v3io` as Node resolves it (the package's own `node` entry): its default transport is Node's default.
import { Client } from 'v3io'
import { browserRows } from './browser.mjs'
import { loadScanTable, pageCodec, scanTableWithCursor, streamRecords } from './data-paths.mjs'
import { machineDescription, renderReport } from './report.mjs'
import { throughputRows } from './throughput.mjs'

const accessKey = 'bench-access-key'
const quick = process.argv.includes('--quick')
const write = !quick && !process.argv.includes('--no-write')
const option = (name) =>
  process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3)
const reportUrl = new URL('../docs/benchmarks.md', import.meta.url)
const counts = quick
  ? { sequentialOps: 300, batchedOps: 1000, scanItems: 5000, records: 5000, browserOps: 300, runtimeOps: 500 }
  : // Four variants per cell (raw and three SDK transports) fit in about four minutes on two cores.
    {
      sequentialOps: 1000,
      batchedOps: 4000,
      scanItems: 100_000,
      records: 100_000,
      browserOps: 1000,
      runtimeOps: 2000,
    }

async function startEmulatorProcess() {
  const child = fork(new URL('./emulator-process.mjs', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiting = []
  const url = await new Promise((resolve, reject) => {
    child.once('error', reject)
    child.on('message', (message) => {
      if (message.url) resolve(message.url)
      if (message.cpu) waiting.shift()?.(message.cpu)
    })
  })
  return {
    url,
    cpu: () =>
      new Promise((resolve) => {
        waiting.push(resolve)
        child.send('cpu')
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.send('stop')
      }),
  }
}

/** ky versus bare fetch in Deno and Bun (from node_modules/.bin), each in a child process. */
async function runtimeRows(url, operations, log) {
  const rows = []
  for (const [name, args] of [
    ['deno', ['run', '-A', 'bench/runtime-transports.mjs']],
    ['bun', ['bench/runtime-transports.mjs']],
  ]) {
    const binary = new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
    if (!existsSync(binary)) {
      log(`${name}: not installed, skipped`)
      continue
    }
    const output = await new Promise((resolve, reject) =>
      execFile(
        binary,
        [...args, url, String(operations)],
        { cwd: new URL('..', import.meta.url).pathname },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    ).catch((error) => {
      log(`${name}: failed (${error.message.split('\n')[0]})`)
      return undefined
    })
    if (output === undefined) continue
    const row = JSON.parse(output.trim().split('\n').at(-1))
    rows.push(row)
    log(
      `${row.runtime}: ${row.rows.map((r) => `${r.workload} ky ${r.ky.toFixed(0)}/s fetch ${r.fetch.toFixed(0)}/s`).join('; ')}`,
    )
  }
  return rows
}

async function main() {
  const saved = option('render')
  if (saved) {
    await writeFile(reportUrl, renderReport(JSON.parse(await readFile(saved, 'utf8'))))
    console.log(`wrote docs/benchmarks.md from ${saved}`)
    return
  }
  const started = Date.now()
  const loadBefore = os.loadavg()[0]
  const log = (line) => console.log(line)
  const emulator = await startEmulatorProcess()
  const newClient = (maxConnections, transport) =>
    new Client({ endpoint: emulator.url, accessKey, maxConnections, ...(transport ? { transport } : {}) })
  log(`v3io benchmark against ${emulator.url} (${machineDescription().cpu})${quick ? ' — quick run' : ''}`)
  try {
    const rows = await throughputRows({ emulator, newClient, accessKey, ...counts, log })
    const browser = await browserRows({
      endpoint: emulator.url,
      accessKey,
      operations: counts.browserOps,
      rounds: 2,
      log,
    })
    if (browser)
      log(
        `browser: ${browser.rows.map((r) => `${r.workload} raw fetch ${r.raw.toFixed(0)}/s default ${(r.default / r.fetch).toFixed(2)}× bare fetch`).join('; ')}`,
      )
    const runtimes = await runtimeRows(emulator.url, counts.runtimeOps, log)
    const bulk = newClient(32)
    const load = await loadScanTable(bulk, emulator, accessKey, counts.scanItems)
    log(`loaded ${counts.scanItems} items (raw client) at ${load.perSecond.toFixed(0)} items/s`)
    const scan = await scanTableWithCursor(newClient(8), emulator, counts.scanItems)
    log(
      `cursor scan ${scan.perSecond.toFixed(0)} items/s, peak RSS ${(scan.peakRss / 2 ** 20).toFixed(0)} MiB`,
    )
    const records = await streamRecords(bulk, emulator, {
      records: counts.records,
      perRequest: 500,
      shards: 8,
    })
    log(
      `PutRecords ${records.put.perSecond.toFixed(0)} records/s, GetRecords ${records.get.perSecond.toFixed(0)} records/s`,
    )
    const codec = await pageCodec(bulk, emulator.url, accessKey)
    log(
      `1000-item page: decode ${codec.decodeMicros.toFixed(0)} µs vs JSON.parse ${codec.parseMicros.toFixed(0)} µs; ` +
        `encode ${codec.encodeMicros.toFixed(0)} µs vs JSON.stringify ${codec.stringifyMicros.toFixed(0)} µs`,
    )
    const seconds = (Date.now() - started) / 1000
    log(`done in ${seconds.toFixed(0)} s`)
    const loadAverage = [loadBefore, os.loadavg()[0]]
    const date = new Date().toISOString().slice(0, 10)
    const measurements = {
      rows,
      browser,
      runtimes,
      load,
      scan,
      records,
      codec,
      counts,
      seconds,
      loadAverage,
      date,
    }
    const saveTo = option('save')
    if (saveTo) await writeFile(saveTo, JSON.stringify(measurements))
    if (write) {
      await writeFile(reportUrl, renderReport(measurements))
      log('wrote docs/benchmarks.md')
    }
  } finally {
    await emulator.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
