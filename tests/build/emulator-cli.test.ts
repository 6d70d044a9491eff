import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The built command (`npm run build`), as `npx v3io-emulator` runs it: the package's `bin`.
const root = new URL('../../', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  version: string
  bin: Record<string, string>
}
const bin = fileURLToPath(new URL(manifest.bin['v3io-emulator'] as string, root))

describe.runIf(existsSync(bin))('the built v3io-emulator command', () => {
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 })

  it('prints the package version and its options', () => {
    expect(run('--version')).toBe(`v3io-emulator ${manifest.version}\n`)
    const help = run('--help')
    expect(help).toContain('--expression-work-limit UNITS')
    expect(help).toContain('default: 8081')
  })
})
