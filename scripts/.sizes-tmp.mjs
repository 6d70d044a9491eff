import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const src = process.argv[2]
const r = await build({ stdin: { contents: src, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent', splitting: false, outdir: 'out' })
const out = Object.values(r.metafile.outputs)[0]
const rows = Object.entries(out.inputs).map(([k, v]) => [v.bytesInOutput, k]).sort((a, b) => b[0] - a[0])
let total = 0; for (const [b] of rows) total += b
console.log('total min', total, 'gzip', gzipSync(r.outputFiles[0].contents).length)
const groups = {}
for (const [b, k] of rows) { const g = k.replace(/dist\/([^/]+\/)?([^/]+\/)?.*/, 'dist/$1$2'); groups[g] = (groups[g] ?? 0) + b }
console.log(Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 20))
console.log(rows.slice(0, 25))
