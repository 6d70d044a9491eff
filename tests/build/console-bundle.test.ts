import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
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
})
