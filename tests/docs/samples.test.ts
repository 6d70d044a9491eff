import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import { type CodeSample, readSamples, sampleModule } from '../support/code-samples.js'
import { testAccessKey } from '../support/emulator.js'

// Every ts/js block of the README and docs/guides/*.md runs as a user's module (`import … from 'v3io'`,
// resolved to the sources as in demo/tsconfig.json) in a child process against a fresh emulator, whose
// URL and a key it gets as V3IO_API / V3IO_ACCESS_KEY (the defaults of `new Client()`); the README's
// placeholder endpoint is replaced by that URL. A block fails when it throws, exits non-zero or does not
// print what its `console.log(…) // expected` comments say. Every block, run or not, is type-checked.
const root = new URL('../../', import.meta.url)
const rootPath = fileURLToPath(root)
const placeholderEndpoint = 'https://webapi.default-tenant.example.com'
const samples = readSamples(root)
const directory = mkdtempSync(join(tmpdir(), 'v3io-samples-'))
const run = promisify(execFile)

interface Written {
  readonly sample: CodeSample
  readonly name: string
  readonly bodyStart: number
}

function moduleName(sample: CodeSample): string {
  return `${sample.file.replace(/[^a-z0-9]+/gi, '-')}-${sample.line}`
}

// Two samples at a time: each is a process of its own, and the machine is shared.
let running = 0
const waiting: Array<() => void> = []
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve))
  running += 1
  try {
    return await task()
  } finally {
    running -= 1
    waiting.shift()?.()
  }
}

const written: Written[] = samples
  .filter((sample) => sample.mode !== 'skip')
  .map((sample) => {
    const { source, bodyStart } = sampleModule(sample)
    const name = moduleName(sample)
    writeFileSync(join(directory, `${name}.ts`), source)
    return { sample, name, bodyStart }
  })
writeFileSync(join(directory, 'package.json'), JSON.stringify({ type: 'module' }))
writeFileSync(
  join(directory, 'tsconfig.json'),
  JSON.stringify({
    extends: join(rootPath, 'tsconfig.json'),
    compilerOptions: {
      typeRoots: [join(rootPath, 'node_modules/@types')],
      paths: {
        v3io: [join(rootPath, 'src/index.node.ts')],
        'npm:v3io': [join(rootPath, 'src/index.fetch.ts')],
        'v3io/node': [join(rootPath, 'src/node/index.ts')],
        'v3io/emulator': [join(rootPath, 'src/emulator/index.ts')],
      },
    },
    include: ['*.ts', join(rootPath, 'src/**/*.d.ts')],
    exclude: ['*.run.ts'],
  }),
)

afterAll(() => rmSync(directory, { recursive: true, force: true }))

/** Rewrites `name.ts:LINE` (stack traces, compiler errors) as the markdown's `file:line`. */
function inMarkdown(text: string, { sample, name, bodyStart }: Written): string {
  return text.replace(
    new RegExp(`(?:[^\\s(]*/)?${name}(?:\\.run)?\\.ts[:(](\\d+)([:,]?)`, 'g'),
    (_match, line: string, separator: string) =>
      `${sample.file}:${sample.line + Number(line) - bodyStart}${separator ? ':' : ''}`,
  )
}

/** The outputs a block promises: `console.log(…) // text` means a printed line `text`. */
function expectedOutputs(code: string): string[] {
  return [...code.matchAll(/console\.log\(.*\)\s*\/\/\s*(.+)$/gm)].map((match) => (match[1] ?? '').trim())
}

interface ProcessResult {
  code?: number
  stdout?: string
  stderr?: string
}

describe.concurrent('the code samples of the README and the guides', () => {
  it('are found, each marked block with its reason', () => {
    expect(samples.filter((sample) => sample.file === 'README.md').length).toBeGreaterThan(5)
    for (const sample of samples.filter((each) => each.mode !== 'run')) expect(sample.reason).toBeTruthy()
  })

  for (const entry of written.filter(({ sample }) => sample.mode === 'run')) {
    const { sample, name } = entry
    it(
      `${sample.file}:${sample.line} runs`,
      () =>
        inTurn(async () => {
          const emulator = await startEmulator({ port: 0 })
          try {
            const source = sampleModule(sample).source.replaceAll(placeholderEndpoint, emulator.url)
            writeFileSync(join(directory, `${name}.run.ts`), source)
            const result: ProcessResult = await run(
              process.execPath,
              // tsx as a loader (one process, not the CLI's two); it reads the directory's tsconfig.json.
              [
                '--import',
                pathToFileURL(join(rootPath, 'node_modules/tsx/dist/loader.mjs')).href,
                `${name}.run.ts`,
              ],
              {
                cwd: directory,
                timeout: 60_000,
                env: {
                  ...process.env,
                  V3IO_API: emulator.url,
                  V3IO_CONTROL_API: emulator.url,
                  V3IO_ACCESS_KEY: testAccessKey,
                  NO_COLOR: '1',
                },
              },
            ).catch((error: ProcessResult) => error)
            const report = inMarkdown(`${result.stderr ?? ''}\n${result.stdout ?? ''}`, entry)
            if (result.code) throw new Error(`${sample.file}:${sample.line}: the sample failed:\n${report}`)
            const printed = (result.stdout ?? '').split('\n').map((line) => line.trim())
            for (const expected of expectedOutputs(sample.code)) {
              expect(printed, `${sample.file}:${sample.line} prints "${expected}"\n${report}`).toContain(
                expected,
              )
            }
          } finally {
            await emulator.close()
          }
        }),
      180_000,
    )
  }

  it('type-check, with the marked ones', async () => {
    const result: ProcessResult = await run(
      process.execPath,
      [join(rootPath, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'],
      { cwd: directory, timeout: 120_000 },
    ).catch((error: ProcessResult) => error)
    let report = result.stdout ?? ''
    for (const entry of written) report = inMarkdown(report, entry)
    expect(report.trim(), report).toBe('')
    expect(result.code ?? 0).toBe(0)
  }, 150_000)
})
