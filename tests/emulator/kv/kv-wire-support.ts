/** Helpers of the KV wire tests: one function call over raw HTTP, and emulators with a manual clock. */

import { afterAll, beforeAll } from 'vitest'
import type { EmulatorOptions } from '../../../src/emulator/index.js'
import {
  type ManualClock,
  manualClock,
  type RunningEmulator,
  startEmulator,
} from '../../../src/emulator/index.js'
import { type RawAnswer, rawHttp } from '../../support/raw-http.js'

/** 2024-05-01T10:00:00.123456789Z, the instant of kv.md's first exchange. */
export const exchangeStart = 1714557600_123456789n

/** A started emulator with a manual clock, and a way to call KV functions on it. */
export interface KvFixture {
  readonly emulator: RunningEmulator
  readonly clock: ManualClock
  /** Sends `X-v3io-function: <name>` with a JSON body (objects are serialised; strings sent as is). */
  call(name: string, target: string, body?: unknown, method?: string): Promise<RawAnswer>
  /** Sends a request without a function header. */
  http(method: string, target: string, body?: string): Promise<RawAnswer>
}

/** Starts an emulator (port 0, manual clock) for the tests of one file. */
export function useKvEmulator(options: EmulatorOptions = {}): KvFixture {
  let emulator: RunningEmulator | undefined
  const clock = manualClock(exchangeStart)
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, clock: clock.clock, ...options })
  })
  afterAll(async () => {
    await emulator?.close()
  })
  const started = (): RunningEmulator => {
    if (!emulator) throw new Error('the emulator starts in beforeAll')
    return emulator
  }
  return {
    get emulator() {
      return started()
    },
    clock,
    call: (name, target, body, method = 'PUT') =>
      rawHttp(started().url, method, target, {
        headers: { 'X-v3io-function': name, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    http: (method, target, body) => rawHttp(started().url, method, target, { body }),
  }
}

/** The header value as received (names are matched case-insensitively by Node). */
export function header(answer: RawAnswer, name: string): string | undefined {
  const value = answer.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The verifier text of an mtime in nanoseconds. */
export function verifierOf(mtime: bigint): string {
  return `__mtime_secs==${mtime / 1_000_000_000n} and __mtime_nsecs==${mtime % 1_000_000_000n}`
}

/** The ED-38 marker for a position, built independently of the emulator's code. */
export function markerOf(fp: string, slice: number, name: string): string {
  return Buffer.from(JSON.stringify({ v: 1, fp, slice, name })).toString('base64')
}

/** Follows a GetItems scan to its end and returns every item of every page. */
export async function scanItems(
  kv: KvFixture,
  directory: string,
  body: Record<string, unknown> = {},
): Promise<Array<Record<string, Record<string, unknown>>>> {
  const items: Array<Record<string, Record<string, unknown>>> = []
  let marker: string | undefined
  for (let page = 0; page < 10_000; page++) {
    const answer = await kv.call('GetItems', directory, marker ? { ...body, Marker: marker } : body)
    if (answer.status !== 200) throw new Error(`GetItems answered ${answer.status}: ${answer.text}`)
    const json = answer.json() as { LastItemIncluded: string; NextMarker?: string; Items: typeof items }
    items.push(...json.Items)
    if (json.LastItemIncluded === 'TRUE') return items
    marker = json.NextMarker
  }
  throw new Error('the scan did not end')
}
