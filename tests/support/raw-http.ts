import { Agent, request } from 'node:http'

/** What the emulator answered, with header names exactly as sent. */
export interface RawAnswer {
  status: number
  /** Header names as they appeared on the wire, with their values. */
  rawHeaders: Array<[string, string]>
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  text: string
  json: () => unknown
}

const agent = new Agent({ keepAlive: true })

/** Sends one HTTP request without the SDK, for wire-level tests of the emulator. */
export function rawHttp(
  baseUrl: string,
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<RawAnswer> {
  const url = new URL(baseUrl)
  // Node frames bodies of OPTIONS and DELETE requests only when told their length.
  const headers =
    options.body === undefined
      ? options.headers
      : { 'Content-Length': String(Buffer.byteLength(options.body)), ...options.headers }
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method, path: target, headers, agent },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () => {
          const body = Buffer.concat(chunks)
          const rawHeaders: Array<[string, string]> = []
          for (let i = 0; i < incoming.rawHeaders.length; i += 2)
            rawHeaders.push([incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string])
          resolve({
            status: incoming.statusCode ?? 0,
            rawHeaders,
            headers: incoming.headers,
            body,
            text: body.toString('utf8'),
            json: () => JSON.parse(body.toString('utf8')),
          })
        })
        incoming.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}
