import { defineConfig, type Options } from 'tsup'

// Entry points with declarations (the emulator's command has none).
const declarations = {
  index: 'src/index.ts',
  'emulator/index': 'src/emulator/index.ts',
  'node/index': 'src/node/index.ts',
}

const library: Options = {
  entry: {
    index: 'src/index.ts',
    'emulator/index': 'src/emulator/index.ts',
    'emulator/cli': 'src/emulator/cli.ts',
    'node/index': 'src/node/index.ts',
  },
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
  sourcemap: true,
}

export default defineConfig([
  {
    // The npm package for `import`: ESM with declarations, dependencies left to the user's resolver.
    ...library,
    format: ['esm'],
    dts: { entry: declarations },
    external: ['ky', 'fast-xml-parser', /^node:/],
  },
  {
    // The npm package for `require`: ky is ESM-only, so the CJS build carries its own copy.
    ...library,
    format: ['cjs'],
    dts: { entry: declarations },
    external: ['fast-xml-parser', /^node:/],
    noExternal: ['ky'],
  },
  {
    // The CDN build: one minified IIFE defining the global `v3io`, dependencies bundled.
    entry: { 'v3io.global': 'src/cdn.ts' },
    format: ['iife'],
    target: 'es2020',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    noExternal: [/.*/],
    outExtension: () => ({ js: '.js' }),
  },
])
