import { afterAll, beforeAll } from 'vitest'
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client, type ClientOptions } from '../../src/index.js'

/** The access key test clients send; the emulator accepts any unless started with keys. */
export const testAccessKey = 'e8bd4ca2-537b-4175-bf01-8c74963e90bf'

/** An emulator on a free port for one test file, and a client talking to it over HTTP. */
export interface EmulatorFixture {
  readonly emulator: RunningEmulator
  readonly client: Client
  /** Another client of the same emulator, with other options. */
  newClient(options?: ClientOptions): Client
}

/** Starts an emulator before the file's tests and stops it after them. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  let emulator: RunningEmulator | undefined
  let client: Client | undefined
  const newClient = (clientOptions: ClientOptions = {}) =>
    new Client({ endpoint: started().url, accessKey: testAccessKey, ...clientOptions })
  const started = () => {
    if (!emulator) throw new Error('the emulator starts in beforeAll')
    return emulator
  }
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options })
    client = newClient()
  })
  afterAll(async () => {
    await emulator?.close()
  })
  return {
    get emulator() {
      return started()
    },
    get client() {
      if (!client) throw new Error('the client is created in beforeAll')
      return client
    },
    newClient,
  }
}

let counter = 0

/** A path no other test uses, so tests sharing an emulator do not interfere. */
export function uniquePath(prefix: string): string {
  counter += 1
  return `${prefix}-${process.pid}-${counter}`
}
