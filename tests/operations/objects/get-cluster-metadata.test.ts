import { describe, expect, it } from 'vitest'
import { DecodeError, ValidationError } from '../../../src/index.js'
import { getClusterMetadata } from '../../../src/operations/objects/get-cluster-metadata.js'
import { rawResponse } from '../../support/raw-response.js'

describe('getClusterMetadata', () => {
  it('sends an empty PUT to the container with X-v3io-function: GetClusterMD (ED-49)', () => {
    expect(getClusterMetadata.encode({ container: 'bigdata' })).toEqual({
      operation: 'GetClusterMD',
      method: 'PUT',
      path: '/bigdata/',
      headers: { 'X-v3io-function': 'GetClusterMD' },
      body: new Uint8Array(0),
      idempotent: true,
    })
  })

  it('refuses a bad container name before sending anything', () => {
    expect(() => getClusterMetadata.encode({ container: 'a/b' })).toThrow(ValidationError)
    expect(() => getClusterMetadata.encode({ container: '' })).toThrow(/container/)
  })

  it('decodes NumberOfVNs given as a number or as text', () => {
    const descriptor = getClusterMetadata.encode({ container: 'bigdata' })
    expect(getClusterMetadata.decode(rawResponse(200, '{"NumberOfVNs":8}'), descriptor)).toEqual({
      numberOfVNs: 8,
    })
    expect(getClusterMetadata.decode(rawResponse(200, '{"NumberOfVNs":"48","Other":1}'), descriptor)).toEqual(
      {
        numberOfVNs: 48,
      },
    )
  })

  it.each([
    ['{}', /missing NumberOfVNs/],
    ['{"NumberOfVNs":"eight"}', /NumberOfVNs is not an integer/],
    ['{"NumberOfVNs":0}', /NumberOfVNs must be ≥ 1/],
    ['{"NumberOfVNs":1e400}', /NumberOfVNs/],
    ['not json', /GetClusterMD/],
  ])('raises a DecodeError for %s', (body, message) => {
    const descriptor = getClusterMetadata.encode({ container: 'bigdata' })
    const decode = () => getClusterMetadata.decode(rawResponse(200, body), descriptor)
    expect(decode).toThrow(DecodeError)
    expect(decode).toThrow(message)
  })
})
