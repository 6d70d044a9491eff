/** Renders docs/benchmarks.md from the measurements. */
import os from 'node:os'
import { analysis } from './analysis.mjs'
import { browserConcurrency } from './browser.mjs'
import { operationsOf, variants } from './throughput.mjs'

/** The machine, for the report header. */
export function machineDescription() {
  const cpus = os.cpus()
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    system: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  }
}

const rate = (value) => Math.round(value).toLocaleString('en-US')
const micros = (value) => value.toFixed(1)
const percent = (value) => `${Math.round(value * 100)}%`
const mebibytes = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

/** Which process limits a run: the one whose CPU is (nearly) saturated. */
function saturated(run) {
  if (run.emulatorShare >= 0.85 && run.emulatorShare >= run.clientShare) return 'emulator CPU'
  if (run.clientShare >= 0.85) return 'client CPU'
  return 'neither (round-trip latency)'
}

const concurrencyLabel = (row) => (row.concurrency === 1 ? '1 (sequential)' : `${row.concurrency} (batch)`)
const sdkKeys = ['ky', 'fetch', 'node']

/** Operations per second of every variant, and each SDK variant's ratio to the raw ceiling. */
function ratesTable(rows) {
  const lines = [
    '| operation | concurrency | raw ops/s | SDK `kyTransport` ops/s | ÷ raw | SDK `fetchTransport` ops/s | ÷ raw | SDK default (Node: `nodeHttpTransport`) ops/s | ÷ raw |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const row of rows) {
    if (row.missing) {
      lines.push(`| ${row.workload} | — | not measured: ${row.missing} | | | | | | |`)
      continue
    }
    const cells = sdkKeys.map(
      (key) => `${rate(row[key].perSecond)} | ${(row[key].perSecond / row.raw.perSecond).toFixed(2)}`,
    )
    lines.push(
      `| ${row.workload} | ${concurrencyLabel(row)} | ${rate(row.raw.perSecond)} | ${cells.join(' | ')} |`,
    )
  }
  return lines.join('\n')
}

/** Client CPU per request of every variant; emulator CPU and saturation of the raw and node:http runs. */
function cpuTable(rows) {
  const lines = [
    '| operation | concurrency | client µs/op: raw | ky | fetch | node:http | emulator µs/op: raw run | node:http run | client / emulator CPU: raw run | ky run | node:http run | saturated: raw run | ky run | node:http run |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
  ]
  for (const row of rows) {
    if (row.missing) continue
    const shares = (run) => `${percent(run.clientShare)} / ${percent(run.emulatorShare)}`
    lines.push(
      `| ${row.workload} | ${concurrencyLabel(row)} | ` +
        `${['raw', ...sdkKeys].map((key) => micros(row[key].clientMicrosPerOp)).join(' | ')} | ` +
        `${micros(row.raw.emulatorMicrosPerOp)} | ${micros(row.node.emulatorMicrosPerOp)} | ` +
        `${shares(row.raw)} | ${shares(row.ky)} | ${shares(row.node)} | ` +
        `${saturated(row.raw)} | ${saturated(row.ky)} | ${saturated(row.node)} |`,
    )
  }
  return lines.join('\n')
}

/** The aims of issue 14: the default client and nodeHttpTransport against raw at 8 and 32. */
function aimsTable(rows) {
  const lines = [
    '| operation | concurrency | default client (no transport option: `nodeHttpTransport`) ÷ raw | `kyTransport` ÷ raw | aim ≥ 0.9 met |',
    '|---|---:|---:|---:|---|',
  ]
  for (const row of rows) {
    if (row.missing || (row.concurrency !== 8 && row.concurrency !== 32)) continue
    const ratio = (key) => row[key].perSecond / row.raw.perSecond
    lines.push(
      `| ${row.workload} | ${row.concurrency} | ${ratio('node').toFixed(2)} | ${ratio('ky').toFixed(2)} | ${ratio('node') >= 0.9 ? 'yes' : 'no'} |`,
    )
  }
  return lines.join('\n')
}

function browserSection(browser) {
  if (!browser) return 'Not measured in this run (Chromium or playwright-core missing; see the log).'
  const lines = [
    `${browser.userAgent}, ${browserConcurrency} connections (Chromium's HTTP/1.1 limit per host); batches of ${rate(browser.operations)} operations, best of two.`,
    '',
    '| operation | raw `fetch` loop ops/s | SDK `fetchTransport` ops/s | SDK default transport ops/s | default ÷ bare fetch (aim ≥ 0.8) | bare fetch ÷ raw |',
    '|---|---:|---:|---:|---:|---:|',
  ]
  for (const row of browser.rows)
    lines.push(
      `| ${row.workload} | ${rate(row.raw)} | ${rate(row.fetch)} | ${rate(row.default)} | ${(row.default / row.fetch).toFixed(2)} | ${(row.fetch / row.raw).toFixed(2)} |`,
    )
  return lines.join('\n')
}

function runtimesSection(runtimes) {
  if (!runtimes?.length) return 'Not measured in this run (neither Deno nor Bun in node_modules/.bin).'
  const lines = [
    '| runtime | operation | `kyTransport` ops/s | `fetchTransport` ops/s | bare fetch ÷ ky |',
    '|---|---|---:|---:|---:|',
  ]
  for (const { runtime, rows } of runtimes)
    for (const row of rows)
      lines.push(
        `| ${runtime} | ${row.workload} | ${rate(row.ky)} | ${rate(row.fetch)} | ${(row.fetch / row.ky).toFixed(2)} |`,
      )
  return lines.join('\n')
}

/** The whole document. */
export function renderReport({
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
}) {
  const machine = machineDescription()
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs) on ${date}; the measurements
took ${Math.round(seconds)} s after the build. Re-run it to refresh this file; the "Analysis" section comes from bench/analysis.mjs.

| | |
|---|---|
| CPU | ${machine.cpu} |
| memory | ${machine.memory} |
| system | ${machine.system} |
| Node | ${machine.node} |
| 1-minute load average, start → end of the run | ${loadAverage.map((value) => value.toFixed(2)).join(' → ')} (anything above 0 is other work competing for the cores) |

**Set-up.** The built emulator (\`dist/emulator\`) runs in a child process; the built SDK (\`dist/\`)
runs in the parent, so the two compete for the same cores exactly as a client and a local emulator would.
"Raw" is a minimal client on Node's \`http\` module with a keep-alive agent of as many sockets as the
concurrency, sending byte-for-byte the requests the SDK builds (\`client.describe\`, encoded before
timing): it is the ceiling of what any client can get from this emulator on this machine. The SDK is
measured on each of its transports: \`kyTransport()\` (\`fetch\` through ky, the browsers' default),
\`fetchTransport()\` (bare \`fetch\`) and the Node default, \`new Client()\` with no transport option as
Node resolves \`v3io\` (\`nodeHttpTransport\`: \`node:http\` with a keep-alive agent). "Sequential"
awaits each call before the next; "batch" issues its calls on a \`client.createBatch()\` of a client whose
\`maxConnections\` is the concurrency, then \`wait()\`s (the raw client runs as many workers as the
concurrency). After a warm-up of 1,000 operations per variant, the variants take turns: raw and
node:http are measured three times on ${rate(counts.sequentialOps)} (sequential) or ${rate(counts.batchedOps)} (batch)
operations, ky and fetch (several times slower, and far from the ceiling) twice on
${rate(operationsOf(variants[1], counts.sequentialOps))} or ${rate(operationsOf(variants[1], counts.batchedOps))}; each cell is the best run. CPU is
\`process.cpuUsage()\` of each process over the run: µs per operation, and the share of one core (100% =
one core busy for the whole run).

Objects are 256-byte bodies; items have five attributes (two strings, an int, a double, a boolean); both
cycle over 1,000 keys.

## Request rates

${ratesTable(rows)}

## The aims at concurrency 8 and 32 (Node)

The "default client" is \`new Client()\` with no transport option, imported as \`v3io\`: Node resolves
the package's \`node\` entry, whose default transport is \`nodeHttpTransport\`.

${aimsTable(rows)}

## Browser (Chromium)

${browserSection(browser)}

## Deno and Bun: ky or bare fetch

GetItem and PutItem batches at concurrency 8 (\`bench/runtime-transports.mjs\`), best of three.

${runtimesSection(runtimes)}

## Client CPU per request, and which side saturates

${cpuTable(rows)}

## Bulk data

| measurement | figure |
|---|---|
| PutItem load of the scan table (set-up, raw client at concurrency 32) | ${rate(load.perSecond)} items/s |
| cursor scan of ${rate(counts.scanItems)} items (\`newItemsCursor\`, default pages) | ${rate(scan.perSecond)} items/s |
| client memory during the scan | RSS ${mebibytes(scan.before.rss)} before, ${mebibytes(scan.peakRss)} peak; heap ${mebibytes(scan.before.heapUsed)} before, ${mebibytes(scan.peakHeap)} peak |
| PutRecords, ${rate(counts.records)} records of 100 bytes, 500 per request, batch at concurrency 32, 8 shards | ${rate(records.put.perSecond)} records/s |
| GetRecords of the same records, \`limit\` 1000, the 8 shards read concurrently | ${rate(records.get.perSecond)} records/s |

## GetItems page codec

One page of ${codec.count} items (${rate(codec.bytes)} bytes of JSON), timed in-process:

| step | µs per page | µs per item | vs plain JSON |
|---|---:|---:|---:|
| SDK decode (\`getItems.decode\`: lossless JSON, typed attributes) | ${micros(codec.decodeMicros)} | ${(codec.decodeMicros / codec.count).toFixed(2)} | ${(codec.decodeMicros / codec.parseMicros).toFixed(1)}× |
| \`JSON.parse\` of the same bytes (after \`TextDecoder\`) | ${micros(codec.parseMicros)} | ${(codec.parseMicros / codec.count).toFixed(2)} | 1× |
| SDK encode of the same items as PutItem requests (\`putItem.encode\`, validation included) | ${micros(codec.encodeMicros)} | ${(codec.encodeMicros / codec.count).toFixed(2)} | ${(codec.encodeMicros / codec.stringifyMicros).toFixed(1)}× |
| \`JSON.stringify\` of the same wire bodies | ${micros(codec.stringifyMicros)} | ${(codec.stringifyMicros / codec.count).toFixed(2)} | 1× |

${analysis}
`
}
