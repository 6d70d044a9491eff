/**
 * Which browser origins and `Host` names the emulator serves (docs/emulator-safety.md): by default only
 * loopback ones, so that a web page elsewhere cannot read or write an unauthenticated emulator, neither
 * through CORS nor by rebinding its own DNS name to 127.0.0.1.
 */

const loopbackNames: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** Whether a host name (no port; IPv6 in brackets or not) designates this machine's loopback. */
export function isLoopbackName(name: string): boolean {
  const lower = name.toLowerCase()
  if (loopbackNames.has(lower) || lower.endsWith('.localhost')) return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)
}

/** Whether an origin may use the emulator from a browser: listed, `'*'` listed, or loopback by default. */
export function isOriginAllowed(origin: string, allowed: readonly string[] | undefined): boolean {
  if (allowed !== undefined) return allowed.includes('*') || allowed.includes(origin)
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackName(url.hostname)
}

/** The host name of a `Host` header value, without its port; `undefined` when malformed. */
export function hostName(header: string): string | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim())
  return match?.[1]
}

/**
 * Whether a request's `Host` header is acceptable: absent (HTTP/1.0 clients; browsers always send it),
 * no check configured, a loopback name, or an allowed host.
 */
export function isHostAllowed(header: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (header === undefined || allowed === undefined || allowed.includes('*')) return true
  const name = hostName(header)
  if (name === undefined) return false
  return isLoopbackName(name) || allowed.some((host) => host.toLowerCase() === name.toLowerCase())
}
