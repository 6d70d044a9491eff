import { beforeAll, describe, expect, it } from 'vitest'
import { ValidationError } from '../../../../src/index.js'
import { loadReadingEngine } from '../../../../src/operations/reading-engine-loader.js'
import { resolveGroupOptions } from '../../../../src/operations/streams/consumer-group/group-options.js'
import {
  committedAttribute,
  shardItemPath,
  stateItemPath,
} from '../../../../src/operations/streams/consumer-group/group-paths.js'
import { newMemberId } from '../../../../src/operations/streams/consumer-group/member-id.js'

// member-id.ts belongs to the reading engine: its SDK values are handed over when the engine loads.
beforeAll(() => loadReadingEngine())

const base = { container: 'bigdata', path: '/my-stream/', name: 'analytics', maxReplicas: 2 }

describe('consumer-group options', () => {
  it("fills in the Go SDK's defaults and derives the Go paths and attribute", () => {
    const options = resolveGroupOptions(base)
    expect(options).toMatchObject({
      streamPath: 'my-stream',
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      commitInterval: 10_000,
      initialLocation: 'EARLIEST',
      pollInterval: 250,
      recordsPerFetch: 10,
      shardWaitInterval: 1_000,
      stateRetries: 100,
      bufferedBatches: 100,
    })
    expect(stateItemPath(options)).toBe('my-stream/analytics-state.json')
    expect(shardItemPath(options, 3)).toBe('my-stream/3')
    expect(committedAttribute(options)).toBe('__analytics_committed_sequence_number')
  })

  it('names the bad option', () => {
    const bad = (options: object, parameter: string) => {
      const attempt = () => resolveGroupOptions({ ...base, ...options } as typeof base)
      expect(attempt).toThrow(ValidationError)
      expect(attempt).toThrow(expect.objectContaining({ parameter }))
    }
    bad({ name: 'has-hyphen' }, 'name')
    bad({ name: '' }, 'name')
    bad({ name: 'x'.repeat(228) }, 'name')
    bad({ maxReplicas: undefined }, 'maxReplicas')
    bad({ maxReplicas: 1.5 }, 'maxReplicas')
    bad({ sessionTimeout: -1 }, 'sessionTimeout')
    bad({ sessionTimeout: 1000, heartbeatInterval: 1000 }, 'heartbeatInterval')
    bad({ initialLocation: 'SEQUENCE' }, 'initialLocation')
    bad({ recordsPerFetch: 0 }, 'recordsPerFetch')
    bad({ container: '' }, 'container')
    bad({ path: '' }, 'path')
    bad({ onError: 'log' }, 'onError')
  })

  it('forms member ids as Go does: the name, a dash and 20 characters over 0-9a-v, unique', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newMemberId('worker-a')))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(id).toMatch(/^worker-a-[0-9a-v]{20}$/)
    expect(() => newMemberId('')).toThrow(expect.objectContaining({ parameter: 'memberName' }))
  })
})
