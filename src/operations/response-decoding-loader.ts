import { decodeError, describeValue, integerText, requireField, safeIntegerText } from '../core/decode.js'
import { V3ioError } from '../core/errors.js'
import { decodeUtf8 } from '../core/utf8.js'
import { AttributeDecodingError } from './kv/attribute-decoding.js'
import { TypedAttribute, UnknownAttributeValue } from './kv/attribute-values.js'
import { int64Max, int64Min } from './kv/number-text.js'
import { Timestamp } from './kv/timestamp.js'
import { transactionVerifierHeader } from './kv/transaction-verifier.js'

// What the response decoders use from the rest of the SDK, handed to them when they are installed rather
// than imported by them (response-decoding-dependencies.ts says why). Built at installation:
// attribute-decoding.ts imports this module, which imports its error class (an import cycle, harmless as
// long as nothing reads the class while the modules load).
const dependencies = () => ({
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
})

/** The SDK's values that the response decoders use (response-decoding-dependencies.ts). */
export type ResponseDecodingDependencies = ReturnType<typeof dependencies>

/** The response decoders: lossless JSON, typed values, stream records and the answers built from them. */
export type ResponseDecoding = typeof import('./response-decoding.js')

let installed: ResponseDecoding | undefined
let loading: Promise<void> | undefined

/**
 * Installs the response decoders, handing them the SDK values they use. The Node, Deno and Bun entries
 * call it at startup with the statically imported module, so `decode` works there without `prepare()`.
 */
export function installResponseDecoding(decoding: ResponseDecoding): void {
  decoding.provideDependencies(dependencies())
  installed = decoding
}

/**
 * The `prepare` of the operations that decode JSON answers, typed values or the transaction verifier:
 * loads the response decoders once (a chunk of their own in browser bundles, `v3io.response-decoding.js`
 * beside the CDN script), as `loadXmlParser` loads the XML parser for the listings. `undefined` once they
 * are installed, so that a client awaits nothing more on later calls; a failed load (a lost chunk) is
 * retried by the next call.
 */
export function loadResponseDecoding(): Promise<void> | undefined {
  if (installed) return undefined
  loading ??= import('./response-decoding.js').then(installResponseDecoding, (error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/**
 * The installed response decoders. Before they are loaded (only in browsers, where they load on demand)
 * this throws a `V3ioError`: code that calls an operation's `decode` itself awaits its `prepare()` first.
 */
export function responseDecoding(): ResponseDecoding {
  if (installed) return installed
  throw new V3ioError(
    'response decoders not loaded: await operation.prepare?.() before calling decode yourself',
  )
}
