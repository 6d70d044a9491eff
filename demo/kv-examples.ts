import type { Client } from 'v3io'

/** The seed README's "Accessing key-values (NoSQL)" example: create a table, update a record, run a query. */
export async function runKvExamples(client: Client): Promise<void> {
  console.log('\n== key-values ==')
  const items = {
    bob: { age: 42, feature: 'mustache' },
    linda: { age: 41, feature: 'singing' },
    louise: { age: 9, feature: 'bunny ears' },
  }

  // add the records to the table
  for (const [itemKey, itemAttributes] of Object.entries(items)) {
    await client.putItem({ container: 'users', path: `/bobs-burgers/${itemKey}`, attributes: itemAttributes })
  }

  // adds two fields (height, quip) to the louise record
  await client.updateItem({
    container: 'users',
    path: '/bobs-burgers/louise',
    attributes: { height: 130, quip: 'i can smell fear on you' },
  })

  // get a record by key, specifying specific arguments
  const response = await client.getItem({
    container: 'users',
    path: '/bobs-burgers/louise',
    attributeNames: ['__size', 'age', 'quip', 'height'],
  })

  // print the item from the response
  console.log(response.output.item)

  // create a query, and use an items cursor to iterate the results
  const itemsCursor = client.newItemsCursor({
    container: 'users',
    path: '/bobs-burgers/',
    attributeNames: ['age', 'feature'],
    filterExpression: 'age > 15',
  })

  // print the output
  for await (const item of itemsCursor) {
    console.log(item)
  }

  // not in the seed: remove the table so that the demo can run again against a platform
  await client.deleteTable({ container: 'users', path: '/bobs-burgers' })
}
