import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'

// The console as `npm run build` makes it (dist/console/index.html) and as the package ships it.
const page = readFileSync(new URL('../../dist/console/index.html', import.meta.url), 'utf8')
const inline = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page)?.[1] ?? ''

describe('the built console', () => {
  it('is one page of at most 13 KB gzipped: its own code and styles, not the SDK (the CDN build is)', () => {
    expect(gzipSync(page).length).toBeLessThanOrEqual(13_000)
    // Strings of the SDK's request code and of ky: none of it is in the page.
    expect(page).not.toContain('X-v3io-function')
    expect(page).not.toContain('beforeRetry')
  })

  it('allows exactly its own inline script and style (CSP hashes), what that script loads, and any endpoint for calls', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? ''
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(policy).toContain(`script-src ${hash(inline('script'))} 'strict-dynamic';`)
    expect(policy).toContain(`style-src ${hash(inline('style'))};`)
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain('connect-src *')
  })

  it('holds no Node module, no emulator code, and loads only the CDN script beside it', () => {
    expect(page).not.toMatch(/["'](node:|fs|http|better-sqlite3)["']/)
    expect(page).not.toContain('createServer')
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/)
    expect(inline('script')).toContain('s.src="../_console/v3io.global.js"')
  })

  it('gets the CDN files from the emulator under /_console/, byte for byte', async () => {
    const emulator = await startEmulator({ port: 0, console: true })
    try {
      for (const name of [
        'v3io.global.js',
        'v3io.xml-parser.js',
        'v3io.ky.js',
        'v3io.reading-engine.js',
        'v3io.response-decoding.js',
      ]) {
        const response = await fetch(`${emulator.url}/_console/${name}`)
        expect(response.status, name).toBe(200)
        expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
        expect(await response.text()).toBe(
          readFileSync(new URL(`../../dist/${name}`, import.meta.url), 'utf8'),
        )
      }
    } finally {
      await emulator.close()
    }
  })

  it('is what `startEmulator({ console: true })` serves', async () => {
    const emulator = await startEmulator({ port: 0, console: true })
    try {
      const response = await fetch(`${emulator.url}/console/`, { headers: { Accept: 'text/html' } })
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await response.text()).toBe(page)
    } finally {
      await emulator.close()
    }
  })

  it('is found by the packaged command (`v3io-emulator --console`) and by the CommonJS build', async () => {
    const root = new URL('../..', import.meta.url).pathname
    const child = spawn(process.execPath, ['dist/emulator/cli.cjs', '--port', '0', '--console', '--quiet'], {
      cwd: root,
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk
          const match = /web console at (http:\/\/\S+\/console\/)/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
      })
      const response = await fetch(url, { headers: { Accept: 'text/html' } })
      expect(await response.text()).toBe(page)
    } finally {
      child.kill()
    }
    const script = `require('./dist/emulator/index.cjs').startEmulator({ port: 0, console: true })
      .then(async (emulator) => { const response = await fetch(emulator.url + '/console/', { headers: { Accept: 'text/html' } }); const sdk = await fetch(emulator.url + '/_console/v3io.global.js'); console.log((await response.text()).length, (await sdk.text()).length); await emulator.close() })`
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: root })
    const sdk = readFileSync(new URL('../../dist/v3io.global.js', import.meta.url), 'utf8')
    expect(stdout.trim()).toBe(`${page.length} ${sdk.length}`)
  })
})
