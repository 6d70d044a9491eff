import { ValidationError } from '../../reading-engine-dependencies.js'

const alphabet = '0123456789abcdefghijklmnopqrstuv'

/**
 * A member id as the Go SDK forms it: `<member name>-<20 characters over 0-9a-v>` (Go uses an xid; any
 * unique suffix works, so this one is random: 100 bits from `crypto.getRandomValues`).
 */
export function newMemberId(memberName: unknown): string {
  if (typeof memberName !== 'string' || memberName.length === 0)
    throw new ValidationError('memberName', `must be a non-empty string, got ${JSON.stringify(memberName)}`)
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(20))
  let suffix = ''
  for (const byte of bytes) suffix += alphabet[byte & 31]
  return `${memberName}-${suffix}`
}
