#!/usr/bin/env node
/** `v3io-emulator`: runs the emulator from the command line. */
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'

const usage = `Usage: v3io-emulator [--host 127.0.0.1] [--port 8081] [--container NAME]... [--access-key KEY]...
                     [--allow-origin ORIGIN]... [--quiet]

Serves the V3IO web API locally. Containers default to "bigdata" and "users"; without --access-key every
request is accepted.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8081' },
      container: { type: 'string', multiple: true },
      'access-key': { type: 'string', multiple: true },
      'allow-origin': { type: 'string', multiple: true },
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
  const emulator = await startEmulator({
    host: values.host,
    port,
    ...(values.container ? { containers: values.container } : {}),
    ...(values['access-key'] ? { accessKeys: values['access-key'] } : {}),
    ...(values['allow-origin'] ? { allowedOrigins: values['allow-origin'] } : {}),
    ...(values.quiet
      ? {}
      : {
          log: ({ method, url, status, milliseconds, warnings }) => {
            console.log(`${method} ${url} ${status} ${milliseconds.toFixed(1)}ms`)
            for (const warning of warnings ?? []) console.warn(`warning: ${warning}`)
          },
        }),
  })
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
