import type { Logger } from '../transport/request-log.js'

/**
 * Reads an environment variable in runtimes that have one (Node's `process.env`, Deno's `Deno.env`).
 * Browsers and the CDN build have none. An empty value counts as unset; a Deno permission error too.
 */
export function readEnvironment(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> }
    Deno?: { env?: { get(name: string): string | undefined } }
  }
  let value: string | undefined
  try {
    value = runtime.Deno?.env?.get(name) ?? runtime.process?.env?.[name]
  } catch {
    value = undefined
  }
  return value === '' ? undefined : value
}

/**
 * The logger `V3IO_DEBUG` asks for: `console` when it is set to anything but `0` or `false` (read from
 * `process.env` or `Deno.env`; runtimes without an environment never log by default).
 */
export function environmentLogger(value: string | undefined): Logger | undefined {
  if (value === undefined || value === '0' || value.toLowerCase() === 'false') return undefined
  return console
}
