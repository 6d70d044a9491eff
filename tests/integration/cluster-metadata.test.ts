import { describe, expect, it } from 'vitest'
import type { RequestLogger } from '../../src/emulator/index.js'
import { HttpResponseError, ValidationError } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

describe('getClusterMetadata (ED-49)', () => {
  const served: Array<Parameters<RequestLogger>[0]> = []
  const fixture = useEmulator({ numberOfVNs: 12, log: (entry) => served.push(entry) })

  it('reads the number of virtual nodes the emulator was configured with', async () => {
    const response = await fixture.client.getClusterMetadata({ container: 'bigdata' })
    expect(response.statusCode).toBe(200)
    expect(response.output).toEqual({ numberOfVNs: 12 })
  })

  it('is available in batches', async () => {
    const batch = fixture.client.createBatch()
    batch.getClusterMetadata({ container: 'bigdata' })
    batch.getClusterMetadata({ container: 'users' })
    const { responses } = await batch.wait()
    expect(responses.map((response) => (response.output as { numberOfVNs: number }).numberOfVNs)).toEqual([
      12, 12,
    ])
  })

  it('rejects a bad container name without sending, and answers 404 for a missing container', async () => {
    const invalid = await rejection(fixture.client.getClusterMetadata({ container: 'a/b' }))
    expect(invalid).toBeInstanceOf(ValidationError)
    expect(invalid).toMatchObject({ parameter: 'container' })
    const missing = await rejection(fixture.client.getClusterMetadata({ container: 'nope' }))
    expect(missing).toBeInstanceOf(HttpResponseError)
    expect(missing).toMatchObject({ statusCode: 404 })
  })

  it('sizes a parallel scan without totalSegments: one segment per virtual node', async () => {
    const { client } = fixture
    const table = uniquePath('cluster-scan')
    const items = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`k${index}`, { n: index }]))
    await client.putItems({ container: 'bigdata', path: table, items })
    served.length = 0
    const read = await client.newParallelItemsCursor({ container: 'bigdata', path: table }).all()
    expect(read.map((item) => item.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 40 }, (_, index) => index),
    )
    // One GetClusterMD on the container, then GetItems pages: at least one per segment (a segment that
    // straddles a virtual-node group boundary takes two, ED-38).
    expect(served[0]).toMatchObject({ method: 'PUT', url: '/bigdata/', status: 200 })
    const pages = served.slice(1)
    expect(pages.length).toBeGreaterThanOrEqual(12)
    expect(new Set(pages.map((entry) => entry.url))).toEqual(new Set([`/bigdata/${table}/`]))
  })
})
