/** Helpers of the stream wire tests: function calls over raw HTTP against an emulator with a manual clock. */

import { afterAll, beforeAll, expect } from 'vitest'
import {
  type ManualClock,
  manualClock,
  type RunningEmulator,
  startEmulator,
} from '../../../src/emulator/index.js'
import { uniquePath } from '../../support/emulator.js'
import { type RawAnswer, rawHttp } from '../../support/raw-http.js'

/** 2024-05-01T10:00:00.160186781Z, the arrival time of streams.md's GetRecords example. */
export const exchangeStart = 1714557600_160186781n

/** A started emulator and ways to call it. */
export interface StreamWire {
  readonly emulator: RunningEmulator
  readonly clock: ManualClock
  /** Sends `X-v3io-function: <name>`; objects are serialised, strings and bytes sent as they are. */
  call(name: string, target: string, body?: unknown, method?: string): Promise<RawAnswer>
  /** Sends a request without a function header. */
  http(method: string, target: string, body?: string): Promise<RawAnswer>
  /** Creates a fresh stream and returns its path (`/bigdata/<unique>`), without trailing slash. */
  stream(shardCount?: number, retentionPeriodHours?: number): Promise<string>
}

/** Starts an emulator (port 0, manual clock) for the tests of one file. */
export function useStreamWire(): StreamWire {
  let emulator: RunningEmulator | undefined
  const clock = manualClock(exchangeStart)
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, clock: clock.clock })
  })
  afterAll(async () => {
    await emulator?.close()
  })
  const started = (): RunningEmulator => {
    if (!emulator) throw new Error('the emulator starts in beforeAll')
    return emulator
  }
  const call = (name: string, target: string, body?: unknown, method = 'PUT') =>
    rawHttp(started().url, method, target, {
      headers: { 'X-v3io-function': name, 'Content-Type': 'application/json' },
      body:
        body === undefined || typeof body === 'string' || body instanceof Uint8Array
          ? body
          : JSON.stringify(body),
    })
  return {
    get emulator() {
      return started()
    },
    clock,
    call,
    http: (method, target, body) => rawHttp(started().url, method, target, { body }),
    async stream(shardCount = 1, retentionPeriodHours = 24) {
      const path = `/bigdata/${uniquePath('wire-stream')}`
      const answer = await call(
        'CreateStream',
        `${path}/`,
        { ShardCount: shardCount, RetentionPeriodHours: retentionPeriodHours },
        'POST',
      )
      expect(answer.status).toBe(204)
      return path
    },
  }
}

/** Expects a JSON error answer with exactly this status and body. */
export function expectError(
  answer: RawAnswer,
  status: number,
  errorCode: number,
  message: string | RegExp,
): void {
  expect(answer.status).toBe(status)
  expect(answer.headers['content-type']).toBe('application/json')
  const body = answer.json() as { ErrorCode: number; ErrorMessage: string }
  expect(body.ErrorCode).toBe(errorCode)
  if (typeof message === 'string') expect(body.ErrorMessage).toBe(message)
  else expect(body.ErrorMessage).toMatch(message)
}

/** ErrorCode of `InvalidArgumentException`. */
export const invalidArgumentCode = -201326592
