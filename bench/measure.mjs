/** Timing helpers: wall time, client CPU (this process) and emulator CPU (the child process). */

/** Runs `task(index)` for indexes 0 … total-1 with at most `concurrency` in flight. */
export async function runPool(total, concurrency, task) {
  let next = 0
  const worker = async () => {
    while (next < total) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker))
}

/**
 * Measures `run()`, which performs `operations` operations: operations per second, and CPU time per
 * operation and CPU share of the wall time, for the client and for the emulator.
 */
export async function measure(emulator, operations, run) {
  const emulatorBefore = await emulator.cpu()
  const clientBefore = process.cpuUsage()
  const started = performance.now()
  await run()
  const milliseconds = performance.now() - started
  const client = process.cpuUsage(clientBefore)
  const emulatorAfter = await emulator.cpu()
  const clientMicros = client.user + client.system
  const emulatorMicros =
    emulatorAfter.user - emulatorBefore.user + (emulatorAfter.system - emulatorBefore.system)
  return {
    operations,
    milliseconds,
    perSecond: operations / (milliseconds / 1000),
    clientMicrosPerOp: clientMicros / operations,
    emulatorMicrosPerOp: emulatorMicros / operations,
    clientShare: clientMicros / 1000 / milliseconds,
    emulatorShare: emulatorMicros / 1000 / milliseconds,
  }
}

/** The best of several measurements (the highest rate), to damp scheduling noise on small machines. */
export function best(runs) {
  return runs.reduce((best, run) => (run.perSecond > best.perSecond ? run : best))
}

/** Samples this process's memory every few milliseconds while `run()` runs; reports the peaks. */
export async function peakMemory(run) {
  const before = process.memoryUsage()
  let rss = before.rss
  let heap = before.heapUsed
  const timer = setInterval(() => {
    const now = process.memoryUsage()
    rss = Math.max(rss, now.rss)
    heap = Math.max(heap, now.heapUsed)
  }, 10)
  try {
    const result = await run()
    const now = process.memoryUsage()
    return { result, before, peakRss: Math.max(rss, now.rss), peakHeap: Math.max(heap, now.heapUsed) }
  } finally {
    clearInterval(timer)
  }
}

/** Times a synchronous function over `iterations` runs, after a warm-up; microseconds per run. */
export function timeSync(iterations, fn) {
  for (let index = 0; index < Math.max(3, iterations / 10); index++) fn()
  const started = performance.now()
  for (let index = 0; index < iterations; index++) fn()
  return ((performance.now() - started) * 1000) / iterations
}
