import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// TypeScript projects that install the built package, in each resolution mode: every .d.ts is a re-export
// of its .d.cts twin (docs/decisions-package.md, PK-6), so this checks that CommonJS (`module: node16` in a
// .cts file), ESM, node10 and bundler consumers all get the real types, and that the compiled programs run.
const root = fileURLToPath(new URL('../../', import.meta.url))
const built = existsSync(join(root, 'dist/index.d.cts'))
const tsc = join(root, 'node_modules/typescript/bin/tsc')
const run = promisify(execFile)

// One program for every module system: a 404 caught as HttpResponseError (its typed `statusCode`), the
// predicate, the emulator and v3io/node; `@ts-expect-error` fails the compile if the types were `any`.
const program = (load: string) => `${load}
async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 })
  const client = new Client({ endpoint: emulator.url, accessKey: 'k', transport: nodeHttpTransport() })
  // @ts-expect-error: container must be a string
  void (() => client.getObject({ container: 1, path: '/x' }))
  try {
    await client.getObject({ container: 'users', path: '/missing' })
  } catch (error) {
    const status: number | undefined = error instanceof HttpResponseError ? error.statusCode : undefined
    console.log(JSON.stringify({ status, notFound: isNotFound(error) }))
  } finally {
    await emulator.close()
  }
}
void main()
`
const importLine =
  "import { Client, HttpResponseError, isNotFound } from 'v3io'\nimport { startEmulator } from 'v3io/emulator'\nimport { nodeHttpTransport } from 'v3io/node'"

describe.runIf(built)('TypeScript consumers of the built package', () => {
  let directory: string

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'v3io-ts-consumers-'))
    mkdirSync(join(directory, 'node_modules'))
    symlinkSync(root, join(directory, 'node_modules/v3io'), 'dir')
    symlinkSync(join(root, 'node_modules/@types'), join(directory, 'node_modules/@types'), 'dir')
    writeFileSync(join(directory, 'package.json'), '{ "private": true }')
    writeFileSync(join(directory, 'commonjs.cts'), program(importLine))
    writeFileSync(join(directory, 'esm.mts'), program(importLine))
    writeFileSync(join(directory, 'plain.ts'), program(importLine))
  })

  afterAll(() => {
    if (directory) rmSync(directory, { recursive: true, force: true })
  })

  const compile = async (options: Record<string, unknown>, files: string[]) => {
    const config = {
      compilerOptions: { strict: true, skipLibCheck: false, target: 'es2022', types: ['node'], ...options },
      files,
    }
    writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify(config))
    return run(process.execPath, [tsc, '-p', directory], { cwd: directory, timeout: 120_000 })
  }

  it('compiles a .cts and an .mts file (module node16) that run: the CommonJS one catches the 404 with instanceof', async () => {
    await compile({ module: 'node16', moduleResolution: 'node16', outDir: 'out' }, [
      'commonjs.cts',
      'esm.mts',
    ])
    for (const file of ['out/commonjs.cjs', 'out/esm.mjs']) {
      const { stdout } = await run(process.execPath, [file], { cwd: directory, timeout: 30_000 })
      expect(JSON.parse(stdout), file).toEqual({ status: 404, notFound: true })
    }
  }, 120_000)

  it('type-checks for node10 (typesVersions) and bundler resolution', async () => {
    await compile({ module: 'commonjs', moduleResolution: 'node10', noEmit: true }, ['plain.ts'])
    await compile({ module: 'esnext', moduleResolution: 'bundler', noEmit: true }, ['plain.ts'])
  }, 120_000)
})
