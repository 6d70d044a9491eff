import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The dual-package hazard: one Node process loads v3io through `require` (the CommonJS build) and through
// `import` (the ESM build), as an app does when one of its dependencies is CommonJS. Each copy raises real
// errors against the emulator and checks the other copy's errors and responses with its own classes.
const root = new URL('../../', import.meta.url)
const built = existsSync(new URL('dist/index.js', root))

const script = `
import { createRequire } from 'node:module'
import * as esm from 'v3io'
import { startEmulator } from 'v3io/emulator'
const cjs = createRequire(import.meta.url)('v3io')

const emulator = await startEmulator({ port: 0 })
const failures = async (sdk) => {
  const client = new sdk.Client({ endpoint: emulator.url, accessKey: 'dual-package-key' })
  const missing = await client.getItem({ container: 'users', path: '/none/k' }).catch((e) => e)
  const invalid = await client.putObject({ container: 'users', path: '', body: 'x' }).catch((e) => e)
  const response = await client.getObject({ container: 'users', path: '/none', raiseForStatus: 'never' })
  const refused = await new sdk.Client({ endpoint: 'http://127.0.0.1:1', accessKey: 'k', timeout: 5000 })
    .getContainers().catch((e) => e)
  return { missing, invalid, response, refused }
}
const check = (sdk, raised) => ({
  sameClass: raised.missing.constructor === sdk.HttpResponseError,
  httpResponseError: raised.missing instanceof sdk.HttpResponseError,
  v3ioError: [raised.missing, raised.invalid, raised.refused].every((e) => e instanceof sdk.V3ioError),
  validationError: raised.invalid instanceof sdk.ValidationError && raised.invalid.parameter,
  networkError: raised.refused instanceof sdk.NetworkError,
  notOtherClasses: raised.missing instanceof sdk.ValidationError || raised.invalid instanceof sdk.NetworkError,
  notFoundError: sdk.isNotFound(raised.missing),
  notFoundResponse: sdk.isNotFound(raised.response),
  streamNotFound: sdk.isStreamNotFoundError(raised.missing),
})
try {
  const fromCjs = await failures(cjs)
  const fromEsm = await failures(esm)
  console.log(JSON.stringify({
    copies: cjs.HttpResponseError !== esm.HttpResponseError,
    esmChecksCjs: check(esm, fromCjs),
    cjsChecksEsm: check(cjs, fromEsm),
  }))
} finally {
  await emulator.close()
}
`

describe.runIf(built)('one process with both builds of the package', () => {
  it('recognises the errors and responses of either build with the other build’s classes and predicates', () => {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    })
    const result = JSON.parse(output)
    // Distinct classes (so a plain instanceof would say false), recognised all the same.
    const across = {
      sameClass: false,
      httpResponseError: true,
      v3ioError: true,
      validationError: 'path',
      networkError: true,
      notOtherClasses: false,
      notFoundError: true,
      notFoundResponse: true,
      streamNotFound: true,
    }
    expect(result).toEqual({ copies: true, esmChecksCjs: across, cjsChecksEsm: across })
  }, 60_000)
})
