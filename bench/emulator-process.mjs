/**
 * The benchmark's emulator process: the built emulator on a free port, in its own process so that its
 * CPU time is measured apart from the client's. It reports its URL once listening, and answers `cpu`
 * messages with its CPU time and memory, over the IPC channel of `child_process.fork`.
 */
import { startEmulator } from '../dist/emulator/index.js'

const emulator = await startEmulator({ port: 0 })
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage(), memory: process.memoryUsage().rss })
  if (message === 'stop') emulator.close().then(() => process.exit(0))
})
process.send({ url: emulator.url })
