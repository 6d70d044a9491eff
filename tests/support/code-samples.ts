import { readdirSync, readFileSync } from 'node:fs'

/**
 * A TypeScript or JavaScript code block of the docs, ready to run: its own lines behind the setup code
 * that the markdown's `<!-- sample: … -->` comments give it (see docs/guides/README.md, "Code samples").
 */
export interface CodeSample {
  /** The markdown file, relative to the repository root. */
  readonly file: string
  /** The 1-based line of the block's first code line in `file`. */
  readonly line: number
  /** The block's code. */
  readonly code: string
  /** Setup code run before it: the file's current prelude, then the block's own setup. */
  readonly setup: string
  /** `run` (executed against an emulator), `typecheck` (type-checked only) or `skip`. */
  readonly mode: 'run' | 'typecheck' | 'skip'
  /** Why the block is not run (`typecheck` and `skip`), as the marker says. */
  readonly reason?: string
}

const sampleLanguages = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs'])

/** The markdown files whose samples are tested: the README and every guide, picked up automatically. */
export function sampleFiles(root: URL): string[] {
  const guides = readdirSync(new URL('docs/guides/', root))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/guides/${name}`)
  return ['README.md', ...guides]
}

/**
 * Extracts the code samples of a markdown text. Markers are HTML comments (invisible once rendered):
 * `<!-- sample: prelude … -->` sets code prepended to every later block of the file (until the next
 * prelude); `<!-- sample: setup … -->` directly before a block is prepended to that block only;
 * `<!-- sample: skip (reason) -->` and `<!-- sample: typecheck (reason) -->` directly before a block
 * exclude it from running (a reason is required).
 */
export function extractSamples(file: string, markdown: string): CodeSample[] {
  const lines = markdown.split('\n')
  const samples: CodeSample[] = []
  let prelude = ''
  let pending: { kind: string; body: string; line: number } | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const marker = /^<!--\s*sample:\s*(\w+)(.*)$/.exec(line.trim())
    if (marker) {
      const [kind = '', rest = ''] = marker.slice(1)
      const bodyLines = [rest]
      while (!bodyLines.at(-1)?.includes('-->')) {
        index += 1
        if (index >= lines.length) throw new Error(`${file}:${index}: unterminated sample marker`)
        bodyLines.push(lines[index] ?? '')
      }
      const body = bodyLines
        .join('\n')
        .replace(/-->\s*$/, '')
        .trim()
      if (kind === 'prelude') prelude = body
      else if (['setup', 'skip', 'typecheck'].includes(kind)) pending = { kind, body, line: index + 1 }
      else throw new Error(`${file}:${index + 1}: unknown sample marker "${kind}"`)
      continue
    }
    const fence = /^```(\w*)/.exec(line)
    if (!fence) {
      if (line.trim() !== '' && pending)
        throw new Error(`${file}:${pending.line}: marker not followed by a block`)
      continue
    }
    const start = index + 1
    const code: string[] = []
    for (index += 1; index < lines.length && !/^```\s*$/.test(lines[index] ?? ''); index++) {
      code.push(lines[index] ?? '')
    }
    const marked = pending
    pending = undefined
    if (!sampleLanguages.has(fence[1] ?? '')) {
      if (marked) throw new Error(`${file}:${marked.line}: a sample marker before a ${fence[1]} block`)
      continue
    }
    const mode = marked?.kind === 'skip' ? 'skip' : marked?.kind === 'typecheck' ? 'typecheck' : 'run'
    if (mode !== 'run' && !/^\(.+\)$/s.test(marked?.body ?? '')) {
      throw new Error(`${file}:${marked?.line}: "${marked?.kind}" needs a reason in parentheses`)
    }
    samples.push({
      file,
      line: start + 1,
      code: code.join('\n'),
      setup: [prelude, marked?.kind === 'setup' ? marked.body : ''].filter(Boolean).join('\n'),
      mode,
      ...(mode === 'run' ? {} : { reason: marked?.body.slice(1, -1) }),
    })
  }
  return samples
}

/** Reads and extracts the samples of the README and the guides. */
export function readSamples(root: URL): CodeSample[] {
  return sampleFiles(root).flatMap((file) => extractSamples(file, readFileSync(new URL(file, root), 'utf8')))
}

const namedImport = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+(['"])([^'"]+)\3\s*;?\s*$/gm

/**
 * The module a sample runs as: setup and block with their named imports merged (a prelude and a block
 * may import the same names), the block's lines last. `bodyStart` is the module's 1-based line of the
 * block's first line, for mapping errors back to the markdown.
 */
export function sampleModule(sample: CodeSample): { source: string; bodyStart: number } {
  const imports = new Map<string, Set<string>>()
  const strip = (code: string) =>
    code.replace(namedImport, (match, typeOnly: string | undefined, names: string, _quote, from: string) => {
      const set = imports.get(from) ?? new Set<string>()
      for (const name of names.split(',')) {
        const trimmed = name.trim().replace(/\s+/g, ' ')
        if (trimmed) set.add(typeOnly && !trimmed.startsWith('type ') ? `type ${trimmed}` : trimmed)
      }
      imports.set(from, set)
      return '\n'.repeat(match.split('\n').length - 1) // keeps the block's line numbers
    })
  const setup = strip(sample.setup)
  const body = strip(sample.code)
  const importLines = [...imports].map(([from, names]) => {
    // A name imported both as a type and as a value is imported as a value.
    const values = new Set([...names].filter((name) => !name.startsWith('type ')))
    const kept = [...names].filter((name) => !(name.startsWith('type ') && values.has(name.slice(5))))
    return `import { ${kept.join(', ')} } from '${from}'`
  })
  const head = [...importLines, setup, '// ---- the block ----']
  const headLines = head.join('\n').split('\n').length
  return { source: `${head.join('\n')}\n${body}\nexport {}\n`, bodyStart: headLines + 1 }
}
