import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchTransport } from '../../src/index.js'

afterEach(() => vi.unstubAllGlobals())

function recordingFetch(make: () => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = []
  const fetchDouble = (async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return make()
  }) as unknown as typeof fetch
  return { calls, fetchDouble }
}

describe('fetchTransport', () => {
  it('passes the request through and reads the whole body', async () => {
    const { calls, fetchDouble } = recordingFetch(
      () => new Response('hello', { status: 206, headers: { 'Content-Range': 'bytes 0-4/10' } }),
    )
    const signal = new AbortController().signal
    const body = new TextEncoder().encode('payload')
    const response = await fetchTransport(fetchDouble)({
      url: 'http://h:1/c/o',
      method: 'PUT',
      headers: { Range: '-1' },
      body,
      signal,
    })
    expect(calls).toEqual([
      { url: 'http://h:1/c/o', init: { method: 'PUT', headers: { Range: '-1' }, body, signal } },
    ])
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe('bytes 0-4/10')
    expect(new TextDecoder().decode(response.body)).toBe('hello')
  })

  it('cancels the body of a HEAD answer and returns no bytes', async () => {
    let cancelled = false
    const stream = new ReadableStream({
      cancel: () => {
        cancelled = true
      },
    })
    const { fetchDouble } = recordingFetch(() => new Response(stream, { status: 200 }))
    const response = await fetchTransport(fetchDouble)({
      url: 'http://h:1/c/o',
      method: 'HEAD',
      headers: {},
      signal: new AbortController().signal,
    })
    expect(cancelled).toBe(true)
    expect(response.body).toEqual(new Uint8Array(0))
  })

  it('uses the global fetch of the moment when none is given, and sends a null body', async () => {
    const { calls, fetchDouble } = recordingFetch(() => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchDouble)
    const response = await fetchTransport()({
      url: 'http://h:1/c/o',
      method: 'DELETE',
      headers: {},
      signal: new AbortController().signal,
    })
    expect(response.status).toBe(204)
    expect(response.body).toEqual(new Uint8Array(0))
    expect(calls[0]?.init.body).toBeNull()
  })

  it('rejects when fetch does (no response)', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed')
    }) as unknown as typeof fetch
    await expect(
      fetchTransport(failing)({
        url: 'http://h:1/',
        method: 'GET',
        headers: {},
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('fetch failed')
  })

  it('declares that its connections are reusable only on the next turn (Node fetch)', () => {
    expect(fetchTransport().reusesConnectionsNextTurn).toBe(true)
  })

  it('refuses a body over maxResponseBytes, from its Content-Length or while reading one without', async () => {
    const declared = recordingFetch(
      () => new Response('x'.repeat(100), { headers: { 'Content-Length': '100' } }),
    )
    const request = {
      url: 'http://h:1/c/o',
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    }
    await expect(
      fetchTransport(declared.fetchDouble)({ ...request, maxResponseBytes: 99 }),
    ).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      limit: 99,
    })
    const within = await fetchTransport(declared.fetchDouble)({ ...request, maxResponseBytes: 100 })
    expect(within.body.byteLength).toBe(100)
    let pulled = 0
    const endless = recordingFetch(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++
              controller.enqueue(new Uint8Array(1024))
            },
          }),
        ),
    )
    await expect(
      fetchTransport(endless.fetchDouble)({ ...request, maxResponseBytes: 10_000 }),
    ).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
    })
    expect(pulled).toBeLessThan(20)
  })
})
