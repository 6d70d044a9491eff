/**
 * Compares two CPU profiles (`.cpuprofile`, e.g. the SDK's and the raw client's from
 * `PROFILE=<workload> node bench/node-default.mjs --profile[=raw]`) function by function:
 * `node bench/compare-profiles.mjs <a.cpuprofile> <b.cpuprofile> [rows]`. Each function's self time is
 * given as a share of its profile's busy time (samples not idle), so that profiles of runs of different
 * lengths compare; rows are sorted by how much more of its time the first profile spends there.
 */
import { readFile } from 'node:fs/promises'

/** Self samples per function (`name file:line`), and the profile's busy samples. */
async function selfShares(path) {
  const profile = JSON.parse(await readFile(path, 'utf8'))
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const samples = new Map()
  for (const id of profile.samples) samples.set(id, (samples.get(id) ?? 0) + 1)
  const self = new Map()
  let busy = 0
  for (const [id, count] of samples) {
    const frame = byId.get(id).callFrame
    if (frame.functionName === '(idle)') continue
    busy += count
    const file = frame.url.split('/').pop()
    const name = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`
    self.set(name, (self.get(name) ?? 0) + count)
  }
  return { self, busy }
}

const [first, second, rows = '40'] = process.argv.slice(2)
if (!first || !second) {
  console.error('usage: node bench/compare-profiles.mjs <a.cpuprofile> <b.cpuprofile> [rows]')
  process.exit(2)
}
const a = await selfShares(first)
const b = await selfShares(second)
const share = (profile, name) => (100 * (profile.self.get(name) ?? 0)) / profile.busy
const names = [...new Set([...a.self.keys(), ...b.self.keys()])]
names.sort((x, y) => share(a, y) - share(b, y) - (share(a, x) - share(b, x)))
console.log(`   first  second  difference  (% of each profile's busy samples: ${a.busy}, ${b.busy})`)
for (const name of names.slice(0, Number(rows)))
  console.log(
    `${share(a, name).toFixed(2).padStart(7)}% ${share(b, name).toFixed(2).padStart(6)}% ${(share(a, name) - share(b, name)).toFixed(2).padStart(9)}%   ${name}`,
  )
