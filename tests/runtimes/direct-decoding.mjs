// Run under Node, Deno and Bun by tests/build/runtime-decoding.test.ts, with the built entry to import as
// the last argument (`require:v3io` requires it): these runtimes' entries install the response decoders
// at startup, so an operation's `decode`, `decodeItem` and `parseTransactionVerifier` work at once,
// without `prepare()`. Prints one JSON line.
import { createRequire } from 'node:module'

const entry = process.argv.at(-1)
const v3io = entry.startsWith('require:')
  ? createRequire(import.meta.url)(entry.slice('require:'.length))
  : await import(entry)
const headers = new Headers({
  'X-v3io-transaction-verifier': '__mtime_secs==1700000000 and __mtime_nsecs==5',
})
const body = new TextEncoder().encode('{"Item":{"big":{"N":"12345678901234567890"},"name":{"S":"louise"}}}')
const descriptor = v3io.getItem.encode({ container: 'users', path: '/bobs-burgers/louise' })
const { item, verifier } = v3io.getItem.decode({ status: 200, headers, body }, descriptor)
console.log(
  JSON.stringify({
    big: typeof item.big === 'bigint' ? `${item.big}n` : item.big,
    name: item.name,
    condition: verifier.condition,
    decodeItem: v3io.decodeItem({ age: { N: '12' } }).age,
    verifierSeconds: v3io.parseTransactionVerifier(headers).mtime.seconds,
  }),
)
