/**
 * The options of `v3io-emulator`, declared once in {@link cliOptions}: the argument parser, `--help`
 * and the mapping to `startEmulator`'s options all derive from that table, so the help cannot drift
 * from what the command accepts. Pure (no I/O), so that it is tested in-process.
 */

import { parseArgs } from 'node:util'
import { emulatorDefaults } from './defaults.js'
import type { EmulatorOptions } from './index.js'

/** One command-line option. */
export interface CliOption {
  /** The long name, without `--`. */
  readonly name: string
  /** `value` options take an argument (shown as `placeholder`); `flag` options take none. */
  readonly kind: 'value' | 'flag'
  readonly placeholder?: string
  /** May be given several times; the values accumulate. */
  readonly repeatable?: boolean
  readonly short?: string
  /** What applies when the option is absent, as `--help` shows it; absent for plain switches. */
  readonly defaultText?: string
  readonly description: string
}

const inGiB = (bytes: number) => `${bytes} (${bytes / 1024 ** 3} GiB)`

/** Every option of `v3io-emulator`, in `--help` order. */
export const cliOptions: readonly CliOption[] = [
  {
    name: 'host',
    kind: 'value',
    placeholder: 'ADDRESS',
    defaultText: emulatorDefaults.host,
    description: 'address to listen on (a non-loopback one exposes the emulator)',
  },
  {
    name: 'port',
    kind: 'value',
    placeholder: 'PORT',
    defaultText: String(emulatorDefaults.port),
    description: 'port to listen on; 0 picks a free one',
  },
  {
    name: 'container',
    kind: 'value',
    placeholder: 'NAME',
    repeatable: true,
    defaultText: emulatorDefaults.containers.join(', '),
    description: 'container to serve (repeatable); replaces the defaults',
  },
  {
    name: 'access-key',
    kind: 'value',
    placeholder: 'KEY',
    repeatable: true,
    defaultText: 'none: every request is accepted',
    description: 'access key to require (repeatable)',
  },
  {
    name: 'user',
    kind: 'value',
    placeholder: 'NAME:PASSWORD',
    repeatable: true,
    defaultText: 'none',
    description: 'user for Basic auth and control-plane logins (repeatable)',
  },
  {
    name: 'allow-origin',
    kind: 'value',
    placeholder: 'ORIGIN|*',
    repeatable: true,
    defaultText: 'loopback origins (localhost, 127.x.y.z, [::1])',
    description: "browser origin allowed by CORS (repeatable); '*' allows any",
  },
  {
    name: 'allow-host',
    kind: 'value',
    placeholder: 'NAME|*',
    repeatable: true,
    defaultText: 'loopback names and --host; no check off loopback',
    description: "name accepted in the Host header (repeatable); '*' accepts any",
  },
  {
    name: 'data-dir',
    kind: 'value',
    placeholder: 'DIR',
    defaultText: 'none: data lives in memory and is lost on exit',
    description: 'keep the data in DIR (SQLite: Node 22.5+ or better-sqlite3)',
  },
  {
    name: 'reset',
    kind: 'flag',
    description: "with --data-dir: delete the emulator's files there first",
  },
  {
    name: 'max-object-size',
    kind: 'value',
    placeholder: 'BYTES',
    defaultText: inGiB(emulatorDefaults.maxObjectSize),
    description: 'largest object body accepted (413 beyond); at most 4 GiB',
  },
  {
    name: 'expression-work-limit',
    kind: 'value',
    placeholder: 'UNITS',
    defaultText: String(emulatorDefaults.expressionWorkLimit),
    description: 'work per item of a filter, condition or update (400 beyond)',
  },
  {
    name: 'scan-page-budget',
    kind: 'value',
    placeholder: 'MS',
    defaultText: String(emulatorDefaults.scanPageBudget),
    description: 'filter work after which a GetItems page ends early, ms',
  },
  {
    name: 'max-idle-connections',
    kind: 'value',
    placeholder: 'N',
    defaultText: String(emulatorDefaults.maxIdleConnections),
    description: 'idle connections kept open (the oldest are closed beyond)',
  },
  {
    name: 'shutdown-grace',
    kind: 'value',
    placeholder: 'MS',
    defaultText: String(emulatorDefaults.shutdownGraceMs),
    description: 'time in-flight requests get to finish on SIGTERM/SIGINT, ms',
  },
  {
    name: 'console',
    kind: 'flag',
    description: 'serve the web console at /console/ (open it in a browser)',
  },
  { name: 'quiet', kind: 'flag', description: 'log only errors, not every request' },
  { name: 'version', kind: 'flag', description: 'print the version and exit' },
  { name: 'help', kind: 'flag', short: 'h', description: 'print this help and exit' },
]

const summary = `Serves the V3IO web API locally, for tests, demos and offline development. Without
--access-key or --user every request is accepted; browsers may call it from loopback origins
only unless --allow-origin is given. On SIGTERM or SIGINT it stops accepting connections, lets
in-flight requests finish (up to --shutdown-grace), closes the store and exits.`

/** The text of `--help`: usage, summary, and every option with its default. */
export function helpText(): string {
  const labels = cliOptions.map((option) => {
    const names = option.short ? `--${option.name}, -${option.short}` : `--${option.name}`
    return option.placeholder ? `${names} ${option.placeholder}` : names
  })
  const width = Math.max(...labels.map((label) => label.length)) + 2
  const lines = cliOptions.map((option, k) => {
    const line = `  ${(labels[k] as string).padEnd(width)}${option.description}`
    if (option.defaultText === undefined) return line
    return `${line}\n  ${' '.repeat(width)}default: ${option.defaultText}`
  })
  return `Usage: v3io-emulator [options]\n\n${summary}\n\nOptions:\n${lines.join('\n')}`
}

/** A command-line mistake: the CLI prints the message and a pointer to `--help`, and exits 2. */
export class UsageError extends Error {}

/** What the command line asks for. */
export type CliRequest =
  | { readonly action: 'help' | 'version' }
  | {
      readonly action: 'serve'
      readonly options: EmulatorOptions
      readonly shutdownGraceMs: number
      readonly quiet: boolean
    }

type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>

function integer(values: ParsedValues, name: string, maximum = Number.MAX_SAFE_INTEGER): number | undefined {
  const text = values[name]
  if (typeof text !== 'string') return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || value > maximum) throw new UsageError(`invalid --${name}: ${text}`)
  return value
}

function list(values: ParsedValues, name: string): string[] | undefined {
  const given = values[name]
  return Array.isArray(given) ? given.map(String) : undefined
}

/** `--user name:password` options as `{ name: password }`; the password may contain `:`. */
function parseUsers(values: readonly string[]): Record<string, string> {
  const users: Record<string, string> = {}
  for (const value of values) {
    const colon = value.indexOf(':')
    if (colon < 1) throw new UsageError('invalid --user: expected NAME:PASSWORD')
    users[value.slice(0, colon)] = value.slice(colon + 1)
  }
  return users
}

/** Parses `argv` (without the node and script paths) into what to do; throws {@link UsageError}. */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  let values: ParsedValues
  try {
    const options = Object.fromEntries(
      cliOptions.map((option) => [
        option.name,
        {
          type: option.kind === 'value' ? ('string' as const) : ('boolean' as const),
          ...(option.repeatable ? { multiple: true } : {}),
          ...(option.short ? { short: option.short } : {}),
        },
      ]),
    )
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    // node:util's messages name the option and say what is wrong; its hints about `--` do not apply.
    throw new UsageError((error as Error).message.replace(/\. To specify .*$/s, ''))
  }
  if (values.help) return { action: 'help' }
  if (values.version) return { action: 'version' }
  if (values.reset && values['data-dir'] === undefined) throw new UsageError('--reset needs --data-dir')
  const port = integer(values, 'port', 65535)
  const maxObjectSize = integer(values, 'max-object-size')
  const expressionWorkLimit = integer(values, 'expression-work-limit')
  const scanPageBudget = integer(values, 'scan-page-budget')
  const maxIdleConnections = integer(values, 'max-idle-connections')
  const users = list(values, 'user')
  const options: EmulatorOptions = {
    host: typeof values.host === 'string' ? values.host : emulatorDefaults.host,
    port: port ?? emulatorDefaults.port,
    ...(list(values, 'container') ? { containers: list(values, 'container') } : {}),
    ...(list(values, 'access-key') ? { accessKeys: list(values, 'access-key') } : {}),
    ...(users ? { users: parseUsers(users) } : {}),
    ...(list(values, 'allow-origin') ? { allowedOrigins: list(values, 'allow-origin') } : {}),
    ...(list(values, 'allow-host') ? { allowedHosts: list(values, 'allow-host') } : {}),
    ...(typeof values['data-dir'] === 'string'
      ? { dataDir: values['data-dir'], reset: values.reset === true }
      : {}),
    ...(maxObjectSize === undefined ? {} : { maxObjectSize }),
    ...(expressionWorkLimit === undefined ? {} : { expressionWorkLimit }),
    ...(scanPageBudget === undefined ? {} : { scanPageBudget }),
    ...(maxIdleConnections === undefined ? {} : { maxIdleConnections }),
    ...(values.console === true ? { console: true } : {}),
  }
  return {
    action: 'serve',
    options,
    shutdownGraceMs: integer(values, 'shutdown-grace') ?? emulatorDefaults.shutdownGraceMs,
    quiet: values.quiet === true,
  }
}
