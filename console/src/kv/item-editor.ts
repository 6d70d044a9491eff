import { type Client, isConditionFailed, Timestamp, TypedAttribute } from 'v3io'
import { h, show } from '../element.js'
import { StatusLine } from '../status-line.js'
import {
  attributeText,
  type EditableType,
  editableTypes,
  type ParsedValue,
  parseAttributeText,
  type TypedValue,
} from './attribute-text.js'
import { memberOf, showExpressionError } from './expression-feedback.js'

/** What the editor needs: the item's address and what to do when it changed or closes. */
export interface ItemEditorOptions {
  readonly client: Client
  readonly container: string
  /** The item's path, with a leading `/`. */
  readonly path: string
  readonly name: string
  readonly signal: AbortSignal
  readonly onChanged: () => void
  readonly onClose: () => void
}

interface AttributeRow {
  readonly name: HTMLInputElement
  readonly type: HTMLSelectElement
  readonly value: HTMLInputElement
  readonly original: string | undefined
  readonly originalType: string | undefined
}

/**
 * One item: edit its attributes (value and type; saved with UpdateItem, merging), run an update
 * expression guarded by a condition, or delete it.
 */
export function itemEditor(options: ItemEditorOptions): HTMLElement {
  const { client, container, path, name, signal } = options
  const status = new StatusLine()
  const rows: AttributeRow[] = []
  const fields = h('div', { class: 'attributes' })
  const expression = h('textarea', {
    id: 'update-expression',
    rows: 2,
    spellcheck: false,
    placeholder: 'e.g. age = age + 1',
  })
  const condition = h('input', {
    id: 'condition',
    spellcheck: false,
    placeholder: 'e.g. age < 100 (optional)',
  })
  const expressionError = h('div', {
    class: 'expression-error',
    id: 'update-expression-error',
    'aria-live': 'polite',
  })
  const conditionError = h('div', { class: 'expression-error', id: 'condition-error', 'aria-live': 'polite' })
  const address = { container, path, signal }

  const addRow = (attribute: string, typed: TypedValue | undefined) => {
    const row: AttributeRow = {
      name: h('input', {
        value: attribute,
        readOnly: typed !== undefined,
        'aria-label': 'Attribute name',
        spellcheck: false,
      }),
      type: h(
        'select',
        { 'aria-label': `Type of ${attribute || 'new attribute'}` },
        ...editableTypes.map((type) =>
          h('option', { value: type, selected: type === (typed?.type ?? 'string') }, type),
        ),
      ),
      value: h('input', {
        value: typed ? attributeText(typed) : '',
        'aria-label': `Value of ${attribute || 'new attribute'}`,
        spellcheck: false,
      }),
      original: typed ? attributeText(typed) : undefined,
      originalType: typed?.type,
    }
    rows.push(row)
    fields.append(h('div', { class: 'attribute' }, row.name, row.type, row.value))
  }
  const load = async (report: boolean) => {
    try {
      const { output } = await client.getItem({ ...address, attributeNames: '*', decoding: { typed: true } })
      rows.length = 0
      show(fields)
      for (const [attribute, typed] of Object.entries(output.item))
        addRow(attribute, typed as unknown as TypedValue)
      if (report) status.info(`${rows.length} attributes`)
    } catch (error) {
      if (!signal.aborted) status.error(error)
    }
  }
  const save = async (event: Event) => {
    event.preventDefault()
    const attributes: Record<string, TypedAttribute> = {}
    try {
      for (const row of rows) {
        const attribute = row.name.value.trim()
        if (attribute === '' || (row.value.value === row.original && row.type.value === row.originalType))
          continue
        attributes[attribute] = typedAttribute(
          parseValue(attribute, row.type.value as EditableType, row.value.value),
        )
      }
    } catch (error) {
      status.error(error)
      return
    }
    if (Object.keys(attributes).length === 0) {
      status.info('Nothing changed')
      return
    }
    try {
      await client.updateItem({ ...address, attributes })
      status.info(`Saved ${Object.keys(attributes).join(', ')}`)
      options.onChanged()
      await load(false)
    } catch (error) {
      status.error(error)
    }
  }
  const run = async (event: Event) => {
    event.preventDefault()
    showExpressionError(expressionError, '', undefined)
    showExpressionError(conditionError, '', undefined)
    try {
      await client.updateItem({
        ...address,
        expression: expression.value,
        ...(condition.value.trim() === '' ? {} : { condition: condition.value }),
      })
      status.info('Update expression applied')
      options.onChanged()
      await load(false)
    } catch (error) {
      if (isConditionFailed(error)) {
        status.info('Condition not met: nothing changed')
        return
      }
      status.error(error)
      if (memberOf(error) === 'ConditionExpression')
        showExpressionError(conditionError, condition.value, error)
      else showExpressionError(expressionError, expression.value, error)
    }
  }
  const remove = async () => {
    if (!confirm(`Delete item ${name}?`)) return
    try {
      await client.deleteItem(address)
      options.onChanged()
      options.onClose()
    } catch (error) {
      status.error(error)
    }
  }
  void load(true)
  return h(
    'section',
    { class: 'editor', 'aria-label': `Item ${name}` },
    h('h2', {}, `Item ${name}`),
    status.element,
    h(
      'form',
      { onsubmit: save, 'aria-label': 'Attributes' },
      fields,
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', onclick: () => addRow('', undefined) }, 'Add attribute'),
        h('button', { type: 'submit', class: 'primary' }, 'Save attributes'),
      ),
    ),
    h(
      'form',
      { onsubmit: run, 'aria-label': 'Update expression' },
      h('label', { for: 'update-expression' }, 'Update expression'),
      expression,
      expressionError,
      h('label', { for: 'condition' }, 'Condition'),
      condition,
      conditionError,
      h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary' }, 'Run update')),
    ),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete item'),
      h('button', { type: 'button', onclick: options.onClose }, 'Close'),
    ),
  )
}

function parseValue(attribute: string, type: EditableType, text: string): ParsedValue {
  try {
    return parseAttributeText(type, text)
  } catch (error) {
    throw new Error(`${attribute}: ${(error as Error).message}`)
  }
}

function typedAttribute(parsed: ParsedValue): TypedAttribute {
  if (parsed.type === 'timestamp')
    return new TypedAttribute('timestamp', new Timestamp(parsed.seconds, parsed.nanoseconds))
  return new TypedAttribute(parsed.type, parsed.value as never)
}
