import type { ResponseDecodingDependencies } from './response-decoding-loader.js'

// The values that the response decoders (response-decoding.ts and the modules only it imports, loaded on
// demand in browsers) use from the rest of the SDK. They are handed over by response-decoding-loader.ts
// rather than imported: esbuild puts every module that both the startup code and an on-demand chunk
// import into a chunk loaded at startup, whole (docs/bundle-size.md), and the CDN's sibling file
// `v3io.response-decoding.js` would hold a second copy of each class (breaking `instanceof`). These
// bindings are live: set once, before any decoder runs.

export let decodeError: ResponseDecodingDependencies['decodeError']
export let describeValue: ResponseDecodingDependencies['describeValue']
export let integerText: ResponseDecodingDependencies['integerText']
export let requireField: ResponseDecodingDependencies['requireField']
export let safeIntegerText: ResponseDecodingDependencies['safeIntegerText']
export let decodeUtf8: ResponseDecodingDependencies['decodeUtf8']
/* biome-ignore-start lint/style/useNamingConvention: the bindings keep the names of the classes they hold. */
export let AttributeDecodingError: ResponseDecodingDependencies['AttributeDecodingError']
export let TypedAttribute: ResponseDecodingDependencies['TypedAttribute']
export let UnknownAttributeValue: ResponseDecodingDependencies['UnknownAttributeValue']
export let Timestamp: ResponseDecodingDependencies['Timestamp']
/* biome-ignore-end lint/style/useNamingConvention: see above. */
export let int64Min: ResponseDecodingDependencies['int64Min']
export let int64Max: ResponseDecodingDependencies['int64Max']
export let transactionVerifierHeader: ResponseDecodingDependencies['transactionVerifierHeader']

/** Sets the bindings above; called by the loader before any decoder runs. */
export function provideDependencies(values: ResponseDecodingDependencies): void {
  ;({
    decodeError,
    describeValue,
    integerText,
    requireField,
    safeIntegerText,
    decodeUtf8,
    AttributeDecodingError,
    TypedAttribute,
    UnknownAttributeValue,
    Timestamp,
    int64Min,
    int64Max,
    transactionVerifierHeader,
  } = values)
}
