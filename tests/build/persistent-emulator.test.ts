import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectedDriver } from '../emulator/persistence/persistence-support.js'

// The built package (`npm run build`) must find its SQLite driver from both module formats, and the SDK's
// own entries must not mention one.
const root = new URL('../../', import.meta.url)
const built = existsSync(new URL('dist/index.js', root))

const program = (load: string, dataDir: string) => `${load}
(async () => {
  for (const round of [1, 2]) {
    const emulator = await startEmulator({ port: 0, dataDir: ${JSON.stringify(dataDir)} })
    const client = new Client({ endpoint: emulator.url, accessKey: 'build-test-key' })
    if (round === 1) await client.putObject({ container: 'users', path: '/kept', body: 'across restarts' })
    else console.log(new TextDecoder().decode((await client.getObject({ container: 'users', path: '/kept' })).body))
    console.log(emulator.store.description.replace(${JSON.stringify(dataDir)}, 'DIR'))
    await emulator.close()
  }
})()`

describe.runIf(built)('the built persistent emulator', () => {
  for (const [format, args, load] of [
    ['CJS', [], "const { Client } = require('v3io'); const { startEmulator } = require('v3io/emulator');"],
    [
      'ESM',
      ['--input-type=module'],
      "import { Client } from 'v3io'; import { startEmulator } from 'v3io/emulator';",
    ],
  ] as const) {
    it(`keeps data across a restart when loaded as ${format}`, () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'v3io-built-'))
      try {
        const output = execFileSync(process.execPath, [...args, '-e', program(load, dataDir)], {
          cwd: root,
          encoding: 'utf8',
          timeout: 30_000,
        })
        const description = `persistent, data in DIR (SQLite via ${expectedDriver})`
        expect(output.trim().split('\n')).toEqual([description, 'across restarts', description])
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
    })
  }

  it('keeps SQLite out of the SDK entries and the CDN bundle', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/v3io.global.js'])
      expect(readFileSync(new URL(file, root), 'utf8'), file).not.toMatch(/sqlite/i)
  })
})
