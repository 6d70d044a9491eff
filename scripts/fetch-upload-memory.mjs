/**
 * Why a stream upload through Node's `fetch` once held the whole body (docs/decisions-io.md, IO-1), shown
 * without the SDK: this process uploads `--mib` MiB from a ReadableStream with `fetch` (`duplex: 'half'`)
 * to a node:http server in a child process that discards what it reads, and reports its own peak RSS
 * growth as a fraction of the body. With `--redirect follow` (fetch's default) undici clones the request
 * to be able to follow a redirect, and the clone tees the body: the branch kept for the redirect buffers
 * every byte sent. `--redirect error` (what the SDK sends a stream with) makes no clone.
 *
 *   node --expose-gc scripts/fetch-upload-memory.mjs [--mib 200] [--redirect follow|error]
 */
import { fork } from 'node:child_process'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    mib: { type: 'string', default: '200' },
    redirect: { type: 'string', default: 'follow' },
  },
})

if (values.serve) {
  const server = createServer((request, response) => {
    let received = 0
    request.on('data', (chunk) => {
      received += chunk.byteLength
    })
    request.on('end', () => response.end(String(received)))
  })
  server.listen(0, '127.0.0.1', () => process.send(server.address().port))
} else {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'])
  const port = await new Promise((resolve) => child.once('message', resolve))
  const size = Number(values.mib) * 1024 * 1024
  let made = 0
  const body = new ReadableStream({
    pull(controller) {
      if (made >= size) return controller.close()
      made += 64 * 1024
      controller.enqueue(new Uint8Array(64 * 1024))
    },
  })
  globalThis.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  let ticks = 0
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
    if (++ticks % 2 === 0) globalThis.gc?.()
  }, 10)
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'PUT',
    body,
    duplex: 'half',
    redirect: values.redirect,
  })
  const received = await response.text()
  clearInterval(timer)
  child.kill()
  const growth = ((Math.max(peak, process.memoryUsage().rss) - baseline) / size).toFixed(3)
  console.log(
    `redirect: '${values.redirect}': the server read ${received} bytes; client RSS growth ${growth} × body`,
  )
}
