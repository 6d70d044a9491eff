/**
 * Removes the comments of the CommonJS bundles after the build (docs/decisions-package.md, PK-10). The
 * bundles are the SDK's second copy (the ESM modules keep theirs, one module per source file) and the
 * emulator's only copy; without comments they stay formatted, readable code. Comments are found by
 * parsing (acorn), so text in strings, templates and regular expressions is never touched; legal
 * comments (`/*!`, `@license`, `@preserve`) and annotations (`#__PURE__`, `#__NO_SIDE_EFFECTS__`) stay.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'acorn'

const kept = /^!|@license|@preserve|[#@]__(?:PURE|NO_SIDE_EFFECTS)__/
const isBlank = (code) => code === 0x20 || code === 0x09

/**
 * The text of a CommonJS file without its comments. A comment alone on its line(s) takes the line with
 * it; a comment after code takes the blanks before it.
 */
export function stripComments(text) {
  const ranges = []
  parse(text, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, body, start, end) => {
      // acorn reports a command's `#!` line as a comment too: it stays.
      const hashBang = start === 0 && text.startsWith('#!')
      if (!hashBang && !kept.test(body)) ranges.push([start, end])
    },
  })
  let out = ''
  let copied = 0
  for (let [start, end] of ranges) {
    while (start > copied && isBlank(text.charCodeAt(start - 1))) start--
    let after = end
    while (after < text.length && isBlank(text.charCodeAt(after))) after++
    const ownLine = (start === 0 || text.charCodeAt(start - 1) === 0x0a) && text.charCodeAt(after) === 0x0a
    if (ownLine) end = after + 1
    out += text.slice(copied, start)
    copied = end
  }
  return out + text.slice(copied)
}

/** Strips the comments of every `.cjs` file (not declarations) directly in `directory`. */
export async function stripBundleComments(directory) {
  for (const name of await readdir(directory)) {
    if (!name.endsWith('.cjs') || name.endsWith('.d.cts')) continue
    const path = join(directory, name)
    await writeFile(path, stripComments(await readFile(path, 'utf8')))
  }
}
