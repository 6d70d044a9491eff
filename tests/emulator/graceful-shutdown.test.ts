import { type ChildProcess, spawn } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const repository = fileURLToPath(new URL('../..', import.meta.url))

interface CliProcess {
  readonly child: ChildProcess
  readonly url: URL
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>
  output(): string
}

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** Runs `v3io-emulator` from source as a child process on a free port. */
async function startCli(...args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', ...args], {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  )
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CLI did not start: ${output}`)), 30_000)
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(new URL(match[1] as string))
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', () => reject(new Error(`the CLI exited: ${output}`)))
  })
  return { child, url, exited, output: () => output }
}

/** An upload that sends its headers and part of its body now, the rest when told. */
function slowUpload(url: URL, path: string, body: string) {
  const socket: Socket = connect(Number(url.port), url.hostname)
  let received = ''
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1')
  })
  socket.on('error', () => undefined)
  const answered = new Promise<string>((resolve) => socket.once('close', () => resolve(received)))
  const started = new Promise<void>((resolve) =>
    socket.once('connect', () => {
      socket.write(`PUT ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: ${body.length}\r\n\r\n`)
      socket.write(body.slice(0, 10), () => resolve())
    }),
  )
  return {
    started,
    answered,
    finish: () => {
      socket.write(body.slice(10))
    },
  }
}

function connectionRefused(url: URL): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname)
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
  })
}

describe('v3io-emulator on SIGTERM', () => {
  it('refuses new connections, finishes the 8 in-flight uploads, then exits 0', async () => {
    const cli = await startCli('--quiet', '--shutdown-grace', '8000')
    const uploads = Array.from({ length: 8 }, (_, index) =>
      slowUpload(cli.url, `/bigdata/in-flight-${index}`, `body of upload ${index} `.repeat(20)),
    )
    await Promise.all(uploads.map((upload) => upload.started))
    // Let the emulator see every request's headers before the signal.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const signalled = performance.now()
    cli.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(cli.child.exitCode).toBeNull()
    expect(await connectionRefused(cli.url)).toBe('ECONNREFUSED')
    for (const upload of uploads) upload.finish()
    const answers = await Promise.all(uploads.map((upload) => upload.answered))
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
      expect(answer).toMatch(/\r\nConnection: close\r\n/i)
    }
    const exit = await cli.exited
    expect([exit.code, exit.signal]).toEqual([0, null])
    expect(exit.at - signalled).toBeLessThan(8000)
    expect(cli.output()).toContain('SIGTERM, finishing in-flight requests')
  }, 60_000)

  it('gives up on a request that outlasts the grace period, and still exits 0 in bounded time', async () => {
    const cli = await startCli('--quiet', '--shutdown-grace', '500')
    const stuck = slowUpload(cli.url, '/bigdata/never-finished', 'x'.repeat(1000))
    await stuck.started
    await new Promise((resolve) => setTimeout(resolve, 200))
    const signalled = performance.now()
    cli.child.kill('SIGINT')
    const exit = await cli.exited
    expect([exit.code, exit.signal]).toEqual([0, null])
    expect(exit.at - signalled).toBeGreaterThanOrEqual(400)
    expect(exit.at - signalled).toBeLessThan(5000)
    expect(await stuck.answered).toBe('')
  }, 60_000)
})
