import { describe, expect, it } from 'vitest'
import { headContainer } from '../../../src/operations/objects/head-container.js'

describe('headContainer', () => {
  it('sends HEAD on the container', () => {
    expect(headContainer.encode({ container: 'bigdata' })).toEqual({
      operation: 'HeadContainer',
      method: 'HEAD',
      path: '/bigdata',
      headers: {},
      idempotent: true,
    })
  })
})
