import { StateFormatError } from './errors.js'

/** The schema version the Go SDK writes and expects in a group's state. */
export const stateSchemaVersion = '0.0.1'

/** One member's session in a group's state (the Go SDK's `SessionState`). */
export interface SessionState {
  /** `<member name>-<unique suffix>`. */
  memberId: string
  /**
   * The member's last heartbeat, RFC 3339 text exactly as stored: other members' times are written back
   * verbatim, whatever offset their writer used.
   */
  lastHeartbeatTime: string
  /** The shards the member owns; empty when its replica group is empty. */
  shards: number[]
}

/** A group's state: the `state` attribute of `<stream>/<group>-state.json`. */
export interface GroupState {
  /** `"0.0.1"`. */
  schemaVersion: string
  /** One entry per member that has not expired. */
  sessions: SessionState[]
}

/** The state of a group that has never been written. */
export function emptyGroupState(): GroupState {
  return { schemaVersion: stateSchemaVersion, sessions: [] }
}

function field(json: Record<string, unknown>, name: string, where: string): unknown {
  if (!(name in json)) throw new StateFormatError(`${where} has no "${name}"`)
  return json[name]
}

function parseSession(entry: unknown, index: number): SessionState {
  const where = `session_states[${index}]`
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    throw new StateFormatError(`${where} is not an object`)
  const json = entry as Record<string, unknown>
  const memberId = field(json, 'member_id', where)
  if (typeof memberId !== 'string') throw new StateFormatError(`${where}.member_id is not a string`)
  const lastHeartbeatTime = field(json, 'last_heartbeat_time', where)
  if (typeof lastHeartbeatTime !== 'string' || Number.isNaN(parseRfc3339(lastHeartbeatTime)))
    throw new StateFormatError(`${where}.last_heartbeat_time is not an RFC 3339 time`)
  // Go writes `null` for a member without shards.
  const shards = json.shards ?? []
  if (!Array.isArray(shards) || !shards.every((shard) => Number.isSafeInteger(shard) && shard >= 0))
    throw new StateFormatError(`${where}.shards is not a list of shard ids`)
  return { memberId, lastHeartbeatTime, shards: [...shards] }
}

/**
 * Parses the Go SDK's state JSON (streams.md, consumer groups). Accepts what Go writes: any UTC offset,
 * up to 9 fractional digits, `null` for empty lists. Unknown members are ignored.
 */
export function parseGroupState(text: string): GroupState {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new StateFormatError(`the state is not JSON: ${text.slice(0, 200)}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new StateFormatError('the state is not a JSON object')
  const state = json as Record<string, unknown>
  const schemaVersion = state.schema_version ?? stateSchemaVersion
  if (typeof schemaVersion !== 'string') throw new StateFormatError('schema_version is not a string')
  const sessions = state.session_states ?? []
  if (!Array.isArray(sessions)) throw new StateFormatError('session_states is not a list')
  return { schemaVersion, sessions: sessions.map(parseSession) }
}

// Go's encoding/json escapes these in strings; escaping them too keeps the bytes identical.
const goEscaped = /[<>&\u2028\u2029]/g

function goJsonString(value: string): string {
  return JSON.stringify(value).replace(
    goEscaped,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * The state as the Go SDK marshals it: compact JSON, members in Go's field order, strings escaped as Go
 * escapes them, `[]` (never `null`) for empty lists.
 */
export function formatGroupState(state: GroupState): string {
  const sessions = state.sessions.map(
    (session) =>
      `{"member_id":${goJsonString(session.memberId)},"last_heartbeat_time":${goJsonString(session.lastHeartbeatTime)},"shards":[${session.shards.join(',')}]}`,
  )
  return `{"schema_version":${goJsonString(state.schemaVersion)},"session_states":[${sessions.join(',')}]}`
}

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/** Milliseconds since the epoch of an RFC 3339 time (fractions below a millisecond dropped); `NaN` if malformed. */
export function parseRfc3339(text: string): number {
  const match = rfc3339.exec(text)
  if (!match) return Number.NaN
  const [, year, month, day, hour, minute, second, fraction = '', , sign, offsetHours, offsetMinutes] = match
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.padEnd(3, '0').slice(0, 3)),
  )
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0
  return utc - offset * 60_000
}
