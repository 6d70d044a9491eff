// Run by tests/runtimes/deno.test.ts under Deno: the built SDK, configured only from the environment.
import { Client } from '../../dist/index.js'

const client = new Client()
await client.putObject({ container: 'users', path: '/deno-object', body: 'hello, there' })
const response = await client.getObject({ container: 'users', path: '/deno-object' })
await client.deleteObject({ container: 'users', path: '/deno-object' })
console.log(JSON.stringify({ endpoint: client.endpoint, text: new TextDecoder().decode(response.body) }))
