import { mkdir, writeFile } from 'node:fs/promises'
import type { Plugin } from 'esbuild'
import { defineConfig, type Options } from 'tsup'
import { stripBundleComments } from './scripts/strip-bundle-comments.mjs'

// Entry points with declarations (the emulator's command has none). Node's `v3io` entry (index.node)
// shares index.d.ts: its Client differs only in its default transport.
const declarations = {
  index: 'src/index.ts',
  'emulator/index': 'src/emulator/index.ts',
  'node/index': 'src/node/index.ts',
}

// The declarations are bundled once, as `.d.cts` beside the CommonJS build; each `.d.ts` re-exports its
// twin. An ESM declaration file may re-export a CommonJS one (TypeScript allows an `import` of CommonJS),
// the reverse is an error for `module: node16` consumers (TS1479) (docs/decisions-package.md, PK-6).
// The emulator's ESM entry re-exports its CommonJS bundle the same way: one copy of the emulator (PK-7).
async function writeEsmTwins(): Promise<void> {
  const twins: Record<string, string> = {
    'dist/index.d.ts': "export * from './index.cjs'\n",
    'dist/node/index.d.ts': "export * from './index.cjs'\n",
    'dist/emulator/index.d.ts': "export * from './index.cjs'\n",
    'dist/emulator/index.js': "export * from './index.cjs'\n",
  }
  for (const [path, text] of Object.entries(twins)) {
    await mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true })
    await writeFile(path, text)
  }
}

// No source maps: the npm files are 1:1 readable JavaScript (ESM) or unminified bundles (CJS), and maps were
// 69% of the tarball (docs/decisions-package.md).
const shared: Options = {
  target: 'es2022',
  platform: 'neutral',
  sourcemap: false,
}

// The modules the SDK imports on demand → the CDN file that holds each (name, source). Each imports
// nothing that the script itself holds (a copy would be a second class for `instanceof`).
const cdnChunkFiles: Record<string, [string, string]> = {
  'listing-xml.js': ['v3io.xml-parser', 'src/operations/objects/listing-xml.ts'],
  ky: ['v3io.ky', 'node_modules/ky/distribution/index.js'],
  'reading-engine.js': ['v3io.reading-engine', 'src/operations/reading-engine.ts'],
  'response-decoding.js': ['v3io.response-decoding', 'src/operations/response-decoding.ts'],
  'fetch-transfer.js': ['v3io.fetch-transfer', 'src/transport/fetch-transfer.ts'],
  'request-log.js': ['v3io.request-log', 'src/transport/request-log.ts'],
  'attempt-hooks.js': ['v3io.attempt-hooks', 'src/transport/attempt-hooks.ts'],
}

const cdnChunks: Plugin = {
  name: 'v3io-cdn-chunks',
  setup(build) {
    build.onResolve(
      {
        filter:
          /(?:listing-xml\.js|reading-engine\.js|response-decoding\.js|fetch-transfer\.js|request-log\.js|attempt-hooks\.js|^ky)$/,
      },
      (args) => {
        const chunk = cdnChunkFiles[args.path.split('/').pop() ?? '']
        if (args.kind !== 'dynamic-import' || !chunk) return undefined
        return { path: `./${chunk[0]}.js`, external: true }
      },
    )
  },
}

// The CDN files' syntax is ES2022 (Chrome 94, Firefox 93, Safari 16.4: the SDK's regular expressions
// already need Safari 16.4's lookbehind); lowering class fields and private members to ES2020 cost
// 1.5 KB gzipped of WeakMap helpers (docs/decisions-browser.md).
const browserBundle: Options = {
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: false,
  noExternal: [/.*/],
  outExtension: () => ({ js: '.js' }),
}

export default defineConfig([
  {
    // The npm package for `import`: one ESM module per source module, so that bundlers drop every module
    // an app does not reach (`sideEffects: false`), and the lazily imported ones (ky, the XML parser)
    // become chunks of their own. Dependencies are left to the user's resolver.
    // The emulator is Node-only and has its one copy in the CommonJS build below.
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.d.ts', '!src/cdn.ts', '!src/emulator/**'],
    bundle: false,
    format: ['esm'],
    onSuccess: writeEsmTwins,
  },
  {
    // The npm package for `require`: the entry points share their modules through chunks (one copy of the
    // SDK for index, index.node, index.fetch, node and emulator); ky is ESM-only, so it carries its own copy.
    // The `v3io-emulator` command is the ESM build's dist/emulator/cli.js: no CJS copy of it.
    ...shared,
    entry: {
      index: 'src/index.ts',
      'index.node': 'src/index.node.ts',
      'index.fetch': 'src/index.fetch.ts',
      'node/index': 'src/node/index.ts',
    },
    splitting: true,
    format: ['cjs'],
    dts: { entry: { index: declarations.index, 'node/index': declarations['node/index'] } },
    external: [/^fast-xml-parser/, /^node:/],
    noExternal: ['ky'],
    // The response decoders, which the Node, Deno and Bun entries install at startup, join the chunk of
    // the SDK that every entry shares: split off for index.cjs alone (the one entry that loads them on
    // demand), they made four more chunks and 5 kB more code (docs/decisions-package.md).
    esbuildOptions(options) {
      options.inject = ['src/operations/response-decoding.ts']
    },
    // The bundles keep their code as written but lose their comments (PK-10): the ESM modules keep theirs.
    onSuccess: async () => {
      await stripBundleComments('dist')
      await stripBundleComments('dist/node')
    },
  },
  {
    // The emulator's only copy, for `require('v3io/emulator')`, for `import` (dist/emulator/index.js
    // re-exports it: Node imports CommonJS everywhere, while `require` of ESM would shut out test runners
    // that have no require(esm)) and for the `v3io-emulator` command (cli.cjs). It shares no module with
    // the SDK; the two entries share one chunk.
    ...shared,
    entry: { 'emulator/index': declarations['emulator/index'], 'emulator/cli': 'src/emulator/cli.ts' },
    splitting: true,
    // CommonJS chunks keep `import.meta.url` as written (a syntax error there): tsup's shim defines it.
    shims: true,
    // The shared chunk stays in dist/emulator/, where the emulator finds the console (console-page.ts).
    esbuildOptions(options) {
      options.chunkNames = 'emulator/[name]-[hash]'
    },
    format: ['cjs'],
    onSuccess: () => stripBundleComments('dist/emulator'),
    dts: { entry: { 'emulator/index': declarations['emulator/index'] } },
    external: [/^fast-xml-parser/, /^node:/],
  },
  {
    // The CDN build: one minified IIFE defining the global `v3io`. What the SDK imports on demand (ky, the
    // XML parser) stays out of it, in the ESM files below: a classic script resolves `import()` against
    // its own URL, so the browser fetches them from beside v3io.global.js when first needed.
    entry: { 'v3io.global': 'src/cdn.ts' },
    format: ['iife'],
    esbuildPlugins: [cdnChunks],
    ...browserBundle,
  },
  {
    entry: Object.fromEntries(Object.entries(cdnChunkFiles).map(([, [name, source]]) => [name, source])),
    format: ['esm'],
    splitting: false,
    // attempt-hooks.js loads request-log.js on demand: it stays a file of its own.
    esbuildPlugins: [cdnChunks],
    ...browserBundle,
  },
])
