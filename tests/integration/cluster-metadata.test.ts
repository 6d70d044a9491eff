import { describe, expect, it } from 'vitest'
import { HttpResponseError, ValidationError } from '../../src/index.js'
import { useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

describe('getClusterMetadata (ED-49)', () => {
  const fixture = useEmulator({ numberOfVNs: 12 })

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
})
