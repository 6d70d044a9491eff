/** A page of a table: its items, and the marker of the next page when there is one. */
export interface ItemsPage<I> {
  readonly items: I[]
  readonly nextMarker: string | undefined
}

/** What paging needs of the SDK client (`Client` has it); `Q` is the query's other GetItems options. */
export interface ItemsReader<Q, I> {
  getItems(options: Q & { limit: number; marker?: string }): Promise<{
    output: { items: I[]; last: boolean; nextMarker?: string | undefined }
  }>
}

/**
 * Reads one page of `pageSize` items from `marker` on. A GetItems response may hold fewer items than
 * asked (it ends at virtual-node boundaries and after a time budget), so this follows the markers until
 * the page is full or the table ends: the user sees even pages.
 */
export async function itemsPage<Q extends object, I>(
  client: ItemsReader<Q, I>,
  query: Q,
  marker: string | undefined,
  pageSize: number,
): Promise<ItemsPage<I>> {
  const items: I[] = []
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
