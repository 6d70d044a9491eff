/**
 * The SDK's version, the same as package.json's `version` (a test keeps the two equal; `npm version`
 * must be followed by updating this line, which that test enforces). A plain constant rather than a
 * build-time `define`, so that the sources run unbuilt (vitest, tsx, Deno) with the same value.
 */
export const sdkVersion = '0.1.0'

/** The name of the header that identifies the SDK on every request. */
export const clientHeader = 'X-v3io-client'

/** The value of {@link clientHeader}: `v3io-js/<version>`. */
export const clientHeaderValue = `v3io-js/${sdkVersion}`
