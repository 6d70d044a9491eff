import { describe, expect, it } from 'vitest'
import { stripComments } from '../../scripts/strip-bundle-comments.mjs'

describe('stripComments (the CommonJS bundles)', () => {
  it('removes comments, never text that looks like one, and keeps legal comments and annotations', () => {
    const source = [
      '"use strict";',
      '// alone on its line',
      'const url = "http://host//path"; // after code',
      '  /* a block',
      '     over two lines */',
      'const pattern = /\\/\\/ not a comment/;',
      'const template = `',
      '// inside a template',
      '`;',
      'const made = /* @__PURE__ */ make();',
      '/*! legal notice */',
      'first(); /* between */ second();',
      '',
      'last();',
    ].join('\n')
    expect(stripComments(source)).toBe(
      [
        '"use strict";',
        'const url = "http://host//path";',
        'const pattern = /\\/\\/ not a comment/;',
        'const template = `',
        '// inside a template',
        '`;',
        'const made = /* @__PURE__ */ make();',
        '/*! legal notice */',
        'first(); second();',
        '',
        'last();',
      ].join('\n'),
    )
  })

  it("keeps a command's #! line", () => {
    expect(stripComments('#!/usr/bin/env node\n// note\nrun();\n')).toBe('#!/usr/bin/env node\nrun();\n')
  })

  it('leaves code that has no comments as it is', () => {
    const source = 'const a = 1;\n\nmodule.exports = { a };\n'
    expect(stripComments(source)).toBe(source)
  })
})
