import { describe, expect, it } from 'vitest'
import { StateFormatError } from '../../../../src/operations/streams/consumer-group/errors.js'
import {
  emptyGroupState,
  formatGroupState,
  parseGroupState,
  parseRfc3339,
} from '../../../../src/operations/streams/consumer-group/group-state.js'
import { formatRfc3339 } from '../../../../src/operations/streams/consumer-group/heartbeat.js'

// The example of the protocol contract (streams.md, consumer groups, persistent state), as the Go SDK writes it.
const goExample =
  '{"schema_version":"0.0.1","session_states":[{"member_id":"worker-a-cn2p3k8vqc4gr0a6c5fg","last_heartbeat_time":"2024-05-01T10:00:03.123456789Z","shards":[0,1]},{"member_id":"worker-b-cn2p3kovqc4gr0a6c5g0","last_heartbeat_time":"2024-05-01T12:00:02.5+02:00","shards":[2,3]}]}'

describe('consumer-group state codec', () => {
  it('parses the Go SDK state and writes it back byte for byte', () => {
    const state = parseGroupState(goExample)
    expect(state).toEqual({
      schemaVersion: '0.0.1',
      sessions: [
        {
          memberId: 'worker-a-cn2p3k8vqc4gr0a6c5fg',
          lastHeartbeatTime: '2024-05-01T10:00:03.123456789Z',
          shards: [0, 1],
        },
        {
          memberId: 'worker-b-cn2p3kovqc4gr0a6c5g0',
          lastHeartbeatTime: '2024-05-01T12:00:02.5+02:00',
          shards: [2, 3],
        },
      ],
    })
    expect(formatGroupState(state)).toBe(goExample)
  })

  it('reads null lists as empty and writes [] for them', () => {
    const state = parseGroupState(
      '{"schema_version":"0.0.1","session_states":[{"member_id":"m-1","last_heartbeat_time":"2024-05-01T10:00:03Z","shards":null}]}',
    )
    expect(state.sessions[0]?.shards).toEqual([])
    expect(parseGroupState('{"schema_version":"0.0.1","session_states":null}').sessions).toEqual([])
    expect(formatGroupState(state)).toBe(
      '{"schema_version":"0.0.1","session_states":[{"member_id":"m-1","last_heartbeat_time":"2024-05-01T10:00:03Z","shards":[]}]}',
    )
    expect(formatGroupState(emptyGroupState())).toBe('{"schema_version":"0.0.1","session_states":[]}')
  })

  it('escapes strings as Go does (<, >, & and line separators as \\u escapes)', () => {
    const text = formatGroupState({
      schemaVersion: '0.0.1',
      sessions: [{ memberId: 'a<b>&"c"\u2028', lastHeartbeatTime: '2024-05-01T10:00:03Z', shards: [] }],
    })
    expect(text).toContain('"member_id":"a\\u003cb\\u003e\\u0026\\"c\\"\\u2028"')
    expect(parseGroupState(text).sessions[0]?.memberId).toBe('a<b>&"c"\u2028')
  })

  it('refuses what is not the Go state, naming the field', () => {
    const bad = (text: string, message: RegExp) => {
      expect(() => parseGroupState(text)).toThrow(StateFormatError)
      expect(() => parseGroupState(text)).toThrow(message)
    }
    bad('not json', /not JSON/)
    bad('[]', /not a JSON object/)
    bad('{"session_states":{}}', /session_states is not a list/)
    bad('{"session_states":[{"last_heartbeat_time":"2024-05-01T10:00:03Z"}]}', /member_id/)
    bad('{"session_states":[{"member_id":"m","last_heartbeat_time":"yesterday"}]}', /last_heartbeat_time/)
    bad(
      '{"session_states":[{"member_id":"m","last_heartbeat_time":"2024-05-01T10:00:03Z","shards":[-1]}]}',
      /shards/,
    )
  })

  it('reads RFC 3339 times with any offset and up to 9 fractional digits', () => {
    const utc = Date.UTC(2024, 4, 1, 10, 0, 3, 123)
    expect(parseRfc3339('2024-05-01T10:00:03.123456789Z')).toBe(utc)
    expect(parseRfc3339('2024-05-01T12:00:03.123+02:00')).toBe(utc)
    expect(parseRfc3339('2024-05-01T05:30:03.1239-04:30')).toBe(utc)
    expect(parseRfc3339('2024-05-01T10:00:03Z')).toBe(utc - 123)
    expect(parseRfc3339('2024-05-01 10:00:03Z')).toBeNaN()
    expect(parseRfc3339('2024-05-01T10:00:03.1234567891Z')).toBeNaN()
  })

  it('writes times as Go RFC3339Nano in UTC: trailing zeros of the fraction dropped', () => {
    expect(formatRfc3339(Date.UTC(2024, 4, 1, 10, 0, 3, 120))).toBe('2024-05-01T10:00:03.12Z')
    expect(formatRfc3339(Date.UTC(2024, 4, 1, 10, 0, 3, 0))).toBe('2024-05-01T10:00:03Z')
    expect(formatRfc3339(Date.UTC(2024, 4, 1, 10, 0, 3, 7))).toBe('2024-05-01T10:00:03.007Z')
    const now = Date.now()
    expect(parseRfc3339(formatRfc3339(now))).toBe(now)
  })
})
