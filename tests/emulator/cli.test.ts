import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cliOptions } from '../../src/emulator/cli-options.js'
import { useEmulator } from '../support/emulator.js'

const repository = fileURLToPath(new URL('../..', import.meta.url))
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** Runs `v3io-emulator` from source to its exit. */
function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/emulator/cli.ts', ...args],
      { cwd: repository, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr })
      },
    )
  })
}

describe('v3io-emulator as a command', { timeout: 120_000 }, () => {
  const running = useEmulator()

  it('prints the package version with --version', async () => {
    expect(await runCli('--version')).toEqual({ code: 0, stdout: `v3io-emulator ${version}\n`, stderr: '' })
  })

  it('prints every option with --help', async () => {
    const { code, stdout, stderr } = await runCli('--help')
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout.split('\n')[0]).toBe('Usage: v3io-emulator [options]')
    for (const option of cliOptions) expect(stdout).toContain(`  --${option.name}`)
    expect(stdout).toContain('default: 8081')
  })

  it('says in one line that the port is in use, without a usage dump', async () => {
    const { port } = running.emulator
    const { code, stdout, stderr } = await runCli('--port', String(port))
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `v3io-emulator: cannot listen on 127.0.0.1:${port}: the port is in use (choose another with --port)\n`,
    )
  })

  it('names a bad option and points to --help (exit 2)', async () => {
    expect(await runCli('--prot', '8082')).toEqual({
      code: 2,
      stdout: '',
      stderr: "v3io-emulator: Unknown option '--prot'\nRun v3io-emulator --help to see the options.\n",
    })
  })
})
