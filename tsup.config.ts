import type { Plugin } from 'esbuild'
import { defineConfig, type Options } from 'tsup'

// Entry points with declarations (the emulator's command has none). Node's `v3io` entry (index.node)
// shares index.d.ts: its Client differs only in its default transport.
const declarations = {
  index: 'src/index.ts',
  'emulator/index': 'src/emulator/index.ts',
  'node/index': 'src/node/index.ts',
}

const shared: Options = {
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
}

// The modules the SDK imports on demand → the CDN file that holds each (name, source).
const cdnChunkFiles: Record<string, [string, string]> = {
  'xml-parser.js': ['v3io.xml-parser', 'src/core/xml-parser.ts'],
  ky: ['v3io.ky', 'node_modules/ky/distribution/index.js'],
  'fetch-transfer.js': ['v3io.fetch-transfer', 'src/transport/fetch-transfer.ts'],
  'request-log.js': ['v3io.request-log', 'src/transport/request-log.ts'],
}

const cdnChunks: Plugin = {
  name: 'v3io-cdn-chunks',
  setup(build) {
    build.onResolve({ filter: /(?:xml-parser\.js|fetch-transfer\.js|request-log\.js|^ky)$/ }, (args) => {
      const chunk = cdnChunkFiles[args.path.split('/').pop() ?? '']
      if (args.kind !== 'dynamic-import' || !chunk) return undefined
      return { path: `./${chunk[0]}.js`, external: true }
    })
  },
}

const browserBundle: Options = {
  target: 'es2020',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  noExternal: [/.*/],
  outExtension: () => ({ js: '.js' }),
}

export default defineConfig([
  {
    // The npm package for `import`: one ESM module per source module, so that bundlers drop every module
    // an app does not reach (`sideEffects: false`), and the lazily imported ones (ky, the XML parser)
    // become chunks of their own. Dependencies are left to the user's resolver.
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.d.ts', '!src/cdn.ts'],
    bundle: false,
    format: ['esm'],
    dts: { entry: declarations },
  },
  {
    // The npm package for `require`: one file per entry point; ky is ESM-only, so it carries its own copy.
    ...shared,
    entry: {
      index: 'src/index.ts',
      'index.node': 'src/index.node.ts',
      'index.fetch': 'src/index.fetch.ts',
      'emulator/index': 'src/emulator/index.ts',
      'emulator/cli': 'src/emulator/cli.ts',
      'node/index': 'src/node/index.ts',
    },
    splitting: false,
    format: ['cjs'],
    dts: { entry: declarations },
    external: [/^fast-xml-parser/, /^node:/],
    noExternal: ['ky'],
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
    ...browserBundle,
  },
])
