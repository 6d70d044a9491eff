import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client } from '../../src/index.js'
import { openConsole, screenshotThemes } from './console-support.js'

// The stream screen: shards with __last_sequence_num, a live tail while this test writes, putting a
// record from the page, and a consumer group's members and lag.
let emulator: RunningEmulator
let client: Client
const stream = { container: 'users', path: '/console-stream' }

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0, console: true })
  client = new Client({ endpoint: emulator.url, accessKey: 'seed' })
  await client.createStream({ ...stream, shardCount: 3 })
  await client.putRecords({
    ...stream,
    records: [
      { shardId: 0, data: 'zero-a' },
      { shardId: 0, data: 'zero-b' },
      { shardId: 1, data: 'one-a' },
    ],
  })
  // A group whose member committed shard 0's first record and left: its session stays until it expires.
  const group = client.consumerGroup({ ...stream, name: 'billing', maxReplicas: 1, sessionTimeout: 600_000 })
  const controller = new AbortController()
  const member = await group.join({ memberName: 'worker', signal: controller.signal })
  for await (const record of member.records()) {
    member.mark(record)
    break
  }
  await member.commit()
  controller.abort()
})

test.afterAll(async () => {
  await emulator?.close()
})

test('lists shards, tails a shard live, puts a record and shows the consumer group', async ({ page }) => {
  await openConsole(page, emulator.url, '#/directory/users/')
  await page.getByRole('link', { name: 'Stream', exact: true }).click()
  await expect(page.locator('h1')).toHaveText('Stream users/console-stream')
  await expect(page.locator('.status').first()).toHaveText('3 shards, retention 24 h')
  const lastNumbers = page.locator('table.shards td.last')
  await expect(lastNumbers).toHaveText(['2', '1', '0'])

  // The group: its member, and lag per shard (shard 0: 2 records, 1 committed).
  const group = page.locator('article[data-group="billing"]')
  await expect(group.locator('table.members tbody tr')).toHaveCount(1)
  await expect(group.locator('table.members td').first()).toHaveText(/^worker-/)
  await expect(group.locator('table.lag tbody tr')).toHaveText([
    /^0\s*2\s*1\s*1$/,
    /^1\s*1\s*—\s*1$/,
    /^2\s*0\s*—\s*0$/,
  ])

  await page.getByRole('button', { name: 'Tail shard 0' }).click()
  await expect(page.locator('h2', { hasText: 'Tail of shard 0' })).toBeVisible()
  await expect(page.locator('.status').nth(1)).toHaveText('Following shard 0 (records after 2)')
  const tail = page.locator('ol.records li')
  await expect(tail).toHaveCount(0)

  // Records written by someone else appear as they arrive, newest first.
  for (const data of ['live-1', 'live-2', 'live-3']) {
    await client.putRecords({ ...stream, records: [{ shardId: 0, data }] })
    await expect(tail.first()).toContainText(data)
  }
  await expect(tail.locator('code')).toHaveText(['live-3', 'live-2', 'live-1'])
  await expect(tail.locator('.sequence')).toHaveText(['#5', '#4', '#3'])
  await expect(lastNumbers.first()).toHaveText('5')

  // A record put from the page, into the tailed shard.
  await page.locator('#record-shard').selectOption('0')
  await page.locator('#partition-key').fill('customer-9')
  await page.locator('#record-data').fill('{"from":"the console"}')
  await page.getByRole('button', { name: 'Put record' }).click()
  await expect(page.locator('.status').first()).toHaveText('Put record #6 in shard 0')
  await expect(tail.first()).toContainText('{"from":"the console"}')
  await expect(tail.first()).toContainText('key customer-9')
  const { output } = await client.getRecords({
    ...stream,
    path: `${stream.path}/0`,
    location: (
      await client.seekShard({
        ...stream,
        path: `${stream.path}/0`,
        seekType: 'SEQUENCE',
        startingSequenceNumber: 6,
      })
    ).output.location,
  })
  expect(new TextDecoder().decode(output.records[0]?.data)).toBe('{"from":"the console"}')
  await expect(page.locator('.status').nth(1)).toHaveText('Following shard 0: 4 new records')
  await screenshotThemes(page, 'stream')

  // Leaving the screen stops the tail: no more GetRecords (it polls every 100–500 ms while following).
  await page.getByRole('link', { name: 'Containers' }).click()
  await expect(page.locator('.containers a').first()).toBeVisible()
  let reads = 0
  page.on('request', (request) => {
    if (request.headers()['x-v3io-function'] === 'GetRecords') reads++
  })
  await page.waitForTimeout(1_500)
  expect(reads).toBe(0)
})
