import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { RequestAbortedError } from '../../src/index.js'
import { getObject } from '../../src/operations/objects/get-object.js'
import { withBodyAbort } from '../../src/transport/body-abort.js'

describe('withBodyAbort', () => {
  const descriptor = getObject.encode({ container: 'bigdata', path: 'big.bin', stream: true })
  const url = 'http://host:8081/bigdata/big.bin'

  it("keeps the call's transfer and adds the abort, whose error names the call", () => {
    const onDownloadProgress = () => undefined
    const controller = new AbortController()
    const transfer = withBodyAbort(
      descriptor,
      { streamResponse: true, onDownloadProgress },
      controller.signal,
      url,
    )
    expect(transfer).toMatchObject({ streamResponse: true, onDownloadProgress })
    const reason = new Error('closed')
    const error = transfer.bodyAbort?.error?.(reason)
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(error).toMatchObject({
      operation: 'GetObject',
      reason,
      cause: reason,
      message: 'GetObject GET http://host:8081/bigdata/big.bin was aborted',
    })
  })

  it("watches the caller's signal through the shared listener until told to stop", () => {
    const controller = new AbortController()
    const { bodyAbort } = withBodyAbort(descriptor, undefined, controller.signal, url)
    const reasons: unknown[] = []
    const stop = bodyAbort?.watch((reason) => reasons.push(reason))
    bodyAbort?.watch((reason) => reasons.push(`second ${String(reason)}`))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    stop?.()
    controller.abort('now')
    expect(reasons).toEqual(['second now'])
  })
})
