import type { DirectoryEntry, GetContainerContentsOutput, ObjectEntry } from 'v3io'
import { h, show } from '../element.js'
import { formatRoute } from '../routes.js'
import { StatusLine } from '../status-line.js'
import type { ViewContext } from '../view-context.js'
import { formatBytes } from './object-preview.js'
import { overallProgress, uploadFile } from './upload.js'

const pageSizes = [25, 100, 500]

/**
 * A directory: its subdirectories (open, as a table, as a stream) and objects (view, delete), a page at a
 * time (marker paging); files dropped on it, or chosen, are uploaded into it.
 */
export function directoryView({ client, container, path, signal, go }: ViewContext): HTMLElement {
  const status = new StatusLine()
  const pageInfo = h('span', { class: 'page-info muted', role: 'status' })
  const rows = h('tbody')
  const markers: string[] = [] // the markers of the pages before this one
  let marker: string | undefined
  let next: string | undefined
  const pageSize = h(
    'select',
    { id: 'page-size', 'aria-label': 'Entries per page' },
    ...pageSizes.map((size) =>
      h('option', { value: String(size), selected: size === 100 }, `${size} per page`),
    ),
  )
  const previousButton = h('button', { type: 'button', disabled: true }, 'Previous page')
  const nextButton = h('button', { type: 'button', disabled: true }, 'Next page')
  const progress = h('progress', { class: 'upload-progress', max: 1, 'aria-label': 'Upload progress' })
  progress.style.visibility = 'hidden'

  const load = async () => {
    pageInfo.textContent = 'Loading…'
    try {
      const { output } = await client.getContainerContents({
        container,
        path: `/${path}`,
        getAllAttributes: true,
        limit: Number(pageSize.value),
        ...(marker === undefined ? {} : { marker }),
        signal,
      })
      next = output.isTruncated ? output.nextMarker : undefined
      previousButton.disabled = markers.length === 0
      nextButton.disabled = next === undefined
      show(rows, ...listing(output))
      const count = output.commonPrefixes.length + output.contents.length
      pageInfo.textContent = `Page ${markers.length + 1}: ${count} entries${next === undefined ? '' : ', more on the next page'}`
    } catch (error) {
      if (!signal.aborted) status.error(error)
    }
  }
  const remove = async (entry: ObjectEntry) => {
    if (!confirm(`Delete ${entry.key}?`)) return
    try {
      await client.deleteObject({ container, path: `/${entry.key}`, signal })
      status.info(`Deleted ${entry.key}`)
      await load()
    } catch (error) {
      status.error(error)
    }
  }
  const upload = async (files: readonly File[]) => {
    progress.style.visibility = 'visible'
    let done = 0
    const setProgress = (fraction: number | undefined) => {
      const value = overallProgress(done, files.length, fraction)
      if (value === undefined) progress.removeAttribute('value')
      else progress.value = value
    }
    try {
      for (const file of files) {
        status.info(`Uploading ${file.name} (${formatBytes(file.size)})…`)
        await uploadFile(client, { container, path: `/${path}${file.name}` }, file, setProgress, signal)
        done++
      }
      status.info(`Uploaded ${files.map((file) => file.name).join(', ')}`)
      await load()
    } catch (error) {
      if (!signal.aborted) status.error(error)
    } finally {
      progress.style.visibility = 'hidden'
    }
  }

  function listing(output: GetContainerContentsOutput): HTMLElement[] {
    const directories = output.commonPrefixes.map(directoryRow)
    const objects = output.contents.map((entry) => {
      const name = entry.key.slice(path.length)
      return h(
        'tr',
        {},
        h('td', {}, h('a', { href: formatRoute({ view: 'object', container, path: entry.key }) }, name)),
        h('td', { class: 'number' }, formatBytes(entry.size)),
        h('td', {}, entry.lastModified),
        h(
          'td',
          {},
          h(
            'button',
            { type: 'button', class: 'danger', onclick: () => remove(entry), 'aria-label': `Delete ${name}` },
            'Delete',
          ),
        ),
      )
    })
    return [...directories, ...objects]
  }
  function directoryRow(entry: DirectoryEntry): HTMLElement {
    const name = entry.prefix.slice(path.length)
    const at = { container, path: entry.prefix }
    return h(
      'tr',
      { class: 'directory' },
      h('td', {}, h('a', { href: formatRoute({ view: 'directory', ...at }) }, name)),
      h('td', { class: 'number' }, entry.shardCount === undefined ? '' : `${entry.shardCount} shards`),
      h('td', {}, entry.lastModified ?? ''),
      h(
        'td',
        { class: 'actions' },
        h('a', { href: formatRoute({ view: 'table', ...at }) }, 'Items'),
        entry.shardCount !== undefined && h('a', { href: formatRoute({ view: 'stream', ...at }) }, 'Stream'),
      ),
    )
  }

  previousButton.addEventListener('click', () => {
    marker = markers.pop()
    if (marker === '') marker = undefined
    void load()
  })
  nextButton.addEventListener('click', () => {
    markers.push(marker ?? '')
    marker = next
    void load()
  })
  pageSize.addEventListener('change', () => {
    markers.length = 0
    marker = undefined
    void load()
  })
  const chooser = h('input', { type: 'file', id: 'upload-files', multiple: true, class: 'visually-hidden' })
  chooser.addEventListener('change', () => void upload([...(chooser.files ?? [])]))
  const section = h(
    'section',
    { class: 'panel drop-zone', 'aria-label': `Directory ${container}/${path}` },
    h('h1', {}, `${container}/${path}`),
    h(
      'div',
      { class: 'toolbar' },
      h(
        'label',
        {
          for: 'upload-files',
          class: 'button',
          tabindex: 0,
          role: 'button',
          onkeydown: (event: KeyboardEvent) => {
            if (event.key !== 'Enter' && event.key !== ' ') return
            event.preventDefault()
            chooser.click()
          },
        },
        'Upload files…',
      ),
      chooser,
      h('button', { type: 'button', onclick: () => go({ view: 'table', container, path }) }, 'Open as table'),
      pageSize,
      previousButton,
      nextButton,
      pageInfo,
    ),
    h('p', { class: 'hint' }, 'Drop files here to upload them into this directory.'),
    progress,
    status.element,
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'listing' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'Name'),
            h('th', {}, 'Size'),
            h('th', {}, 'Modified'),
            h('th', {}, 'Actions'),
          ),
        ),
        rows,
      ),
    ),
  )
  section.addEventListener('dragover', (event) => {
    event.preventDefault()
    section.classList.add('dragging')
  })
  section.addEventListener('dragleave', () => section.classList.remove('dragging'))
  section.addEventListener('drop', (event) => {
    event.preventDefault()
    section.classList.remove('dragging')
    void upload([...(event.dataTransfer?.files ?? [])])
  })
  void load()
  return section
}
