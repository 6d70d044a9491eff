import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)

// typedoc.json fails on any warning: an undocumented public member, a type referenced by the public API
// but not exported, a broken {@link}. `--emit none` checks without writing the site (`npm run docs` does).
describe('the API reference (TypeDoc)', () => {
  it('documents every public member and exports every type the public API references', async () => {
    const result = await run(process.execPath, ['node_modules/typedoc/bin/typedoc', '--emit', 'none'], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error)
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    expect(output).not.toMatch(/warning|error/i)
    expect('code' in result ? result.code : 0).toBe(0)
  }, 180_000)
})
