import { type Client, RaiseForStatus } from 'v3io'

/** The seed README's "Making requests", "Handling errors" and "Accessing objects" examples. */
export async function runObjectExamples(client: Client): Promise<void> {
  console.log('== containers ==')
  // list the containers we can access
  const response = await client.getContainers()
  console.log(`Status code: ${response.statusCode}`)
  for (const [index, container] of response.output.containers.entries()) {
    console.log(`#${index}: ${container.name}`)
  }

  // never raise: inspect the status yourself
  const missing = await client.getObject({
    container: 'users',
    path: '/no-such-object',
    raiseForStatus: RaiseForStatus.never,
  })
  console.log(`A missing object answers ${missing.statusCode} (${missing.error?.errorMessage})`)
  // raise unless the status is one of these
  await client.getContainers({ raiseForStatus: [200, 204] })

  console.log('\n== objects ==')
  // put contents to some object
  await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
  // get the object
  const object = await client.getObject({ container: 'users', path: '/my-object' })
  // print the contents
  console.log(new TextDecoder().decode(object.body))
  // delete the object
  await client.deleteObject({ container: 'users', path: '/my-object' })
}
