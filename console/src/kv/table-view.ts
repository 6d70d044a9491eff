import type { Client, Item } from 'v3io'
import { h, show } from '../element.js'
import { StatusLine } from '../status-line.js'
import type { ViewContext } from '../view-context.js'
import { attributeCell, columnTypes, type TypedValue } from './attribute-text.js'
import { memberOf, showExpressionError } from './expression-feedback.js'
import { itemEditor } from './item-editor.js'
import { itemsPage } from './items-page.js'

/**
 * A KV table: its items as a table with typed columns, filtered by a filter expression, with a choice of
 * attributes, a page at a time (cursor paging); a row opens the item's editor.
 */
export function tableView({ client, container, path, signal }: ViewContext): HTMLElement {
  const status = new StatusLine()
  const filter = h('input', {
    id: 'filter',
    type: 'search',
    placeholder: "e.g. age > 30 AND city == 'Paris'",
    spellcheck: false,
  })
  const filterError = h('div', { class: 'expression-error', id: 'filter-error', 'aria-live': 'polite' })
  filter.setAttribute('aria-describedby', 'filter-error')
  const attributes = h('input', {
    id: 'attributes',
    placeholder: 'all (or: name, age, …)',
    spellcheck: false,
  })
  const pageSize = h('input', {
    id: 'page-size',
    type: 'number',
    min: 1,
    max: 1000,
    value: '50',
    class: 'narrow',
  })
  const previousButton = h('button', { type: 'button', disabled: true }, 'Previous page')
  const nextButton = h('button', { type: 'button', disabled: true }, 'Next page')
  const table = h('table', { class: 'items' })
  const editor = h('div', { class: 'editor-slot' })
  const markers: (string | undefined)[] = []
  let marker: string | undefined
  let next: string | undefined
  let shown = 0

  const load = async () => {
    status.info('Loading…')
    const names = attributes.value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
    try {
      const page = await itemsPage<Parameters<Client['getItems']>[0], Item>(
        client,
        {
          container,
          path: `/${path}`,
          attributeNames: names.length === 0 ? '*' : ['__name', ...names],
          ...(filter.value.trim() === '' ? {} : { filterExpression: filter.value }),
          decoding: { typed: true },
          signal,
        },
        marker,
        Math.max(1, Number(pageSize.value) || 50),
      )
      showExpressionError(filterError, filter.value, undefined)
      next = page.nextMarker
      previousButton.disabled = markers.length === 0
      nextButton.disabled = next === undefined
      render(page.items)
      const first = shown + 1
      status.info(
        page.items.length === 0
          ? 'No items'
          : `Page ${markers.length + 1}: items ${first}–${shown + page.items.length}${next === undefined ? ' (last page)' : ''}`,
      )
    } catch (error) {
      if (signal.aborted) return
      // An expression error is shown at the filter, with its position; anything else here.
      if (memberOf(error) === 'FilterExpression') status.info('The filter expression was rejected')
      else status.error(error)
      showExpressionError(
        filterError,
        filter.value,
        memberOf(error) === 'FilterExpression' ? error : undefined,
      )
    }
  }
  const render = (items: Item[]) => {
    const typed = items as unknown as Record<string, TypedValue>[]
    const columns = columnTypes(typed)
    const header = h(
      'tr',
      {},
      ...[...columns].map(([name, types]) =>
        h(
          'th',
          { scope: 'col' },
          name,
          types.size > 0 && h('span', { class: 'type' }, ` ${[...types].join('|')}`),
        ),
      ),
    )
    const rows = typed.map((item) => {
      const name = String(item.__name?.value ?? '')
      return h(
        'tr',
        {},
        ...[...columns.keys()].map((column) => {
          if (column === '__name') {
            return h(
              'th',
              { scope: 'row' },
              h('button', { type: 'button', class: 'link', onclick: () => edit(name) }, name),
            )
          }
          const attribute = item[column]
          return h(
            'td',
            { class: attribute ? `type-${attribute.type}` : 'absent' },
            attribute ? attributeCell(attribute) : '',
          )
        }),
      )
    })
    show(table, h('thead', {}, header), h('tbody', {}, ...rows))
  }
  const edit = (name: string) => {
    show(
      editor,
      itemEditor({
        client,
        container,
        path: `/${path}${name}`,
        name,
        signal,
        onChanged: () => void load(),
        onClose: () => show(editor),
      }),
    )
  }
  const restart = (event: Event) => {
    event.preventDefault()
    markers.length = 0
    marker = undefined
    shown = 0
    void load()
  }
  previousButton.addEventListener('click', () => {
    marker = markers.pop()
    shown = Math.max(0, shown - (Number(pageSize.value) || 50))
    void load()
  })
  nextButton.addEventListener('click', () => {
    markers.push(marker)
    marker = next
    shown += table.tBodies[0]?.rows.length ?? 0
    void load()
  })
  void load()
  return h(
    'section',
    { class: 'panel' },
    h('h1', {}, `Items of ${container}/${path}`),
    h(
      'form',
      { class: 'query', onsubmit: restart, 'aria-label': 'Query' },
      h(
        'div',
        { class: 'field wide' },
        h('label', { for: 'filter' }, 'Filter expression'),
        filter,
        filterError,
      ),
      h('div', { class: 'field' }, h('label', { for: 'attributes' }, 'Attributes'), attributes),
      h('div', { class: 'field' }, h('label', { for: 'page-size' }, 'Page size'), pageSize),
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    ),
    h('div', { class: 'toolbar' }, previousButton, nextButton),
    status.element,
    editor,
    h('div', { class: 'scroll' }, table),
  )
}
