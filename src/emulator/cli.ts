#!/usr/bin/env node
/** `v3io-emulator`: runs the emulator from the command line (options: cli-options.ts). */
import { readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type CliRequest, helpText, parseCliArguments, UsageError } from './cli-options.js'
import { type RunningEmulator, startEmulator } from './index.js'

/**
 * The version of the installed package: the nearest `package.json` named `v3io` above this script,
 * found from the script's real path, so that the built command, a linked `npx` bin and the sources run
 * with tsx all find it (the CommonJS build has no `import.meta.url`).
 */
function packageVersion(): string {
  let directory = dirname(realpathSync(process.argv[1] ?? '.'))
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (manifest.name === 'v3io' && manifest.version) return manifest.version
    } catch {
      // No readable package.json here: keep looking above.
    }
    const parent = dirname(directory)
    if (parent === directory) return 'unknown'
    directory = parent
  }
}

/** One line saying why the server could not listen, for the errors a user can fix. */
function listenFailure(error: unknown, host: string, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`
  if (code === 'EADDRINUSE')
    return `cannot listen on ${where}: the port is in use (choose another with --port)`
  if (code === 'EACCES')
    return `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`
  if (code === 'EADDRNOTAVAIL')
    return `cannot listen on ${where}: no such address on this machine (see --host)`
  return undefined
}

async function serve(request: Extract<CliRequest, { action: 'serve' }>): Promise<void> {
  const { options, quiet, shutdownGraceMs } = request
  let emulator: RunningEmulator
  try {
    emulator = await startEmulator({
      ...options,
      log: ({ method, url, status, milliseconds, error, warnings }) => {
        if (error !== undefined) console.error(`${method} ${url} ${status}: ${error}`)
        if (quiet) return
        console.log(`${method} ${url} ${status} ${milliseconds.toFixed(1)}ms`)
        for (const warning of warnings ?? []) console.warn(`warning: ${warning}`)
      },
    })
  } catch (error) {
    const line = listenFailure(error, options.host ?? '', options.port ?? 0)
    throw line === undefined ? error : new Error(line)
  }
  console.log(`v3io-emulator: ${emulator.store.description}`)
  console.log(`v3io-emulator listening on ${emulator.url}`)
  if (options.console) console.log(`v3io-emulator: web console at ${emulator.url}/console/`)
  stopOnSignals(emulator, shutdownGraceMs)
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

async function main(): Promise<void> {
  const request = parseCliArguments(process.argv.slice(2))
  if (request.action === 'serve') await serve(request)
  else console.log(request.action === 'help' ? helpText() : `v3io-emulator ${packageVersion()}`)
}

// Errors are one line each: a usage mistake points to --help (exit 2), anything else exits 1.
main().catch((error: unknown) => {
  console.error(`v3io-emulator: ${error instanceof Error ? error.message : String(error)}`)
  if (error instanceof UsageError) console.error('Run v3io-emulator --help to see the options.')
  process.exit(error instanceof UsageError ? 2 : 1)
})
