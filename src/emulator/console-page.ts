import { existsSync, readdirSync, readFileSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HandlerResult } from './context.js'
import type { RequestTarget } from './request-target.js'

/** The web console's files, read once at start. */
export interface ConsoleFiles {
  /** The page, served at `/console/`. */
  readonly page: Uint8Array
  /** The SDK's CDN files the page loads (`v3io.global.js` and its on-demand files), by name. */
  readonly scripts: ReadonlyMap<string, Uint8Array>
}

/**
 * Where `npm run build` puts the console's page and the CDN build relative to this module: beside the
 * emulator in the package (`dist/emulator` → `dist/console`, `dist/`), or in `dist/` when the emulator runs
 * from source (tests, `npm run emulator`).
 */
const builtLocations = ['..', '../../dist']

/**
 * The path segment under which the page's scripts are served: it starts with no letter, so it is no
 * container's name (the protocol contract, control-plane.md, CP-7) nor a numeric container ID, and the
 * data plane never sees a request for it (docs/console.md).
 */
export const consoleScriptsSegment = '_console'

const scriptName = /^v3io\.[a-z-]+\.js$/

/**
 * Reads the web console once, at start: `true` finds the built page and the SDK's CDN files; a string
 * names another page, served with the built CDN files when there are any. A missing build fails the start
 * rather than answering 404s later.
 */
export function loadConsole(option: true | string): ConsoleFiles {
  const builds = builtLocations.map((location) => resolve(moduleDirectory(), location))
  const build = builds.find((directory) => existsSync(join(directory, 'v3io.global.js')))
  const pagePath =
    typeof option === 'string'
      ? option
      : builds.map((directory) => join(directory, 'console/index.html')).find(existsSync)
  if (pagePath === undefined || (option === true && build === undefined))
    throw new Error('the web console is not built: run `npm run build` first')
  const scripts = new Map<string, Uint8Array>()
  for (const name of build === undefined ? [] : readdirSync(build)) {
    if (scriptName.test(name)) scripts.set(name, readFileSync(join(build as string, name)))
  }
  return { page: readFileSync(pagePath), scripts }
}

function moduleDirectory(): string {
  // The CommonJS build has __dirname; the sources, run as ESM by tests and tsx, have import.meta.
  if (typeof __dirname === 'string') return __dirname
  return dirname(fileURLToPath(import.meta.url))
}

/**
 * Whether a request asks for the console rather than the data plane (docs/console.md, "Coexisting with a
 * container named console"): a GET or HEAD of exactly `/console` or `/console/` that is no function call
 * and accepts `text/html` explicitly, as a browser's page navigation does. The SDK never sends such a
 * request, so every data-plane call, to a container named `console` included, is routed as before.
 */
export function isConsoleRequest(
  method: string,
  target: RequestTarget,
  headers: IncomingHttpHeaders,
): boolean {
  if (!isPlainRead(method, headers)) return false
  if (target.segments.length !== 1 || target.segments[0] !== 'console') return false
  return acceptsHtml(headers.accept)
}

/**
 * The console's script a request names, if it is one: a GET or HEAD of `/_console/<name>`, `<name>` one
 * of the files read at start (no path is ever opened per request).
 */
export function consoleScript(
  method: string,
  target: RequestTarget,
  headers: IncomingHttpHeaders,
  files: ConsoleFiles,
): Uint8Array | undefined {
  if (!isPlainRead(method, headers) || target.trailingSlash) return undefined
  const [segment, name, ...rest] = target.segments
  if (segment !== consoleScriptsSegment || name === undefined || rest.length > 0) return undefined
  return files.scripts.get(name)
}

function isPlainRead(method: string, headers: IncomingHttpHeaders): boolean {
  return (method === 'GET' || method === 'HEAD') && headers['x-v3io-function'] === undefined
}

function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false
  return accept.split(',').some((range) => range.split(';')[0]?.trim().toLowerCase() === 'text/html')
}

/**
 * The console's page or one of its scripts. Neither needs credentials (they hold no data: the user types
 * the access key into the page); the page may not be framed (clickjacking), nothing is sniffed, and both
 * are revalidated so that a rebuilt console shows.
 */
export function consoleFileResult(body: Uint8Array, kind: 'page' | 'script'): HandlerResult {
  return {
    status: 200,
    body,
    contentType: kind === 'page' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
    headers: {
      'Cache-Control': 'no-cache',
      ...(kind === 'page'
        ? { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' }
        : {}),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  }
}
