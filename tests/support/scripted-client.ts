import { Client, type TransportRequest } from '../../src/index.js'

/** One scripted answer: a status, and a body (XML when it starts with `<`, else JSON). */
export interface ScriptedAnswer {
  status: number
  body?: string
}

/**
 * A client whose transport answers from a table keyed by `METHOD path?query` (204 when absent) and
 * records every request it sends the same way, in `sent`: for composites whose request sequence is the
 * point of the test.
 */
export function scriptedClient(answers: Record<string, ScriptedAnswer>) {
  const sent: string[] = []
  const client = new Client({
    endpoint: 'http://webapi.test',
    accessKey: 'k',
    retry: false,
    transport: async (request: TransportRequest) => {
      const url = new URL(request.url)
      const key = `${request.method} ${url.pathname}${url.search}`
      sent.push(key)
      const answer = answers[key] ?? { status: 204 }
      const isXml = answer.body?.startsWith('<')
      return {
        status: answer.status,
        headers: new Headers(
          answer.body ? { 'Content-Type': isXml ? 'application/xml' : 'application/json' } : {},
        ),
        body: new TextEncoder().encode(answer.body ?? ''),
      }
    },
  })
  return { client, sent }
}
