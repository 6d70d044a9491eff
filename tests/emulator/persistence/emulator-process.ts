import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../../../src/emulator/cli.ts', import.meta.url))

/** The emulator's command run as a child process (through tsx), as a user would run it. */
export interface EmulatorProcess {
  readonly child: ChildProcess
  readonly url: string
  /** Everything the process printed to stdout so far. */
  output(): string
  /** Resolves with the exit code or signal once the process has ended. */
  exited(): Promise<number | string | null>
}

/** Starts `v3io-emulator --port 0 <args>` and resolves once it listens. */
export async function spawnEmulator(args: readonly string[]): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const ended = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string | null)
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout)
      if (match) resolve(match[1] as string)
    }
    child.stdout?.on('data', look)
    ended.then((code) => reject(new Error(`the emulator exited (${code}) before listening: ${stderr}`)))
  })
  return { child, url, output: () => stdout, exited: () => ended }
}
