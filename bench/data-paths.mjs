/** Bulk data paths: a 100,000-item cursor scan, stream records, and the GetItems page codec. */
import { kvOperations } from '../dist/index.js'
import { measure, peakMemory, runPool, timeSync } from './measure.mjs'
import { rawClient } from './raw-client.mjs'
import { scanItem } from './workloads.mjs'

const container = 'bigdata'
const scanTable = 'bench/scan/'
const textDecoder = new TextDecoder()

/**
 * Writes `count` items into the scan table with the raw client at concurrency 32 (the requests the SDK
 * builds, encoded up front): loading is set-up here, not a measurement of the SDK.
 */
export async function loadScanTable(client, emulator, accessKey, count) {
  const requests = Array.from({ length: count }, (_, index) =>
    client.describe(kvOperations.putItem, {
      container,
      path: `${scanTable}k${index}`,
      attributes: scanItem(index),
    }),
  )
  const raw = rawClient(emulator.url, 32, accessKey)
  try {
    return await measure(emulator, count, () =>
      runPool(count, 32, async (index) => {
        const response = await raw.send(requests[index])
        if (response.status >= 300) throw new Error(`loading item ${index} failed with ${response.status}`)
      }),
    )
  } finally {
    raw.close()
  }
}

/** Scans the whole table with a cursor: items per second and the client's peak memory. */
export async function scanTableWithCursor(client, emulator, expected) {
  globalThis.gc?.()
  let rate
  const memory = await peakMemory(async () => {
    let count = 0
    rate = await measure(emulator, expected, async () => {
      for await (const item of client.newItemsCursor({ container, path: scanTable })) {
        if (item.__name === undefined && item.age === undefined) throw new Error('empty item')
        count++
      }
    })
    if (count !== expected) throw new Error(`the scan returned ${count} items, expected ${expected}`)
  })
  return { ...rate, ...memory }
}

/** PutRecords (batches of `perRequest` records, concurrency 32) then GetRecords of every shard. */
export async function streamRecords(client, emulator, { records, perRequest, shards }) {
  const path = `bench/stream-${process.pid}`
  await client.createStream({ container, path, shardCount: shards })
  const data = 'r'.repeat(100)
  const put = await measure(emulator, records, async () => {
    const batch = client.createBatch()
    for (let start = 0; start < records; start += perRequest) {
      const chunk = Array.from({ length: Math.min(perRequest, records - start) }, (_, index) => ({
        data,
        partitionKey: `key-${start + index}`,
      }))
      batch.putRecords({ container, path, records: chunk })
    }
    const { responses } = await batch.wait()
    const failed = responses.reduce((sum, response) => sum + response.output.failedRecordCount, 0)
    if (failed > 0) throw new Error(`${failed} records failed`)
  })
  let read = 0
  const get = await measure(emulator, records, async () => {
    await Promise.all(
      Array.from({ length: shards }, async (_, shardId) => {
        const seek = await client.seekShard({ container, path, shardId, seekType: 'EARLIEST' })
        let location = seek.output.location
        for (;;) {
          const { output } = await client.getRecords({ container, path, shardId, location, limit: 1000 })
          read += output.records.length
          location = output.nextLocation
          if (output.records.length === 0 || output.recordsBehindLatest === 0) break
        }
      }),
    )
  })
  if (read !== records) throw new Error(`GetRecords read ${read} records, expected ${records}`)
  await client.deleteStream({ container, path })
  return { put, get }
}

/**
 * The cost of one 1,000-item GetItems page: the SDK's decoding (typed attributes, lossless numbers)
 * against `JSON.parse` of the same bytes, and the SDK's encoding of the same 1,000 items as PutItem
 * bodies against `JSON.stringify` of the same wire objects.
 */
export async function pageCodec(client, endpoint, accessKey) {
  // Pages also end at virtual-node group boundaries (ED-38): take the first full page.
  const raw = rawClient(endpoint, 1, accessKey)
  let descriptor
  let body
  let wire
  let marker
  do {
    descriptor = client.describe(kvOperations.getItems, { container, path: scanTable, limit: 1000, marker })
    const answer = await raw.send(descriptor)
    body = new Uint8Array(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength)
    wire = JSON.parse(textDecoder.decode(body))
    marker = wire.NextMarker
  } while (wire.Items.length < 1000 && marker)
  raw.close()
  const response = { status: 200, headers: new Headers({ 'Content-Type': 'application/json' }), body }
  const count = wire.Items.length
  // The universal entry loads its response decoders on demand.
  await kvOperations.getItems.prepare?.()
  const writes = kvOperations.getItems
    .decode(response, descriptor)
    .items.map(({ __name, ...attributes }, index) => ({
      container,
      path: `${scanTable}${__name ?? `k${index}`}`,
      attributes,
    }))
  const wireItems = wire.Items.map(({ __name, ...attributes }) => ({ Item: attributes }))
  const iterations = 200
  return {
    count,
    bytes: body.byteLength,
    decodeMicros: timeSync(iterations, () => kvOperations.getItems.decode(response, descriptor)),
    parseMicros: timeSync(iterations, () => JSON.parse(textDecoder.decode(body))),
    encodeMicros: timeSync(iterations, () => {
      for (const write of writes) kvOperations.putItem.encode(write)
    }),
    stringifyMicros: timeSync(iterations, () => {
      for (const item of wireItems) JSON.stringify(item)
    }),
  }
}
