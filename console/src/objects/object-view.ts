import { h, show } from '../element.js'
import { parentPath } from '../routes.js'
import { StatusLine } from '../status-line.js'
import type { ViewContext } from '../view-context.js'
import { formatBytes, hexDump, previewOf } from './object-preview.js'

/** Bytes read for a preview; a larger object shows its first part. */
const previewBytes = 1024 * 1024

/** One object: its size and date, a preview (image, JSON, text or hex), download and delete. */
export function objectView({ client, container, path, signal, go }: ViewContext): HTMLElement {
  const status = new StatusLine()
  const details = h('p', { class: 'muted details' }, '\u00a0')
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' })
  const download = h(
    'a',
    { class: 'button', download: path.split('/').pop() ?? 'object', 'aria-disabled': 'true' },
    'Download',
  )
  const address = { container, path: `/${path}` }
  let objectUrl: string | undefined
  signal.addEventListener('abort', () => objectUrl && URL.revokeObjectURL(objectUrl))

  const load = async () => {
    status.info('Loading…')
    try {
      const head = await client.headObject({ ...address, signal })
      const size = head.output.size
      details.textContent = `${formatBytes(size)}, modified ${head.output.lastModified}`
      const range = size > previewBytes ? { offset: 0, numBytes: previewBytes } : {}
      const { body } = await client.getObject({ ...address, ...range, signal })
      objectUrl = URL.createObjectURL(new Blob([body as Uint8Array<ArrayBuffer>]))
      download.href = objectUrl
      download.removeAttribute('aria-disabled')
      const shown = previewOf(path, body)
      if (shown.kind === 'image') {
        const image = URL.createObjectURL(
          new Blob([body as Uint8Array<ArrayBuffer>], { type: shown.mediaType }),
        )
        signal.addEventListener('abort', () => URL.revokeObjectURL(image))
        show(preview, h('img', { src: image, alt: `Preview of ${path}` }))
      } else if (shown.kind === 'binary') {
        show(preview, h('pre', { class: 'hex', 'data-kind': 'hex' }, hexDump(body)))
      } else {
        show(preview, h('pre', { 'data-kind': shown.kind }, shown.text))
      }
      status.info(
        `${shown.kind === 'binary' ? 'binary (hex)' : shown.kind}${size > previewBytes ? `, first ${formatBytes(previewBytes)}` : ''}`,
      )
    } catch (error) {
      if (!signal.aborted) status.error(error)
    }
  }
  const remove = async () => {
    if (!confirm(`Delete ${path}?`)) return
    try {
      await client.deleteObject({ ...address, signal })
      go({ view: 'directory', container, path: parentPath(path) })
    } catch (error) {
      status.error(error)
    }
  }
  void load()
  return h(
    'section',
    { class: 'panel' },
    h('h1', {}, `${container}/${path}`),
    details,
    h(
      'div',
      { class: 'toolbar' },
      download,
      h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete'),
    ),
    status.element,
    preview,
  )
}
