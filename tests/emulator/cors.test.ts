import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

/** The headers a preflight allows (ED-15 plus the SDK's `X-v3io-client`, docs/decisions-emulator.md DE-5). */
describe('CORS preflight: allowed request headers', () => {
  const fixture = useEmulator()

  async function preflight(requestHeaders: string) {
    const answer = await rawHttp(fixture.emulator.url, 'OPTIONS', '/bigdata/table/item', {
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': requestHeaders,
      },
    })
    const allowed = String(answer.headers['access-control-allow-headers'] ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
    return { status: answer.status, allowed }
  }

  it('allows the identifying header X-v3io-client with the headers of a KV call', async () => {
    // Browsers send the requested names lower-cased and sorted; the check is case-insensitive.
    const requested = ['authorization', 'content-type', 'x-v3io-client', 'x-v3io-function']
    const { status, allowed } = await preflight(requested.join(','))
    expect(status).toBe(204)
    for (const name of requested) expect(allowed).toContain(name)
  })

  it('answers with exactly the documented list, not whatever the page asks for', async () => {
    const { status, allowed } = await preflight('x-v3io-client,x-custom-proxy-token')
    expect(status).toBe(204)
    expect(allowed).toEqual([
      'x-v3io-function',
      'x-v3io-session-key',
      'authorization',
      'content-type',
      'range',
      'x-v3io-response-content-type',
      'x-v3io-client',
    ])
    expect(allowed).not.toContain('x-custom-proxy-token')
  })
})
