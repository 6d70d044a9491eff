/**
 * The Node default client against the raw client, short enough to iterate on:
 * `node bench/node-default.mjs` (after `npm run build`). The emulator runs in a child process; for each
 * workload at concurrency 8 and 32 the raw client and the SDK's default client (`new Client()` from the
 * package's `node` entry) take turns, and the best of `ROUNDS` runs of `OPS` operations is kept. It
 * prints, per cell, the best rate and its ratio to raw's, and the least client CPU per operation of
 * the rounds and its ratio to raw's (which moves far less than rates when other work shares the cores).
 *
 * `BASE=/path/to/other/dist` adds a third variant, the same client from another build, measured in the
 * same turns: a before/after comparison in one run. `--profile` runs only the SDK variant (`--profile=raw`
 * only the raw client, `--profile=base` only the `BASE` build), for `node --cpu-prof bench/node-default.mjs --profile`; the workloads read
 * what the earlier ones wrote, so keep PutItem in `WORKLOADS` when profiling GetItem. With
 * `PROFILE=<workload>` (and `--profile`, no `--cpu-prof`) the script records only that workload's
 * measured rounds, into `node-default-<variant>-<workload>.cpuprofile` in the current directory;
 * `node bench/compare-profiles.mjs <sdk profile> <raw profile>` then compares them function by function.
 */
import { fork } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { best, measure } from './measure.mjs'
import { rawClient } from './raw-client.mjs'
import { keyCount, workloads } from './workloads.mjs'

const accessKey = 'bench-access-key'
const operations = Number(process.env.OPS ?? 4000)
const rounds = Number(process.env.ROUNDS ?? 3)
const levels = (process.env.CONCURRENCY ?? '8,32').split(',').map(Number)
const only = process.env.WORKLOADS?.split(',')
const profileOf = process.argv.find((argument) => argument.startsWith('--profile'))
const profile = profileOf === undefined ? undefined : (profileOf.split('=')[1] ?? 'sdk')
// The workload whose measured rounds alone are profiled, in this process (not the emulator's).
const profiled = profile === undefined ? undefined : process.env.PROFILE
const profiler = profiled === undefined ? undefined : new Session()
profiler?.connect()
await profiler?.post('Profiler.enable')
// 100 µs between samples (the default is 1 ms): a few seconds of rounds give tens of thousands.
await profiler?.post('Profiler.setSamplingInterval', { interval: 100 })

const current = await import('v3io')
const base = process.env.BASE ? await import(`${process.env.BASE}/index.node.js`) : undefined

const child = fork(new URL('./emulator-process.mjs', import.meta.url), {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
const waiting = []
const url = await new Promise((resolve) =>
  child.on('message', (message) => {
    if (message.url) resolve(message.url)
    if (message.cpu) waiting.shift()?.(message.cpu)
  }),
)
const emulator = {
  cpu: () =>
    new Promise((resolve) => {
      waiting.push(resolve)
      child.send('cpu')
    }),
}

const batched = async (client, workload, count) => {
  const batch = client.createBatch()
  for (let index = 0; index < count; index++) batch[workload.method](workload.options(index))
  await batch.wait()
}

for (const workload of workloads) {
  if (only && !only.includes(workload.name)) continue
  for (const concurrency of levels) {
    const newClient = (module) => new module.Client({ endpoint: url, accessKey, maxConnections: concurrency })
    const sdk = newClient(current)
    const before = base ? newClient(base) : undefined
    const requests = Array.from({ length: keyCount }, (_, index) =>
      sdk.describe(workload.operation, workload.options(index)),
    )
    const raw = rawClient(url, concurrency, accessKey)
    const variants = {
      ...(profile === 'sdk' || profile === 'base'
        ? {}
        : {
            raw: (count) =>
              Promise.all(
                Array.from({ length: concurrency }, async (_, worker) => {
                  for (let index = worker; index < count; index += concurrency)
                    await raw.send(requests[index % keyCount])
                }),
              ),
          }),
      ...(profile === 'raw' || profile === 'base' ? {} : { sdk: (count) => batched(sdk, workload, count) }),
      ...(base && profile !== 'sdk' && profile !== 'raw'
        ? { base: (count) => batched(before, workload, count) }
        : {}),
    }
    for (const run of Object.values(variants)) await run(keyCount)
    const runs = Object.fromEntries(Object.keys(variants).map((key) => [key, []]))
    const profiling = profiler !== undefined && workload.name === profiled
    if (profiling) await profiler.post('Profiler.start')
    for (let round = 0; round < rounds; round++)
      for (const [key, run] of Object.entries(variants))
        runs[key].push(await measure(emulator, operations, () => run(operations)))
    if (profiling) {
      const { profile: recorded } = await profiler.post('Profiler.stop')
      await writeFile(`node-default-${profile}-${workload.name}.cpuprofile`, JSON.stringify(recorded))
    }
    raw.close()
    const cells = Object.entries(runs).map(([key, results]) => {
      const top = best(results)
      const ratio = runs.raw ? ` (${(top.perSecond / best(runs.raw).perSecond).toFixed(2)}× raw)` : ''
      // The least CPU of the rounds: other processes' load inflates CPU per operation, never deflates it.
      const cpu = Math.min(...results.map((result) => result.clientMicrosPerOp))
      const cpuRatio = runs.raw
        ? ` (${(cpu / Math.min(...runs.raw.map((result) => result.clientMicrosPerOp))).toFixed(2)}× raw)`
        : ''
      return `${key} ${top.perSecond.toFixed(0)}/s${ratio} ${cpu.toFixed(1)} µs/op${cpuRatio}`
    })
    console.log(`${workload.name.padEnd(9)} c=${String(concurrency).padEnd(2)} ${cells.join('; ')}`)
  }
}
child.send('stop')
