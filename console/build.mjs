// Builds the web console into one self-contained page, dist/console/index.html: the app (which imports
// `v3io` as any user's app does, resolved through the package's `browser` condition to dist/) and its
// styles inlined, with a Content-Security-Policy that allows exactly those two by hash. One file means
// the emulator serves exactly one resource under /console/ (docs/console.md).
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'

const root = new URL('..', import.meta.url)
const read = (path) => readFileSync(new URL(path, root), 'utf8')

const app = await build({
  entryPoints: [new URL('console/src/main.ts', root).pathname],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  conditions: ['browser'],
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // Not the repository's tsconfig: its `paths` maps `v3io` to src/ for type checking, and the console must
  // bundle the package as a user's app gets it.
  tsconfigRaw: '{}',
  write: false,
  metafile: true,
})
// A script element ends at the first `</script`, wherever it appears; `<\/` means the same in JS.
const script = app.outputFiles[0].text.replaceAll('</script', '<\\/script').trim()
const css = ['base', 'screens'].map((name) => read(`console/src/styles/${name}.css`)).join('\n')
const style = (await transform(css, { loader: 'css', minify: true })).code.trim()
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
const policy = [
  "default-src 'none'",
  `script-src ${hash(script)}`,
  `style-src ${hash(style)}`,
  // Image previews are blob: URLs; the SDK may call any endpoint the user gives.
  'img-src blob: data:',
  'connect-src *',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>v3io console</title>
<style>${style}</style>
</head>
<body>
<noscript>The v3io console needs JavaScript.</noscript>
<script>${script}</script>
</body>
</html>
`
mkdirSync(new URL('dist/console/', root), { recursive: true })
writeFileSync(new URL('dist/console/index.html', root), page)
const bytes = Buffer.byteLength(page)
const fromSdk = Object.entries(app.metafile.outputs)
  .flatMap(([, output]) => Object.entries(output.inputs))
  .filter(([path]) => path.startsWith('dist/') || path.startsWith('node_modules/'))
  .reduce((sum, [, input]) => sum + input.bytesInOutput, 0)
console.log(
  `console: dist/console/index.html ${(bytes / 1024).toFixed(1)} KiB, ${(gzipSync(page).length / 1024).toFixed(1)} KiB gzipped; the SDK and its dependencies are ${(fromSdk / 1024).toFixed(1)} KiB of it (minified)`,
)
