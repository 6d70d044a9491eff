/**
 * The seed README's examples in TypeScript, run against the embedded emulator — or, when V3IO_API and
 * V3IO_ACCESS_KEY are set, against that platform. Run with `npm run demo`.
 */

import { Client } from 'v3io'
import { startEmulator } from 'v3io/emulator'
import { runBatchExamples } from './batch-examples.js'
import { runConsumerGroupExamples } from './consumer-group-examples.js'
import { runControlPlaneExamples } from './control-plane-examples.js'
import { runKvExamples } from './kv-examples.js'
import { runObjectExamples } from './object-examples.js'
import { runStreamExamples } from './stream-examples.js'

async function main(): Promise<void> {
  const platform = process.env.V3IO_API
  const emulator = platform ? undefined : await startEmulator({ port: 0 })
  const client = emulator
    ? new Client({ endpoint: emulator.url, accessKey: 'demo-access-key' })
    : new Client()
  console.log(
    emulator
      ? `Using the embedded emulator at ${emulator.url}\n`
      : `Using the platform at ${client.endpoint}\n`,
  )
  try {
    await runObjectExamples(client)
    await runKvExamples(client)
    await runStreamExamples(client)
    await runConsumerGroupExamples(client)
    await runBatchExamples(client)
    await runControlPlaneExamples(emulator?.url)
  } finally {
    await emulator?.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
