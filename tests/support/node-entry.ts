// Unit tests call operations' `decode` (and `decodeItem`, `parseTransactionVerifier`) directly, as Node
// apps may: Node's entry installs the response decoders when it loads, which browsers load on demand
// (tests/operations/response-decoding.test.ts covers that path with a fresh module registry).
import '../../src/index.node.js'
