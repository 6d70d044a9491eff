import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { clientHeaderValue, sdkVersion } from '../../src/core/version.js'

describe('sdkVersion', () => {
  it("is package.json's version", () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(sdkVersion).toBe(manifest.version)
    expect(clientHeaderValue).toBe(`v3io-js/${manifest.version}`)
  })
})
