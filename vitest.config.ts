import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**'],
    // The tests run in Node, whose entry (src/index.node.ts) installs the response decoders at startup.
    setupFiles: ['tests/support/node-entry.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
