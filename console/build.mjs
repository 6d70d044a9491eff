// Builds the web console into one page, dist/console/index.html: the app and its styles inlined, with a
// Content-Security-Policy that allows exactly those two by hash. The app imports `v3io` as any user's app
// does, but gets the SDK from the CDN build beside it (dist/v3io.global.js and the files it loads on
// demand), which the emulator serves under /_console/: the package then holds one browser copy of the SDK,
// not two (docs/console.md, docs/decisions-package.md PK-8).
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'

const root = new URL('..', import.meta.url)
const read = (path) => readFileSync(new URL(path, root), 'utf8')

// The SDK as the CDN script defines it: `import { Client } from 'v3io'` reads the global `v3io`.
const sdkGlobal = {
  name: 'v3io-global',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^v3io$/ }, () => ({ path: 'v3io', namespace: 'v3io-global' }))
    pluginBuild.onLoad({ filter: /.*/, namespace: 'v3io-global' }, () => ({
      contents: 'module.exports = globalThis.v3io',
      loader: 'js',
    }))
  },
}

const app = await build({
  entryPoints: [new URL('console/src/main.ts', root).pathname],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // Not the repository's tsconfig: its `paths` maps `v3io` to src/ for type checking.
  tsconfigRaw: '{}',
  plugins: [sdkGlobal],
  write: false,
  metafile: true,
})
// The app starts once the SDK's script has run (it reads the global at start). Relative to /console/ and
// to /console alike, `../_console/` is /_console/.
const sdkScript = '../_console/v3io.global.js'
const loader = `(()=>{const s=document.createElement("script");s.src=${JSON.stringify(sdkScript)};s.onload=()=>{${app.outputFiles[0].text.trim()}};s.onerror=()=>{document.body.textContent="The v3io console could not load the SDK (${sdkScript}): serve it with v3io-emulator --console."};document.head.append(s)})();`
// A script element ends at the first `</script`, wherever it appears; `<\/` means the same in JS.
const script = loader.replaceAll('</script', '<\\/script')
const css = ['base', 'screens'].map((name) => read(`console/src/styles/${name}.css`)).join('\n')
const style = (await transform(css, { loader: 'css', minify: true })).code.trim()
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
const policy = [
  "default-src 'none'",
  // 'strict-dynamic': the scripts the hashed one adds (the SDK) and those they import (its on-demand
  // files) run too; nothing else does, whatever the page's host.
  `script-src ${hash(script)} 'strict-dynamic'`,
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
const bundled = Object.keys(app.metafile.inputs).filter((path) => !path.startsWith('console/'))
if (bundled.some((path) => path !== 'v3io-global:v3io'))
  throw new Error(`the console bundles files outside console/: ${bundled.join(', ')}`)
console.log(
  `console: dist/console/index.html ${(bytes / 1024).toFixed(1)} KiB, ${(gzipSync(page).length / 1024).toFixed(1)} KiB gzipped (the SDK comes from ${sdkScript})`,
)
