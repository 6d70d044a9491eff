import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// These tests load the built package (`npm run build`, which `npm test` runs first) through its own
// `exports` map, exactly as a user's `import`/`require` of `v3io` would.
const root = new URL('../../', import.meta.url)
const built = existsSync(new URL('dist/index.js', root))

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000 })
}

const example = (load: string) => `${load}
(async () => {
  const emulator = await startEmulator({ port: 0 })
  try {
    const client = new dataplane.Client({ endpoint: emulator.url, accessKey: 'build-test-key' })
    await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
    const response = await client.getObject({ container: 'users', path: '/my-object' })
    console.log(new TextDecoder().decode(response.body), typeof Client, RaiseForStatus.never)
  } finally {
    await emulator.close()
  }
})()`

describe.runIf(built)('the built package', () => {
  it('loads with require() (CJS) and runs the seed object example', () => {
    const output = node([
      '-e',
      example(
        "const { Client, dataplane, RaiseForStatus } = require('v3io'); const { startEmulator } = require('v3io/emulator');",
      ),
    ])
    expect(output.trim()).toBe('hello, there function never')
  })

  it('loads with import (ESM) and runs the seed object example', () => {
    const output = node([
      '--input-type=module',
      '-e',
      example(
        "import { Client, dataplane, RaiseForStatus } from 'v3io'; import { startEmulator } from 'v3io/emulator';",
      ),
    ])
    expect(output.trim()).toBe('hello, there function never')
  })

  const nodeExample = (load: string) => `${load}
(async () => {
  const emulator = await startEmulator({ port: 0 })
  const transport = nodeHttpTransport()
  try {
    const client = new Client({ endpoint: emulator.url, accessKey: 'build-test-key', transport })
    await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
    const response = await client.getObject({ container: 'users', path: '/my-object' })
    console.log(new TextDecoder().decode(response.body), typeof nodeHttpTransport, emulator.connections.opened)
  } finally {
    transport.destroy()
    await emulator.close()
  }
})()`

  it('loads v3io/node with require() (CJS): the seed object example on nodeHttpTransport', () => {
    const output = node([
      '-e',
      nodeExample(
        "const { Client } = require('v3io'); const { nodeHttpTransport } = require('v3io/node'); const { startEmulator } = require('v3io/emulator');",
      ),
    ])
    expect(output.trim()).toBe('hello, there function 1')
  })

  it('loads v3io/node with import (ESM): the seed object example on nodeHttpTransport', () => {
    const output = node([
      '--input-type=module',
      '-e',
      nodeExample(
        "import { Client } from 'v3io'; import { nodeHttpTransport } from 'v3io/node'; import { startEmulator } from 'v3io/emulator';",
      ),
    ])
    expect(output.trim()).toBe('hello, there function 1')
  })

  // fetch is sabotaged: only a client on node:http gets through, and both module systems must give one.
  const defaultTransportExample = (load: string) => `${load}
globalThis.fetch = () => Promise.reject(new Error('fetch was used'));
(async () => {
  const emulator = await startEmulator({ port: 0 })
  try {
    const client = new Client({ endpoint: emulator.url, accessKey: 'build-test-key' })
    const core = new CoreClient({ endpoint: emulator.url, accessKey: 'build-test-key' })
    await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
    const response = await core.execute(getObject, { container: 'users', path: '/my-object' })
    console.log(new TextDecoder().decode(response.body), dataplane.Client === Client)
  } finally {
    await emulator.close()
  }
})()`

  for (const [system, load] of [
    [
      'require() (CJS)',
      "const { Client, CoreClient, dataplane, getObject } = require('v3io'); const { startEmulator } = require('v3io/emulator');",
    ],
    [
      'import (ESM)',
      "import { Client, CoreClient, dataplane, getObject } from 'v3io'; import { startEmulator } from 'v3io/emulator';",
    ],
  ] as const) {
    it(`gives Node, through ${system}, clients whose default transport is node:http, not fetch`, () => {
      const args = system.startsWith('import') ? ['--input-type=module', '-e'] : ['-e']
      expect(node([...args, defaultTransportExample(load)]).trim()).toBe('hello, there true')
    })
  }

  it('declares the types of v3io/node for both module systems', () => {
    // dist/node/index.d.ts re-exports the .d.cts (docs/decisions-package.md, PK-6).
    expect(readFileSync(new URL('dist/node/index.d.ts', root), 'utf8')).toBe("export * from './index.cjs'\n")
    for (const file of ['dist/node/index.d.cts']) {
      const declarations = readFileSync(new URL(file, root), 'utf8')
      expect(declarations, file).toMatch(
        /declare function nodeHttpTransport\(options\?: NodeHttpTransportOptions\): NodeHttpTransport/,
      )
      expect(declarations, file).toMatch(/export \{[^}]*NodeHttpTransportOptions/)
    }
  })

  it('keeps v3io/node out of the main entry points and the CDN build', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/v3io.global.js']) {
      const code = readFileSync(new URL(file, root), 'utf8')
      expect(code, file).not.toMatch(/nodeHttpTransport|createSecureContext|ResponseHeaders/)
    }
  })

  it('keeps server code and Node-only APIs out of the SDK bundles', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/v3io.global.js']) {
      const code = readFileSync(new URL(file, root), 'utf8')
      // `globalThis.Buffer` is the codecs' runtime lookup (src/core/node-buffer.ts), undefined in browsers.
      expect(code, file).not.toMatch(
        /["']node:|(?<!globalThis\.)\bBuffer\b|require\(["'](?:http|net|fs)["']\)|createServer/,
      )
    }
  })

  it('ships the v3io-emulator command', () => {
    expect(node(['dist/emulator/cli.cjs', '--help'])).toContain('Usage: v3io-emulator')
  })
})

describe('the build', () => {
  it('exists: run `npm run build` before the tests (npm test does)', () => {
    expect(built).toBe(true)
  })
})
