import { describe, expect, it } from 'vitest'
import { extractSamples, sampleModule } from '../support/code-samples.js'

const fence = '```'

describe('extractSamples', () => {
  it('takes ts and js blocks with the line of their first code line, and leaves the others', () => {
    const markdown = [
      '# Title',
      '',
      `${fence}ts`,
      'one()',
      `${fence}`,
      `${fence}sh`,
      'ls',
      `${fence}`,
      `${fence}js`,
      'two()',
      `${fence}`,
    ].join('\n')
    const samples = extractSamples('a.md', markdown)
    expect(samples.map(({ line, code, mode }) => ({ line, code, mode }))).toEqual([
      { line: 4, code: 'one()', mode: 'run' },
      { line: 10, code: 'two()', mode: 'run' },
    ])
  })

  it('prepends the current prelude to every later block and a setup to its own block only', () => {
    const markdown = [
      `${fence}ts`,
      'first()',
      `${fence}`,
      '<!-- sample: prelude',
      'const a = 1',
      '-->',
      '<!-- sample: setup const b = 2 -->',
      '',
      `${fence}ts`,
      'second()',
      `${fence}`,
      `${fence}ts`,
      'third()',
      `${fence}`,
      '<!-- sample: prelude -->',
      `${fence}ts`,
      'fourth()',
      `${fence}`,
    ].join('\n')
    expect(extractSamples('a.md', markdown).map((sample) => sample.setup)).toEqual([
      '',
      'const a = 1\nconst b = 2',
      'const a = 1',
      '',
    ])
  })

  it('marks skipped and type-checked blocks with their reason, and refuses a marker without one', () => {
    const marked = (marker: string) => [marker, `${fence}ts`, 'Deno.env', `${fence}`].join('\n')
    expect(extractSamples('a.md', marked('<!-- sample: skip (needs Deno) -->'))[0]).toMatchObject({
      mode: 'skip',
      reason: 'needs Deno',
    })
    expect(extractSamples('a.md', marked('<!-- sample: typecheck (a worker) -->'))[0]).toMatchObject({
      mode: 'typecheck',
      reason: 'a worker',
    })
    expect(() => extractSamples('a.md', marked('<!-- sample: skip -->'))).toThrow(
      /a\.md:1: "skip" needs a reason/,
    )
    expect(() => extractSamples('a.md', marked('<!-- sample: run -->'))).toThrow(
      /unknown sample marker "run"/,
    )
    expect(() => extractSamples('a.md', '<!-- sample: skip (x) -->\ntext')).toThrow(/not followed by a block/)
  })
})

describe('sampleModule', () => {
  it('merges the named imports of setup and block and says where the block starts', () => {
    const { source, bodyStart } = sampleModule({
      file: 'a.md',
      line: 10,
      mode: 'run',
      setup: "import { Client } from 'v3io'\nconst client = new Client()",
      code: "import { Client, type Executor } from 'v3io'\nimport {\n  startEmulator,\n} from 'v3io/emulator'\nuse(client)",
    })
    const lines = source.split('\n')
    expect(lines[0]).toBe("import { Client, type Executor } from 'v3io'")
    expect(lines[1]).toBe("import { startEmulator } from 'v3io/emulator'")
    // The block keeps its line count, so that errors map back to the markdown's lines.
    expect(lines[bodyStart - 1 + 4]).toBe('use(client)')
  })
})
