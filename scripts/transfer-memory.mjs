/**
 * The client's memory during one large streamed upload and download (docs/decisions-io.md, IO-1): this
 * process is the client; it puts `--mib` MiB from a ReadableStream with `putObject`, reads them back
 * with `getObject({ stream: true })`, samples its own RSS every 10 ms (collecting garbage every 20 ms), and reports the RSS
 * growth over its baseline per transfer as a fraction of the object. Without `--endpoint` it starts the emulator
 * in a child process, so that the emulator's memory is not counted.
 *
 *   node --import tsx --expose-gc scripts/transfer-memory.mjs [--mib 200] [--transport node|fetch|ky]
 *
 * With `--json` it prints one JSON line (tests/integration/large-object-memory.test.ts reads it).
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ask } from './child-messages.mjs'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    endpoint: { type: 'string' },
    mib: { type: 'string', default: '200' },
    transport: { type: 'string', default: 'node' },
    json: { type: 'boolean', default: false },
  },
})

async function serve() {
  const { startEmulator } = await import('../src/emulator/index.ts')
  const emulator = await startEmulator({ port: 0 })
  process.on('message', (message) => {
    if (message === 'stop') emulator.close().then(() => process.exit(0))
  })
  process.send({ url: emulator.url })
}

/** A stream of `size` bytes in 64 KiB chunks, each made when the reader asks for it. */
function source(size) {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close()
      const chunk = new Uint8Array(Math.min(64 * 1024, size - sent)).fill(sent / (1024 * 1024))
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
}

/** Runs `work` while sampling RSS; resolves with its result and the peak RSS growth over `baseline`. */
async function sampled(baseline, work) {
  let peak = process.memoryUsage().rss
  let ticks = 0
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
    // A collection every other sample, so that the peak shows memory held rather than garbage not yet
    // collected: at local speeds a transfer discards tens of MiB of chunks per 100 ms.
    if (++ticks % 2 === 0) globalThis.gc?.()
  }, 10)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, growth: peak - baseline }
  } finally {
    clearInterval(timer)
  }
}

async function measure(endpoint, mib, transportName) {
  const { Client, fetchTransport, kyTransport } = await import('../src/index.node.ts')
  const size = mib * 1024 * 1024
  const client = new Client({
    endpoint,
    accessKey: 'memory-measurement',
    ...(transportName === 'fetch' ? { transport: fetchTransport() } : {}),
    ...(transportName === 'ky' ? { transport: kyTransport() } : {}),
  })
  const path = `transfer-memory-${process.pid}-${transportName}`
  // Warm up (code loaded, connection open) before the baseline.
  await client.putObject({ container: 'bigdata', path, body: source(1024) })
  globalThis.gc?.()
  const baseline = process.memoryUsage().rss
  const upload = await sampled(baseline, () =>
    client.putObject({ container: 'bigdata', path, body: source(size) }),
  )
  globalThis.gc?.()
  const downloadBaseline = process.memoryUsage().rss
  const download = await sampled(downloadBaseline, async () => {
    const { output } = await client.getObject({ container: 'bigdata', path, stream: true })
    let bytes = 0
    let marks = 0
    for await (const chunk of output) {
      // Each MiB of the object holds its index: check one byte per MiB.
      if ((bytes & 0xfffff) === 0 && chunk[0] === ((bytes / (1024 * 1024)) & 0xff)) marks++
      bytes += chunk.byteLength
    }
    return { bytes, marks }
  })
  await client.deleteObject({ container: 'bigdata', path })
  return {
    transport: transportName,
    size,
    uploadStatus: upload.result.statusCode,
    uploadGrowth: upload.growth,
    downloadBytes: download.result.bytes,
    downloadGrowth: download.growth,
  }
}

if (values.serve) await serve()
else {
  let child
  let endpoint = values.endpoint
  if (!endpoint) {
    child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'] })
    endpoint = await ask(child, undefined, 'url')
  }
  const outcome = await measure(endpoint, Number(values.mib), values.transport)
  child?.send('stop')
  if (values.json) console.log(JSON.stringify(outcome))
  else {
    const ratio = (bytes) => (bytes / outcome.size).toFixed(3)
    console.log(`${values.mib} MiB through the ${outcome.transport} transport`)
    console.log(
      `upload:   status ${outcome.uploadStatus}, client RSS growth ${ratio(outcome.uploadGrowth)} × object`,
    )
    console.log(
      `download: ${outcome.downloadBytes} bytes streamed, client RSS growth ${ratio(outcome.downloadGrowth)} × object`,
    )
  }
}
