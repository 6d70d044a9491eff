import type { Client } from 'v3io'
import { h, show } from '../element.js'
import { describeError } from '../errors.js'

/** The state item of a consumer group is `<stream>/<group>-state.json` (the Go SDK's layout). */
const stateSuffix = '-state.json'

/** The names of the stream's consumer groups, found by their state items. */
export async function consumerGroupNames(
  client: Pick<Client, 'containerContentsPages'>,
  stream: { container: string; path: string },
  signal: AbortSignal,
): Promise<string[]> {
  const names: string[] = []
  for await (const page of client.containerContentsPages({ ...stream, signal })) {
    for (const entry of page.contents) {
      const file = entry.key.split('/').pop() ?? ''
      if (file.endsWith(stateSuffix)) names.push(file.slice(0, -stateSuffix.length))
    }
  }
  return names
}

/**
 * Fills `target` with each group's members (id, last heartbeat, shards) and its lag per shard, or says
 * that the stream has no consumer group.
 */
export async function showConsumerGroups(
  target: HTMLElement,
  client: Client,
  stream: { container: string; path: string },
  signal: AbortSignal,
): Promise<void> {
  try {
    const names = await consumerGroupNames(client, stream, signal)
    if (names.length === 0) {
      show(target, h('p', { class: 'muted' }, 'No consumer groups.'))
      return
    }
    const groups = await Promise.all(
      names.map(async (name) => {
        // maxReplicas matters only to members that join; reading state and lag does not use it.
        const group = client.consumerGroup({ ...stream, name, maxReplicas: 1 })
        const [state, lag] = await Promise.all([group.state({ signal }), group.lag({ signal })])
        return h(
          'article',
          { class: 'group', 'data-group': name },
          h('h3', {}, `Group ${name}`),
          h(
            'table',
            { class: 'members' },
            h('caption', {}, `${state.sessions.length} members`),
            h(
              'thead',
              {},
              h('tr', {}, h('th', {}, 'Member'), h('th', {}, 'Last heartbeat'), h('th', {}, 'Shards')),
            ),
            h(
              'tbody',
              {},
              ...state.sessions.map((session) =>
                h(
                  'tr',
                  {},
                  h('td', {}, session.memberId),
                  h('td', {}, session.lastHeartbeatTimeText),
                  h('td', {}, session.shards.join(', ')),
                ),
              ),
            ),
          ),
          h(
            'table',
            { class: 'lag' },
            h('caption', {}, 'Lag per shard'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, 'Shard'),
                h('th', {}, 'Last'),
                h('th', {}, 'Committed'),
                h('th', {}, 'Lag'),
              ),
            ),
            h(
              'tbody',
              {},
              ...lag.map((shard) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'number' }, shard.shardId),
                  h('td', { class: 'number' }, shard.lastSequenceNumber),
                  h('td', { class: 'number' }, shard.committedSequenceNumber ?? '—'),
                  h('td', { class: 'number' }, shard.lag),
                ),
              ),
            ),
          ),
        )
      }),
    )
    show(target, ...groups)
  } catch (error) {
    if (!signal.aborted) show(target, h('p', { class: 'error' }, describeError(error)))
  }
}
