import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'

// A 200 MiB object streamed up and down keeps the client's memory flat: the client runs in a child
// process (scripts/transfer-memory.mjs) that samples its own RSS; the emulator runs here, so that the
// object it stores is not counted. Values, not timings: RSS growth as a fraction of the object.
const script = fileURLToPath(new URL('../../scripts/transfer-memory.mjs', import.meta.url))
const mib = 200

async function measure(endpoint: string, transport: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      '--expose-gc',
      script,
      '--endpoint',
      endpoint,
      '--mib',
      String(mib),
      '--transport',
      transport,
      '--json',
    ],
    { maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1) as string)
}

// The Node default (nodeHttpTransport) and fetchTransport (undici): fetch once held the whole upload, in
// the branch of a body tee undici keeps to follow redirects (docs/decisions-io.md, IO-1).
describe.each(['node', 'fetch'])('a 200 MiB object through the %s transport', (transport) => {
  const fixture = useEmulator()

  it('is uploaded from a stream and downloaded as a stream with the client RSS far below its size', async () => {
    const outcome = await measure(fixture.emulator.url, transport)
    expect(outcome.transport).toBe(transport)
    expect(outcome.uploadStatus).toBe(200)
    expect(outcome.downloadBytes).toBe(mib * 1024 * 1024)
    // Buffering the object would be ≥ 1; docs/decisions-io.md (IO-1) has the measured figures. Half the
    // object, not a quarter: on a loaded machine collection lags the transfer (fetch's upload was seen
    // at 0.26–0.28 with other test runs in parallel), while any buffering of the whole still fails.
    expect(outcome.uploadGrowth / outcome.size).toBeLessThan(0.5)
    expect(outcome.downloadGrowth / outcome.size).toBeLessThan(0.5)
  }, 180_000)
})
