import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'

const root = new URL('../../', import.meta.url)
const deno = new URL('node_modules/.bin/deno', root).pathname

describe('Deno', () => {
  const fixture = useEmulator()

  it('runs the seed object example with the endpoint and access key from V3IO_API and V3IO_ACCESS_KEY', async () => {
    expect(existsSync(deno), 'the deno npm package is a dev dependency').toBe(true)
    expect(existsSync(new URL('dist/index.fetch.js', root)), 'npm run build first').toBe(true)
    const { stdout } = await promisify(execFile)(
      deno,
      ['run', '--quiet', '--allow-net', '--allow-env', '--allow-read', 'tests/deno/seed-object-example.ts'],
      {
        cwd: root,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DENO_NO_UPDATE_CHECK: '1',
          V3IO_API: fixture.emulator.url.replace('http://', ''),
          V3IO_ACCESS_KEY: 'deno-access-key',
        },
      },
    )
    expect(JSON.parse(stdout)).toEqual({ endpoint: fixture.emulator.url, text: 'hello, there' })
  }, 60_000)
})
