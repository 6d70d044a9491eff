/**
 * Memory cost of one large PutObject (docs/emulator-safety.md, "Bodies"): the emulator runs in a child
 * process that samples its RSS every 20 ms; this script streams one body of `--mib` MiB with
 * `Content-Length` and reports the emulator's RSS growth, peak and after GC, as multiples of the body.
 *
 *   node --import tsx scripts/upload-memory.mjs [--mib 512]
 */
import { fork } from 'node:child_process'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ask } from './child-messages.mjs'

const { values } = parseArgs({
  options: { serve: { type: 'boolean', default: false }, mib: { type: 'string', default: '512' } },
})

async function serve() {
  const { startEmulator } = await import('../src/emulator/index.ts')
  const emulator = await startEmulator({ port: 0, maxObjectSize: 4 * 1024 ** 3 })
  let peak = process.memoryUsage().rss
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20).unref()
  process.on('message', (message) => {
    if (message === 'memory') {
      globalThis.gc?.()
      const rss = process.memoryUsage().rss
      process.send({ memory: { rss, peak: Math.max(peak, rss) } })
      peak = rss
    }
    if (message === 'stop') emulator.close().then(() => process.exit(0))
  })
  process.send({ url: emulator.url })
}

function put(url, size) {
  const chunk = Buffer.alloc(1024 * 1024, 7)
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}/bigdata/large-upload`, {
      method: 'PUT',
      headers: { 'Content-Length': size },
    })
    outgoing.on('response', (incoming) => {
      incoming.resume()
      incoming.on('end', () => resolve(incoming.statusCode))
    })
    outgoing.on('error', reject)
    let sent = 0
    const pump = () => {
      while (sent < size) {
        sent += chunk.length
        if (!outgoing.write(chunk)) return outgoing.once('drain', pump)
      }
      outgoing.end()
    }
    pump()
  })
}

async function measure(mib) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
  })
  const url = await ask(child, undefined, 'url')
  const before = await ask(child, 'memory', 'memory')
  const size = mib * 1024 * 1024
  const status = await put(url, size)
  const after = await ask(child, 'memory', 'memory')
  child.send('stop')
  const ratio = (bytes) => (bytes / size).toFixed(2)
  console.log(`PUT ${mib} MiB → ${status}`)
  console.log(
    `emulator RSS growth: peak ${ratio(after.peak - before.rss)} × body, after GC ${ratio(after.rss - before.rss)} × body`,
  )
}

if (values.serve) await serve()
else await measure(Number(values.mib))
