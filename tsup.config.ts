import { defineConfig, type Options } from 'tsup'

const library: Options = {
  entry: {
    index: 'src/index.ts',
    'emulator/index': 'src/emulator/index.ts',
    'emulator/cli': 'src/emulator/cli.ts',
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
    dts: { entry: { index: 'src/index.ts', 'emulator/index': 'src/emulator/index.ts' } },
    external: ['ky', 'fast-xml-parser', /^node:/],
  },
  {
    // The npm package for `require`: ky is ESM-only, so the CJS build carries its own copy.
    ...library,
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', 'emulator/index': 'src/emulator/index.ts' } },
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
