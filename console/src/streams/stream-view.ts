import { isNotFound, type SequenceNumber, type ShardRecord } from 'v3io'
import { h, show } from '../element.js'
import { StatusLine } from '../status-line.js'
import type { ViewContext } from '../view-context.js'
import { showConsumerGroups } from './consumer-groups.js'
import { recordText } from './record-text.js'
import { tailShard } from './shard-tail.js'

/** Records the tail keeps on the page (the newest). */
const tailLength = 200

/**
 * A stream: its shards with `__last_sequence_num`, a live tail of one shard, a form to put a record, and
 * its consumer groups' members and lag.
 */
export function streamView({ client, container, path, signal }: ViewContext): HTMLElement {
  const stream = { container, path: `/${path.replace(/\/$/, '')}` }
  const status = new StatusLine()
  const shardRows = h('tbody')
  const lastNumbers = new Map<number, SequenceNumber>()
  const shardChoice = h('select', { id: 'record-shard' }, h('option', { value: '' }, 'by partition key'))
  const partitionKey = h('input', { id: 'partition-key', spellcheck: false })
  const data = h('textarea', { id: 'record-data', rows: 2, spellcheck: false })
  const tailTitle = h('h2', {}, 'Tail')
  const tailStatus = new StatusLine()
  const tailList = h('ol', { class: 'records', reversed: true, 'aria-live': 'polite' })
  const groups = h('div', { class: 'groups' })
  let tail: AbortController | undefined

  const lastSequenceNumber = async (shardId: number): Promise<SequenceNumber> => {
    try {
      const { output } = await client.getItem({
        ...stream,
        path: `${stream.path}/${shardId}`,
        attributeNames: ['__last_sequence_num'],
        signal,
      })
      return (output.item.__last_sequence_num as SequenceNumber | undefined) ?? 0
    } catch (error) {
      if (isNotFound(error)) return 0 // a shard without records has no file yet
      throw error
    }
  }
  const load = async () => {
    status.info('Loading…')
    try {
      const { output } = await client.describeStream({ ...stream, signal })
      const ids = Array.from({ length: output.shardCount }, (_, id) => id)
      const numbers = await Promise.all(ids.map(lastSequenceNumber))
      for (const id of ids) lastNumbers.set(id, numbers[id] ?? 0)
      show(
        shardRows,
        ...ids.map((id) =>
          h(
            'tr',
            { 'data-shard': id },
            h('th', { scope: 'row' }, id),
            h('td', { class: 'number last' }, lastNumbers.get(id) ?? 0),
            h(
              'td',
              {},
              h(
                'button',
                { type: 'button', onclick: () => startTail(id), 'aria-label': `Tail shard ${id}` },
                'Tail',
              ),
            ),
          ),
        ),
      )
      if (shardChoice.options.length !== output.shardCount + 1) {
        show(
          shardChoice,
          h('option', { value: '' }, 'by partition key'),
          ...ids.map((id) => h('option', { value: String(id) }, `shard ${id}`)),
        )
      }
      status.info(`${output.shardCount} shards, retention ${output.retentionPeriodHours} h`)
      await showConsumerGroups(groups, client, stream, signal)
    } catch (error) {
      if (!signal.aborted) status.error(error)
    }
  }
  const startTail = (shardId: number) => {
    tail?.abort()
    tail = new AbortController()
    const stop = tail
    signal.addEventListener('abort', () => stop.abort())
    tailTitle.textContent = `Tail of shard ${shardId}`
    show(tailList)
    let count = 0
    tailStatus.info(`Following shard ${shardId} (records after ${lastNumbers.get(shardId) ?? 0})`)
    const add = (record: ShardRecord) => {
      count++
      tailList.prepend(
        h(
          'li',
          { value: count },
          h('span', { class: 'sequence' }, `#${record.sequenceNumber}`),
          h('time', { datetime: record.arrivalTime.toISOString() }, record.arrivalTime.toISOString()),
          record.partitionKey !== undefined && h('span', { class: 'muted' }, `key ${record.partitionKey}`),
          h('code', {}, recordText(record.data)),
        ),
      )
      tailList.children[tailLength]?.remove()
      lastNumbers.set(shardId, record.sequenceNumber)
      const cell = shardRows.querySelector(`tr[data-shard="${shardId}"] .last`)
      if (cell) cell.textContent = String(record.sequenceNumber)
      tailStatus.info(`Following shard ${shardId}: ${count} new records`)
    }
    tailShard(
      client,
      { ...stream, path: `${stream.path}/${shardId}`, after: lastNumbers.get(shardId) ?? 0 },
      add,
      stop.signal,
    ).catch((error: unknown) => tailStatus.error(error))
  }
  const put = async (event: Event) => {
    event.preventDefault()
    const shard = shardChoice.value === '' ? {} : { shardId: Number(shardChoice.value) }
    const key = partitionKey.value === '' ? {} : { partitionKey: partitionKey.value }
    try {
      const { output } = await client.putRecords({
        ...stream,
        records: [{ data: data.value, ...shard, ...key }],
        signal,
      })
      const result = output.records[0]
      if (output.failedRecordCount > 0 || result?.sequenceNumber === undefined) {
        status.info(`Record refused: ${result?.errorMessage ?? 'unknown error'}`)
        return
      }
      status.info(`Put record #${result.sequenceNumber} in shard ${result.shardId}`)
    } catch (error) {
      status.error(error)
    }
  }
  void load()
  return h(
    'section',
    { class: 'panel' },
    h('h1', {}, `Stream ${container}${stream.path}`),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', onclick: () => void load() }, 'Refresh')),
    status.element,
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'shards' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}, 'Shard'), h('th', {}, '__last_sequence_num'), h('th', {}, 'Live')),
        ),
        shardRows,
      ),
    ),
    h(
      'form',
      { class: 'put-record', onsubmit: put, 'aria-label': 'Put a record' },
      h('h2', {}, 'Put a record'),
      h('div', { class: 'field' }, h('label', { for: 'record-shard' }, 'Shard'), shardChoice),
      h('div', { class: 'field' }, h('label', { for: 'partition-key' }, 'Partition key'), partitionKey),
      h('div', { class: 'field wide' }, h('label', { for: 'record-data' }, 'Data'), data),
      h('button', { type: 'submit', class: 'primary' }, 'Put record'),
    ),
    tailTitle,
    tailStatus.element,
    tailList,
    h('h2', {}, 'Consumer groups'),
    groups,
  )
}
