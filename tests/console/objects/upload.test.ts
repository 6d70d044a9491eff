import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overallProgress, uploadFile } from '../../../console/src/objects/upload.js'
import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.js'
import { Client } from '../../../src/index.js'

describe('overallProgress', () => {
  it('is indeterminate for one unmeasured file, and counts finished files when there are several', () => {
    expect(overallProgress(0, 1, undefined)).toBeUndefined()
    expect(overallProgress(1, 4, undefined)).toBe(0.25)
    expect(overallProgress(1, 4, 0.5)).toBe(0.375)
    expect(overallProgress(0, 1, 1)).toBe(1)
  })
})

describe('uploadFile', () => {
  let emulator: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 })
  })
  afterAll(async () => {
    await emulator?.close()
  })

  it("stores the file, reporting unmeasured, then the SDK's upload progress, then done", async () => {
    const client = new Client({ endpoint: emulator.url, accessKey: 'any' })
    const reports: (number | undefined)[] = []
    const file = new Blob([Uint8Array.from([1, 2, 3])])
    await uploadFile(
      client,
      { container: 'users', path: '/up/file' },
      file,
      (value) => reports.push(value),
      new AbortController().signal,
    )
    // unmeasured until bytes go out; then onUploadProgress's fractions (all of a 3-byte body at once); done
    expect(reports[0]).toBeUndefined()
    expect(reports.at(-1)).toBe(1)
    expect(reports.slice(1, -1).every((value) => typeof value === 'number' && value > 0 && value <= 1)).toBe(
      true,
    )
    expect(reports.length).toBeGreaterThan(2)
    expect([...(await client.getObject({ container: 'users', path: '/up/file' })).body]).toEqual([1, 2, 3])
  })
})
