// Run by tests/runtimes/deno.test.ts under Deno: the built SDK's Deno entry (the package's `deno` condition), configured only from the environment.
import { Client } from '../../dist/index.fetch.js'

const client = new Client()
await client.putObject({ container: 'users', path: '/deno-object', body: 'hello, there' })
const response = await client.getObject({ container: 'users', path: '/deno-object' })
await client.deleteObject({ container: 'users', path: '/deno-object' })
console.log(JSON.stringify({ endpoint: client.endpoint, text: new TextDecoder().decode(response.body) }))
