import { existsSync, readFileSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HandlerResult } from './context.js'
import type { RequestTarget } from './request-target.js'

/**
 * Where `npm run build` puts the console (one self-contained HTML file) relative to this module: beside
 * the emulator in the package (`dist/emulator` → `dist/console`), or in `dist/` when the emulator runs
 * from source (tests, `npm run emulator`).
 */
const builtPageLocations = ['../console/index.html', '../../dist/console/index.html']

/**
 * Reads the web console's page once, at start: `true` finds the built one, a string names the file. A
 * missing page fails the start rather than answering 404s later.
 */
export function loadConsolePage(option: true | string): Uint8Array {
  if (typeof option === 'string') return readFileSync(option)
  const directory = moduleDirectory()
  const found = builtPageLocations.map((location) => resolve(directory, location)).find(existsSync)
  if (found === undefined) throw new Error('the web console is not built: run `npm run build` first')
  return readFileSync(found)
}

function moduleDirectory(): string {
  // The CommonJS build has no import.meta (tsup leaves it empty there) but has __dirname.
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
  if (method !== 'GET' && method !== 'HEAD') return false
  if (target.segments.length !== 1 || target.segments[0] !== 'console') return false
  if (headers['x-v3io-function'] !== undefined) return false
  return acceptsHtml(headers.accept)
}

function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false
  return accept.split(',').some((range) => range.split(';')[0]?.trim().toLowerCase() === 'text/html')
}

/**
 * The console's page. It needs no credentials (it holds no data: the user types the access key into it);
 * it may not be framed (clickjacking) nor sniffed, and is revalidated so that a rebuilt console shows.
 */
export function consolePageResult(page: Uint8Array): HandlerResult {
  return {
    status: 200,
    body: page,
    contentType: 'text/html; charset=utf-8',
    headers: {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  }
}
