/** The codecs of `bench/bulk.mjs` alone, in process, on bodies captured from the emulator. */
import { kvOperations, streamOperations } from '../dist/index.js'
import { timeSync } from './measure.mjs'

const container = 'bigdata'
const textDecoder = new TextDecoder()

/**
 * The codecs alone, on answers captured from the emulator: microseconds per call of each build's decoders
 * and encoder, and of the floors (`JSON.parse` of the same bytes; `JSON.stringify` of the wire objects).
 */
export async function measureCodecs({ describer, raw, codecSets, table, stream, putOptions }) {
  const capture = async (operation, options) => {
    const descriptor = describer.describe(operation, options)
    const answer = await raw.send(descriptor)
    const body = new Uint8Array(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength)
    return { descriptor, response: { status: answer.status, headers: new Headers(), body } }
  }
  const page = await capture(kvOperations.getItems, { container, path: table })
  const seek = await capture(streamOperations.seekShard, {
    container,
    path: stream,
    shardId: 0,
    seekType: 'EARLIEST',
  })
  const location = JSON.parse(textDecoder.decode(seek.response.body)).Location
  const records = await capture(streamOperations.getRecords, {
    container,
    path: stream,
    shardId: 0,
    location,
    limit: 1000,
  })
  const parse = (captured) => () => JSON.parse(textDecoder.decode(captured.response.body))
  const wire = JSON.parse(describer.describe(streamOperations.putRecords, putOptions).body)
  const result = {
    pageItems: parse(page)().Items.length,
    pageBytes: page.response.body.byteLength,
    recordCount: parse(records)().Records.length,
    recordsBytes: records.response.body.byteLength,
    floor: {},
    builds: {},
  }
  const tasks = {
    floor: { pageDecode: parse(page), recordsDecode: parse(records), putEncode: () => JSON.stringify(wire) },
  }
  for (const [name, set] of Object.entries(codecSets)) {
    // The universal entry loads its response decoders on demand (builds before them had no prepare).
    await set.kvOperations.getItems.prepare?.()
    tasks[name] = {
      pageDecode: () => set.kvOperations.getItems.decode(page.response, page.descriptor),
      recordsDecode: () => set.streamOperations.getRecords.decode(records.response, records.descriptor),
      putEncode: () => set.streamOperations.putRecords.encode(putOptions),
    }
  }
  // Many short samples alternating between the variants; the fastest sample of each counts, which is the
  // one least disturbed by other processes on a shared machine.
  const best = {}
  for (const name of Object.keys(tasks)) best[name] = {}
  for (let round = 0; round < 40; round++)
    for (const [name, timings] of Object.entries(tasks))
      for (const [key, task] of Object.entries(timings)) {
        const micros = timeSync(key === 'putEncode' ? 50 : 5, task)
        best[name][key] = Math.min(best[name][key] ?? micros, micros)
      }
  result.floor = best.floor
  for (const name of Object.keys(codecSets)) result.builds[name] = best[name]
  return result
}
