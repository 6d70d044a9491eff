/**
 * The `sid` a request's `session` cookie carries, or `undefined`. The cookie is Express's JSON cookie,
 * `session=` + `encodeURIComponent('j:{"sid": "<id>"}')`, whether the id is a session the emulator issued
 * or an access key (control-plane.md, "Authentication"); a cookie without the `j:` form is its id as is.
 */
export function sessionIdFromCookie(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 0 || pair.slice(0, separator).trim() !== 'session') continue
    let value: string
    try {
      value = decodeURIComponent(pair.slice(separator + 1).trim())
    } catch {
      return undefined
    }
    if (!value.startsWith('j:')) return value === '' ? undefined : value
    try {
      const parsed: unknown = JSON.parse(value.slice(2))
      const sid =
        typeof parsed === 'object' && parsed !== null ? (parsed as { sid?: unknown }).sid : undefined
      return typeof sid === 'string' && sid !== '' ? sid : undefined
    } catch {
      return undefined
    }
  }
  return undefined
}

/** The `Set-Cookie` value of a session the emulator issued: the same JSON cookie form as access keys. */
export function sessionCookie(sessionId: string): string {
  return `session=${encodeURIComponent(`j:{"sid": "${sessionId}"}`)}; Path=/; HttpOnly; SameSite=Lax`
}
