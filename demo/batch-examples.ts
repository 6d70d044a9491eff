import { BatchError, type Client } from 'v3io'

const decoder = new TextDecoder()

/** The seed README's "Creating batches" example, then parallel batches and a batch with failures. */
export async function runBatchExamples(client: Client): Promise<void> {
  console.log('\n== batches ==')
  // do 16 writes in parallel
  for (let index = 0; index < 16; index++) {
    // returns immediately
    client.batch.putObject({ container: 'bigdata', path: `/object${index}`, body: `object-${index}` })
  }
  // wait for all writes to complete
  const written = await client.batch.wait()
  const statuses = [...new Set(written.responses.map((response) => response.statusCode))]
  console.log(`${written.responses.length} objects written (statuses: ${statuses.join(', ')})`)

  // independent batches run side by side (sharing the client's maxConnections)
  const evens = client.createBatch()
  const odds = client.createBatch()
  for (let index = 0; index < 16; index++) {
    const batch = index % 2 === 0 ? evens : odds
    batch.getObject({ container: 'bigdata', path: `/object${index}` })
  }
  const [evenReads, oddReads] = await Promise.all([evens.wait(), odds.wait()])
  console.log(`evens: ${evenReads.responses.map((response) => decoder.decode(response.body)).join(', ')}`)
  console.log(`odds:  ${oddReads.responses.map((response) => decoder.decode(response.body)).join(', ')}`)

  // a failed call does not hide the others: the error carries every response, index-aligned
  client.batch.getObject({ container: 'bigdata', path: '/object0' })
  client.batch.getObject({ container: 'bigdata', path: '/no-such-object' })
  try {
    await client.batch.wait()
  } catch (error) {
    if (!(error instanceof BatchError)) throw error
    console.log(error.message)
    console.log(`call #0 still answered: ${decoder.decode(error.responses[0]?.body)}`)
  }
  // or accept some statuses for the whole batch
  client.batch.getObject({ container: 'bigdata', path: '/no-such-object' })
  const lenient = await client.batch.wait({ raiseForStatus: [200, 404] })
  console.log(`with raiseForStatus [200, 404]: status ${lenient.responses[0]?.statusCode}`)

  // clean up
  for (let index = 0; index < 16; index++)
    client.batch.deleteObject({ container: 'bigdata', path: `/object${index}` })
  await client.batch.wait()
}
