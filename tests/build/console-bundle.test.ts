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
  it('is one page of at most 60 KB gzipped (the full Client, ky and the XML parser included)', () => {
    expect(gzipSync(page).length).toBeLessThanOrEqual(60_000)
  })

  it('allows exactly its own inline script and style (CSP hashes), and any endpoint for calls', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? ''
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(policy).toContain(`script-src ${hash(inline('script'))}`)
    expect(policy).toContain(`style-src ${hash(inline('style'))}`)
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain('connect-src *')
  })

  it('holds no Node module, no emulator code, and loads nothing else', () => {
    expect(page).not.toMatch(/["'](node:|fs|http|better-sqlite3)["']/)
    expect(page).not.toContain('createServer')
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/)
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
      .then(async (emulator) => { const response = await fetch(emulator.url + '/console/', { headers: { Accept: 'text/html' } }); console.log((await response.text()).length); await emulator.close() })`
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: root })
    expect(Number(stdout.trim())).toBe(page.length)
  })
})
