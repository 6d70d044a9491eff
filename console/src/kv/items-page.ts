import type { Client, Item } from 'v3io'

/** A page of a table: its items, and the marker of the next page when there is one. */
export interface ItemsPage {
  readonly items: Item[]
  readonly nextMarker: string | undefined
}

/**
 * Reads one page of `pageSize` items from `marker` on. A GetItems response may hold fewer items than
 * asked (it ends at virtual-node boundaries and after a time budget), so this follows the markers until
 * the page is full or the table ends: the user sees even pages.
 */
export async function itemsPage(
  client: Pick<Client, 'getItems'>,
  query: Omit<Parameters<Client['getItems']>[0], 'limit' | 'marker'>,
  marker: string | undefined,
  pageSize: number,
): Promise<ItemsPage> {
  const items: Item[] = []
  let next = marker
  for (;;) {
    const { output } = await client.getItems({
      ...query,
      limit: pageSize - items.length,
      ...(next === undefined ? {} : { marker: next }),
    })
    items.push(...output.items)
    next = output.last ? undefined : output.nextMarker
    if (next === undefined || items.length >= pageSize) return { items, nextMarker: next }
  }
}
