import type { Client } from 'v3io'

/** The seed README's "Accessing streams" example. */
export async function runStreamExamples(client: Client): Promise<void> {
  console.log('\n== streams ==')
  // create a stream with 8 shards
  await client.createStream({ container: 'users', path: '/my-test-stream', shardCount: 8 })

  // write 4 records - 3 with explicitly specifying the shard and 1 spread by the platform
  const records = [
    { shardId: 1, data: 'first shard record #1' },
    { shardId: 1, data: 'first shard record #2' },
    { shardId: 2, data: 'second shard record #1' },
    { data: 'some shard record #1' },
  ]
  await client.putRecords({ container: 'users', path: '/my-test-stream', records })

  // seek to the beginning of shard 1 so we know where to read from
  const seek = await client.seekShard({ container: 'users', path: '/my-test-stream/1', seekType: 'EARLIEST' })

  // get records from the shard (should receive 2)
  const response = await client.getRecords({
    container: 'users',
    path: '/my-test-stream/1',
    location: seek.output.location,
  })

  // print the records. outputs:
  //
  //   first shard record #1
  //   first shard record #2
  //
  const decoder = new TextDecoder()
  for (const record of response.output.records) {
    console.log(decoder.decode(record.data))
  }

  // delete the stream
  await client.deleteStream({ container: 'users', path: '/my-test-stream' })
}
