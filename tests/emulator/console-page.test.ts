import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client } from '../../src/index.js'

// The console page is a fixture here (the built one is checked in tests/build/console-bundle.test.ts):
// these tests are about routing, headers and coexisting with a container named `console`.
const page = '<!doctype html><title>fixture console</title>'
const pageFile = join(mkdtempSync(join(tmpdir(), 'v3io-console-')), 'index.html')
writeFileSync(pageFile, page)
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
// The page's scripts are the CDN build's files (`npm run build`), served beside any page.
const sdkScript = new URL('../../dist/v3io.global.js', import.meta.url)

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('the web console at /console/', () => {
  let withConsole: RunningEmulator
  let without: RunningEmulator
  let client: Client

  beforeAll(async () => {
    withConsole = await startEmulator({ port: 0, console: pageFile, containers: ['console', 'users'] })
    without = await startEmulator({ port: 0, containers: ['console'] })
    client = new Client({ endpoint: withConsole.url, accessKey: 'any' })
  })
  afterAll(async () => {
    await withConsole?.close()
    await without?.close()
  })

  it('answers a browser page request for /console/ and /console with the page and safe headers', async () => {
    for (const path of ['/console/', '/console', '/console/?x=1']) {
      const answer = await send(withConsole.url, 'GET', path, { Accept: browserAccept })
      expect(answer.status, path).toBe(200)
      expect(answer.body).toBe(page)
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(page)))
      expect(answer.headers['x-frame-options']).toBe('DENY')
      expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'")
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['cache-control']).toBe('no-cache')
    }
    const head = await send(withConsole.url, 'HEAD', '/console/', { Accept: 'text/html' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(page)))
  })

  it('leaves a container named console to the data plane: SDK calls, listings, objects, functions', async () => {
    await client.putObject({ container: 'console', path: '/index.html', body: 'my own object' })
    await client.putItem({ container: 'console', path: '/table/item', attributes: { a: 1 } })
    const object = await client.getObject({ container: 'console', path: '/index.html' })
    expect(new TextDecoder().decode(object.body)).toBe('my own object')
    const listing = await client.getContainerContents({ container: 'console', path: '/' })
    expect(listing.output.contents.map((entry) => entry.key)).toEqual(['index.html'])
    expect(
      (await client.getItem({ container: 'console', path: '/table/item', attributeNames: '*' })).output.item,
    ).toEqual({ a: 1 })
    // Not a page request: no Accept naming text/html, or deeper than /console/, or a function call.
    const xml = await send(withConsole.url, 'GET', '/console/', { Accept: '*/*' })
    expect(xml.status).toBe(200)
    expect(xml.body).toContain('<ListBucketResult')
    const file = await send(withConsole.url, 'GET', '/console/index.html', { Accept: browserAccept })
    expect(file.body).toBe('my own object')
    const call = await send(withConsole.url, 'GET', '/console/', {
      Accept: 'text/html',
      'X-v3io-function': 'GetItems',
    })
    expect(call.status).toBe(405)
    // Other methods are the data plane's, whatever it answers.
    expect((await send(withConsole.url, 'POST', '/console/', { Accept: 'text/html' })).body).not.toBe(page)
  })

  it('serves no file but the page: other paths, dot segments and encoded slashes reach the data plane', async () => {
    for (const path of [
      '/console/../package.json',
      '/console/%2e%2e/%2e%2e/package.json',
      '/console/..%2fpackage.json',
      '/users/../console/x',
    ]) {
      const answer = await send(withConsole.url, 'GET', path, { Accept: browserAccept })
      expect(answer.body, path).not.toBe(page)
      expect(answer.body, path).not.toContain('"name": "v3io"')
      expect(answer.headers['content-type'], path).not.toContain('text/html')
    }
  })

  it('is off by default: /console/ is then the data plane for browsers too', async () => {
    const answer = await send(without.url, 'GET', '/console/', { Accept: browserAccept })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<ListBucketResult')
    const script = await send(without.url, 'GET', '/_console/v3io.global.js', { Accept: '*/*' })
    expect(script.headers['content-type']).not.toContain('javascript')
  })

  it.runIf(existsSync(sdkScript))(
    'serves the CDN build’s files under /_console/ as scripts, and nothing else there',
    async () => {
      for (const method of ['GET', 'HEAD']) {
        const answer = await send(withConsole.url, method, '/_console/v3io.global.js', { Accept: '*/*' })
        expect(answer.status).toBe(200)
        expect(answer.body).toBe(method === 'GET' ? readFileSync(sdkScript, 'utf8') : '')
        expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8')
        expect(answer.headers['content-length']).toBe(String(readFileSync(sdkScript).length))
        expect(answer.headers['x-content-type-options']).toBe('nosniff')
        expect(answer.headers['cache-control']).toBe('no-cache')
      }
      expect((await send(withConsole.url, 'GET', '/_console/v3io.xml-parser.js')).body).toContain(
        'parseXmlText',
      )
      for (const path of [
        '/_console/index.html',
        '/_console/v3io.d.ts',
        '/_console/v3io.global.js/',
        '/_console/x/v3io.global.js',
        '/_console/..%2fv3io.global.js',
        '/_console/%2e%2e/package.json',
        '/_console/../_console/../package.json',
        '/_console/',
      ]) {
        const answer = await send(withConsole.url, 'GET', path, { Accept: '*/*' })
        expect(answer.headers['content-type'] ?? '', path).not.toContain('javascript')
        expect(answer.body, path).not.toContain('"name": "v3io"')
      }
      const call = await send(withConsole.url, 'GET', '/_console/v3io.global.js', {
        'X-v3io-function': 'GetItem',
      })
      expect(call.headers['content-type'] ?? '').not.toContain('javascript')
      const put = await send(withConsole.url, 'PUT', '/_console/v3io.global.js')
      expect(put.headers['content-type'] ?? '').not.toContain('javascript')
      const foreignHost = await send(withConsole.url, 'GET', '/_console/v3io.global.js', {
        Host: 'evil.example',
      })
      expect(foreignHost.status).toBe(403)
    },
  )

  it('still checks the Host header (DNS rebinding) before serving the page', async () => {
    const answer = await send(withConsole.url, 'GET', '/console/', {
      Accept: browserAccept,
      Host: 'evil.example',
    })
    expect(answer.status).toBe(403)
    expect(answer.body).not.toBe(page)
  })

  it('needs no credentials for the page when access keys are required, but still for data', async () => {
    const locked = await startEmulator({ port: 0, console: pageFile, accessKeys: ['secret'] })
    try {
      expect((await send(locked.url, 'GET', '/console/', { Accept: browserAccept })).body).toBe(page)
      expect((await send(locked.url, 'GET', '/users/', { Accept: browserAccept })).status).toBe(401)
    } finally {
      await locked.close()
    }
  })

  it('refuses to start when the page cannot be read', async () => {
    await expect(
      startEmulator({ port: 0, console: join(tmpdir(), 'no-such-console', 'index.html') }),
    ).rejects.toThrow(/ENOENT/)
  })
})
