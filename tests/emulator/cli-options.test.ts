import { describe, expect, it } from 'vitest'
import { cliOptions, helpText, parseCliArguments, UsageError } from '../../src/emulator/cli-options.js'
import { emulatorDefaults } from '../../src/emulator/defaults.js'

describe('v3io-emulator options: one table for the parser and --help', () => {
  const help = helpText()

  it('lists every option of the table in --help, with its default on the next line', () => {
    const lines = help.split('\n')
    const start = lines.indexOf('Options:')
    expect(start).toBeGreaterThan(0)
    for (const option of cliOptions) {
      const at = lines.findIndex((line, k) => k > start && line.startsWith(`  --${option.name}`))
      expect(at, option.name).toBeGreaterThan(start)
      if (option.placeholder) expect(lines[at]).toContain(`--${option.name} `)
      if (option.defaultText !== undefined) {
        expect(lines[at + 1]?.trim()).toBe(`default: ${option.defaultText}`)
      }
    }
    expect(help).toContain('--port PORT')
    expect(help).toContain(`default: ${emulatorDefaults.port}`)
    expect(help).toContain('default: 1073741824 (1 GiB)')
    expect(help).toContain(`default: ${emulatorDefaults.expressionWorkLimit}`)
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100)
  })

  it('accepts every option of the table, and nothing else', () => {
    const argv = cliOptions.flatMap((option) =>
      option.kind === 'flag' || option.name === 'help' || option.name === 'version'
        ? []
        : [
            `--${option.name}`,
            option.name.includes('port')
              ? '0'
              : option.placeholder === 'DIR'
                ? '/d'
                : option.placeholder === 'NAME:PASSWORD'
                  ? 'u:p'
                  : '1',
          ],
    )
    expect(parseCliArguments([...argv, '--reset', '--quiet']).action).toBe('serve')
    expect(() => parseCliArguments(['--bogus'])).toThrow(new UsageError("Unknown option '--bogus'"))
    expect(() => parseCliArguments(['serve'])).toThrow(UsageError)
    expect(() => parseCliArguments(['--port'])).toThrow(UsageError)
  })

  it('maps the command line to startEmulator options, defaults from the same declarations', () => {
    expect(parseCliArguments([])).toEqual({
      action: 'serve',
      options: { host: '127.0.0.1', port: 8081 },
      shutdownGraceMs: emulatorDefaults.shutdownGraceMs,
      quiet: false,
    })
    const request = parseCliArguments([
      '--port=0',
      '--container',
      'a',
      '--container',
      'b',
      '--access-key',
      'k',
      '--allow-origin',
      '*',
      '--data-dir',
      '/tmp/x',
      '--reset',
      '--max-object-size',
      '1024',
      '--expression-work-limit',
      '50000',
      '--scan-page-budget',
      '20',
      '--max-idle-connections',
      '4',
      '--shutdown-grace',
      '500',
      '--quiet',
    ])
    expect(request).toEqual({
      action: 'serve',
      options: {
        host: '127.0.0.1',
        port: 0,
        containers: ['a', 'b'],
        accessKeys: ['k'],
        allowedOrigins: ['*'],
        dataDir: '/tmp/x',
        reset: true,
        maxObjectSize: 1024,
        expressionWorkLimit: 50_000,
        scanPageBudget: 20,
        maxIdleConnections: 4,
      },
      shutdownGraceMs: 500,
      quiet: true,
    })
    expect(parseCliArguments(['--port', '1', '--help'])).toEqual({ action: 'help' })
    expect(parseCliArguments(['--version'])).toEqual({ action: 'version' })
  })

  it('names the bad option in one message', () => {
    expect(() => parseCliArguments(['--port', '65536'])).toThrow('invalid --port: 65536')
    expect(() => parseCliArguments(['--port', '-1'])).toThrow(UsageError)
    expect(() => parseCliArguments(['--shutdown-grace', '1.5'])).toThrow('invalid --shutdown-grace: 1.5')
    expect(() => parseCliArguments(['--reset'])).toThrow('--reset needs --data-dir')
  })
})
