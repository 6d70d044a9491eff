import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // The npm package: ESM and CJS with declarations, for `v3io` and `v3io/emulator`.
    entry: {
      index: 'src/index.ts',
      'emulator/index': 'src/emulator/index.ts',
      'emulator/cli': 'src/emulator/cli.ts',
    },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', 'emulator/index': 'src/emulator/index.ts' } },
    target: 'es2022',
    platform: 'neutral',
    external: ['ky', 'fast-xml-parser', /^node:/],
    splitting: false,
    sourcemap: true,
    clean: true,
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
