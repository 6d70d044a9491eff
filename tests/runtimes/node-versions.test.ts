import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

// The built package on every Node line the project supports (docs/supported-runtimes.md): the Node that
// runs the tests (20) and the binaries of the `node` npm package for 22 and 24, pinned by
// tests/runtimes/node-versions/package-lock.json and installed there on first use. They stay out of the
// project's own dependencies: their `node` command would shadow the project's Node in every npm script.
const root = new URL('../../', import.meta.url)
const versions = new URL('node-versions/', import.meta.url)
const built = existsSync(new URL('dist/index.js', root))
const binary = (alias: string) => new URL(`node_modules/${alias}/bin/node`, versions).pathname

const runtimes: [string, () => string][] = [
  ['20', () => process.execPath],
  ['22', () => binary('node22')],
  ['24', () => binary('node24')],
]

describe.runIf(built)('the built package on Node 20, 22 and 24', () => {
  beforeAll(() => {
    if (existsSync(binary('node22')) && existsSync(binary('node24'))) return
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: versions,
      stdio: 'ignore',
      timeout: 300_000,
    })
  }, 300_000)

  for (const [major, node] of runtimes) {
    it(`runs objects, KV, streams, cross-build errors and the persistent emulator on Node ${major}`, async () => {
      const { stdout } = await promisify(execFile)(node(), ['tests/runtimes/node-smoke.mjs'], {
        cwd: root,
        timeout: 60_000,
      })
      expect(JSON.parse(stdout)).toEqual({
        node: major,
        // node:sqlite from 22.5 on; Node 20 needs the optional peer dependency.
        driver: major === '20' ? 'better-sqlite3' : 'node:sqlite',
        object: 'hello, there',
        items: ['b:20', 'c:30'],
        records: ['r1', 'r2'],
        cjsErrorSeenByEsm: true,
        afterRestart: 30,
      })
    }, 60_000)
  }
})
