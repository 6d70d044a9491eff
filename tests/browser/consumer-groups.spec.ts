import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'

// A dashboard-like page on another origin than the emulator: every call of the group is a CORS call.
let emulator: RunningEmulator
let page: Server
let pageUrl: string

const html = `<!doctype html><html><head><meta charset="utf-8"><title>v3io consumer groups</title>
<script src="/v3io.global.js"></script></head><body></body></html>`

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
  // The CDN script and the files it imports on demand from beside itself (ky, the XML parser, the
  // reading engine of consumer groups).
  const scripts = new Map(
    [
      'v3io.global.js',
      'v3io.ky.js',
      'v3io.xml-parser.js',
      'v3io.reading-engine.js',
      'v3io.response-decoding.js',
    ].map((name) => [`/${name}`, readFileSync(new URL(`../../dist/${name}`, import.meta.url))]),
  )
  page = createServer((request, response) => {
    const script = scripts.get(request.url ?? '')
    if (script) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
  })
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await emulator?.close()
  await new Promise((resolve) => page?.close(resolve))
})

test('joins a consumer group, reads and commits, and shows members and lag in the browser', async ({
  page: browser,
}) => {
  await browser.goto(pageUrl)
  const result = await browser.evaluate(async (endpoint) => {
    const { v3io } = globalThis as unknown as { v3io: typeof import('../../src/index.js') }
    const client = new v3io.Client({ endpoint, accessKey: 'browser-access-key' })
    const address = { container: 'users', path: '/browser-group-stream' }
    await client.createStream({ ...address, shardCount: 2 })
    await client.putRecords({
      ...address,
      records: [
        { shardId: 0, data: 'a' },
        { shardId: 1, data: 'b' },
        { shardId: 1, data: 'c' },
      ],
    })
    const group = client.consumerGroup({
      ...address,
      name: 'dashboard',
      maxReplicas: 1,
      sessionTimeout: 2_000,
      heartbeatInterval: 200,
      pollInterval: 20,
    })
    const controller = new AbortController()
    const member = await group.join({ memberName: 'browser', signal: controller.signal })
    const seen: string[] = []
    for await (const record of member.records()) {
      seen.push(`${record.shardId}:${new TextDecoder().decode(record.data)}`)
      member.mark(record)
      if (seen.length === 3) break
    }
    await member.commit()
    controller.abort() // stops the member (final commit, timers cleared)
    const state = await group.state()
    const lag = await group.lag()
    const raw = await client.getItem({
      ...address,
      path: `${address.path}/dashboard-state.json`,
      attributeNames: ['state'],
    })
    await client.deleteStream(address)
    return {
      shards: member.shards,
      seen: seen.sort(),
      closed: member.closed,
      sessions: state.sessions.map((session) => [session.memberId === member.memberId, session.shards]),
      lag: lag.map((shard) => [
        shard.shardId,
        shard.lastSequenceNumber,
        shard.committedSequenceNumber,
        shard.lag,
      ]),
      stateStart: String(raw.output.item.state).slice(0, 53),
    }
  }, emulator.url)
  expect(result).toEqual({
    shards: [0, 1],
    seen: ['0:a', '1:b', '1:c'],
    closed: true,
    sessions: [[true, [0, 1]]],
    lag: [
      [0, 1, 1, 0],
      [1, 2, 2, 0],
    ],
    stateStart: '{"schema_version":"0.0.1","session_states":[{"member_',
  })
})
