import { afterEach, describe, expect, it, vi } from 'vitest'
import { kyTransport } from '../../src/index.js'

afterEach(() => vi.unstubAllGlobals())

// ky hands fetch a Request object: record what it carried, consuming its body as a real fetch would.
function recordingFetch(make: () => Response) {
  const requests: Array<{ request: Request; body: string }> = []
  const fetchDouble = (async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    requests.push({ request, body: await request.text() })
    return make()
  }) as unknown as typeof fetch
  return { requests, fetchDouble }
}

describe('kyTransport', () => {
  it('sends the request through ky unchanged and reads the whole body, whatever the status', async () => {
    const { requests, fetchDouble } = recordingFetch(
      () =>
        new Response('{"ErrorCode":-2}', { status: 404, headers: { 'Content-Type': 'application/json' } }),
    )
    const response = await kyTransport(fetchDouble)({
      url: 'http://h:1/c/my%20dir/o',
      method: 'PUT',
      headers: { 'X-v3io-function': 'PutItem', 'Content-Type': 'application/json' },
      body: new TextEncoder().encode('{"Item":{}}'),
      signal: new AbortController().signal,
    })
    expect(requests).toHaveLength(1)
    const [{ request: sent, body }] = requests as [{ request: Request; body: string }]
    expect([sent.url, sent.method, sent.headers.get('x-v3io-function'), body]).toEqual([
      'http://h:1/c/my%20dir/o',
      'PUT',
      'PutItem',
      '{"Item":{}}',
    ])
    expect(response.status).toBe(404)
    expect(new TextDecoder().decode(response.body)).toBe('{"ErrorCode":-2}')
  })

  it('does not retry on its own: one request for a 503', async () => {
    const { requests, fetchDouble } = recordingFetch(() => new Response('busy', { status: 503 }))
    const response = await kyTransport(fetchDouble)({
      url: 'http://h:1/',
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    })
    expect([requests.length, response.status]).toEqual([1, 503])
  })

  it('returns no bytes for HEAD, and uses the global fetch of the moment when none is given', async () => {
    const { requests, fetchDouble } = recordingFetch(() => new Response(null, { status: 200 }))
    const head = await kyTransport(fetchDouble)({
      url: 'http://h:1/c/o',
      method: 'HEAD',
      headers: {},
      signal: new AbortController().signal,
    })
    expect(requests[0]?.request.method).toBe('HEAD')
    expect(head.body).toEqual(new Uint8Array(0))
    vi.stubGlobal('fetch', fetchDouble)
    // Without a fetch of its own, the transport calls the global fetch: the stub sees the GET.
    const response = await kyTransport()({
      url: 'http://h:1/c/o',
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    })
    expect(requests[1]?.request.method).toBe('GET')
    expect(response.body).toEqual(new Uint8Array(0))
  })

  it("rejects with the runtime's own network error, not ky's wrapper of it", async () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    const failingFetch = (async () => {
      throw refused
    }) as unknown as typeof fetch
    const sent = kyTransport(failingFetch)({
      url: 'http://h:1/c/o',
      method: 'PUT',
      headers: {},
      body: new TextEncoder().encode('x'),
      signal: new AbortController().signal,
    })
    await expect(sent).rejects.toBe(refused)
  })
})
