#!/usr/bin/env node
/** `v3io-emulator`: runs the emulator from the command line. */
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'

const usage = `Usage: v3io-emulator [--host 127.0.0.1] [--port 8081] [--container NAME]... [--access-key KEY]...
                     [--allow-origin ORIGIN]... [--data-dir DIR [--reset]] [--quiet]

Serves the V3IO web API locally. Containers default to "bigdata" and "users"; without --access-key every
request is accepted. Data lives in memory unless --data-dir names a directory to keep it in (SQLite:
Node 22.5+ or the better-sqlite3 package); --reset wipes the emulator's files there first.`

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
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${values.port}`)
  if (values.reset && values['data-dir'] === undefined) throw new Error('--reset needs --data-dir')
  const emulator = await startEmulator({
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'], reset: values.reset } : {}),
    host: values.host,
    port,
    ...(values.container ? { containers: values.container } : {}),
    ...(values['access-key'] ? { accessKeys: values['access-key'] } : {}),
    ...(values['allow-origin'] ? { allowedOrigins: values['allow-origin'] } : {}),
    ...(values.quiet
      ? {}
      : {
          log: ({ method, url, status, milliseconds }) =>
            console.log(`${method} ${url} ${status} ${milliseconds.toFixed(1)}ms`),
        }),
  })
  console.log(`v3io-emulator: ${emulator.store.description}`)
  console.log(`v3io-emulator listening on ${emulator.url}`)
  const stop = () => {
    emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`v3io-emulator: ${error instanceof Error ? error.message : String(error)}`)
  console.error(usage)
  process.exit(1)
})
