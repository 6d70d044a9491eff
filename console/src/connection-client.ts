import { Client } from 'v3io'
import type { Connection } from './session.js'

/** The SDK client of a connection: the console's only access to data. */
export function connect(connection: Connection): Client {
  return new Client({ endpoint: connection.endpoint, accessKey: connection.accessKey })
}
