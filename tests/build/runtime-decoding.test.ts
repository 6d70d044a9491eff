import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// The Node, Deno and Bun entries install the response decoders at startup (browsers load them with the
// first call that needs them): through the built package, an operation's `decode`, `decodeItem` and
// `parseTransactionVerifier` work at once in each runtime, without `prepare()`.
const root = new URL('../../', import.meta.url)
const built = existsSync(new URL('dist/index.fetch.js', root))
const binary = (name: string) => new URL(`node_modules/.bin/${name}`, root).pathname
const fixture = 'tests/runtimes/direct-decoding.mjs'

const expected = {
  big: '12345678901234567890n',
  name: 'louise',
  condition: '__mtime_secs==1700000000 and __mtime_nsecs==5',
  decodeItem: 12,
  verifierSeconds: 1700000000,
}

async function run(command: string, args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(command, args, {
    cwd: root,
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DENO_NO_UPDATE_CHECK: '1' },
  })
  return JSON.parse(stdout)
}

describe.runIf(built)('decoding without prepare() where the entry installs the decoders', () => {
  it('Node, import and require', async () => {
    expect(await run(process.execPath, [fixture, 'v3io'])).toEqual(expected)
    expect(await run(process.execPath, [fixture, 'require:v3io'])).toEqual(expected)
  })

  it('Bun (the bun condition: index.fetch.js)', async () => {
    expect(await run(binary('bun'), [fixture, 'v3io'])).toEqual(expected)
  }, 60_000)

  it('Deno (index.fetch.js)', async () => {
    const args = ['run', '--quiet', '--allow-read', '--allow-env', fixture, '../../dist/index.fetch.js']
    expect(await run(binary('deno'), args)).toEqual(expected)
  }, 60_000)

  it('but not the universal entry before a call has loaded them: a V3ioError saying what to await', async () => {
    const error = await run(process.execPath, [fixture, '../../dist/index.js']).catch(
      (failure: { stderr: string }) => failure.stderr,
    )
    expect(error).toMatch(/V3ioError: response decoders not loaded: await operation\.prepare\?\.\(\)/)
  })
})
