/** What the user connected with. */
export interface Connection {
  readonly endpoint: string
  readonly accessKey: string
}

const storageKey = 'v3io-console.connection'

/**
 * The connection of this tab, from session storage: the access key lives only there (never in the URL,
 * local storage or logs), so closing the tab forgets it.
 */
export function savedConnection(): Connection | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as Partial<Connection> | null
    if (typeof value?.endpoint === 'string' && typeof value.accessKey === 'string') {
      return { endpoint: value.endpoint, accessKey: value.accessKey }
    }
  } catch {
    // A corrupt entry is the same as none.
  }
  return undefined
}

/** Keeps the connection for this tab. */
export function saveConnection(connection: Connection): void {
  sessionStorage.setItem(storageKey, JSON.stringify(connection))
}

/** Forgets the connection. */
export function forgetConnection(): void {
  sessionStorage.removeItem(storageKey)
}

/**
 * The endpoint to propose: the page's own origin when the console is served over HTTP (by
 * `v3io-emulator --console`, or by a proxy in front of a platform), so that calls are same-origin.
 */
export function defaultEndpoint(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : ''
}
