import type { Client, ConsumerGroupMember } from 'v3io'

const container = 'users'
const path = '/my-group-stream'

/** Reads a member's records until it has seen `count`, marking each as processed. */
async function readSome(member: ConsumerGroupMember, count: number): Promise<string[]> {
  const seen: string[] = []
  if (count === 0) return seen
  for await (const record of member.records()) {
    seen.push(`shard ${record.shardId} #${record.sequenceNumber}: ${new TextDecoder().decode(record.data)}`)
    member.mark(record) // committed every commitInterval, and by close()
    if (seen.length === count) break
  }
  return seen
}

/** Two workers share a stream through a consumer group whose state the Go SDK (Nuclio) can share. */
export async function runConsumerGroupExamples(client: Client): Promise<void> {
  console.log('\n== stream consumer groups ==')
  await client.createStream({ container, path, shardCount: 4 })
  const records = Array.from({ length: 8 }, (_, index) => ({ shardId: index % 4, data: `event ${index}` }))
  await client.putRecords({ container, path, records })

  // Go's defaults are 10 s sessions and 3 s heartbeats; a demo wants quicker ones.
  const group = client.consumerGroup({
    container,
    path,
    name: 'analytics',
    maxReplicas: 2,
    sessionTimeout: 2_000,
    heartbeatInterval: 500,
  })
  const workerA = await group.join({ memberName: 'worker-a' })
  const workerB = await group.join({ memberName: 'worker-b' })
  console.log(
    `worker-a owns shards ${workerA.shards.join(', ')}; worker-b owns shards ${workerB.shards.join(', ')}`,
  )

  // Each shard holds 2 records here, so each worker reads 2 per shard it owns.
  const [readA, readB] = await Promise.all([
    readSome(workerA, workerA.shards.length * 2),
    readSome(workerB, workerB.shards.length * 2),
  ])
  for (const line of [...readA.map((text) => `worker-a ${text}`), ...readB.map((text) => `worker-b ${text}`)])
    console.log(line)
  await Promise.all([workerA.close(), workerB.close()]) // final commits

  // What a dashboard shows: members, their heartbeats and the lag of each shard.
  for (const session of (await group.state()).sessions)
    console.log(
      `member ${session.memberId}: shards [${session.shards}], heartbeat ${session.lastHeartbeatTime.toISOString()}`,
    )
  for (const shard of await group.lag())
    console.log(
      `shard ${shard.shardId}: last ${shard.lastSequenceNumber}, committed ${shard.committedSequenceNumber}, lag ${shard.lag}`,
    )

  await client.deleteStream({ container, path })
}
