#!/usr/bin/env node
/** `v3io-emulator`: runs the emulator from the command line. */
import { parseArgs } from 'node:util'
import { type RunningEmulator, startEmulator } from './index.js'

const usage = `Usage: v3io-emulator [--host 127.0.0.1] [--port 8081] [--container NAME]... [--access-key KEY]...
                     [--allow-origin ORIGIN|*]... [--allow-host NAME|*]... [--max-object-size BYTES]
                     [--shutdown-grace MS] [--data-dir DIR [--reset]] [--console] [--quiet]

Serves the V3IO web API locally. Containers default to "bigdata" and "users"; without --access-key every
request is accepted. Data lives in memory unless --data-dir names a directory to keep it in (SQLite:
Node 22.5+ or the better-sqlite3 package); --reset wipes the emulator's files there first. Browsers may
call it from loopback origins only unless --allow-origin is given, and requests must name a loopback host
unless --allow-host is given. On SIGTERM or SIGINT it stops accepting connections, lets in-flight
requests finish (up to --shutdown-grace, default 10000 ms), closes the store and exits. --console serves
the web console at /console/ (open it in a browser; it talks to this emulator unless told otherwise).`

function integerOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new Error(`invalid --${name}: ${text}`)
  return value
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8081' },
      container: { type: 'string', multiple: true },
      'access-key': { type: 'string', multiple: true },
      'allow-origin': { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true },
      'max-object-size': { type: 'string' },
      'shutdown-grace': { type: 'string', default: '10000' },
      quiet: { type: 'boolean', default: false },
      console: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const port = integerOption('port', values.port) ?? 8081
  if (port > 65535) throw new Error(`invalid --port: ${values.port}`)
  const grace = integerOption('shutdown-grace', values['shutdown-grace']) ?? 10_000
  const maxObjectSize = integerOption('max-object-size', values['max-object-size'])
  if (values.reset && values['data-dir'] === undefined) throw new Error('--reset needs --data-dir')
  const emulator = await startEmulator({
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'], reset: values.reset } : {}),
    host: values.host,
    port,
    ...(values.container ? { containers: values.container } : {}),
    ...(values['access-key'] ? { accessKeys: values['access-key'] } : {}),
    ...(values['allow-origin'] ? { allowedOrigins: values['allow-origin'] } : {}),
    ...(values['allow-host'] ? { allowedHosts: values['allow-host'] } : {}),
    ...(maxObjectSize === undefined ? {} : { maxObjectSize }),
    console: values.console,
    log: ({ method, url, status, milliseconds, error, warnings }) => {
      if (error !== undefined) console.error(`${method} ${url} ${status}: ${error}`)
      if (values.quiet) return
      console.log(`${method} ${url} ${status} ${milliseconds.toFixed(1)}ms`)
      for (const warning of warnings ?? []) console.warn(`warning: ${warning}`)
    },
  })
  console.log(`v3io-emulator: ${emulator.store.description}`)
  console.log(`v3io-emulator listening on ${emulator.url}`)
  if (values.console) console.log(`v3io-emulator: web console at ${emulator.url}/console/`)
  stopOnSignals(emulator, grace)
}

/** The first SIGTERM or SIGINT drains and exits 0; a second one exits at once (1). */
function stopOnSignals(emulator: RunningEmulator, grace: number): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`v3io-emulator: ${signal} again, exiting without waiting`)
      process.exit(1)
    }
    stopping = true
    console.log(`v3io-emulator: ${signal}, finishing in-flight requests (at most ${grace} ms)`)
    emulator.shutdown(grace).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`v3io-emulator: shutdown failed: ${String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`v3io-emulator: ${error instanceof Error ? error.message : String(error)}`)
  console.error(usage)
  process.exit(1)
})
