import { describe, expect, it } from 'vitest'
import { defaultEndpoint } from '../../console/src/session.js'

describe('defaultEndpoint', () => {
  it("is the page's origin when served over HTTP(S), so that calls are same-origin", () => {
    expect(defaultEndpoint({ protocol: 'http:', origin: 'http://127.0.0.1:8081' })).toBe(
      'http://127.0.0.1:8081',
    )
    expect(defaultEndpoint({ protocol: 'https:', origin: 'https://proxy.example' })).toBe(
      'https://proxy.example',
    )
    expect(defaultEndpoint({ protocol: 'file:', origin: 'null' })).toBe('')
  })
})
