/**
 * `AttributesToGet` (kv.md "GetItem", "GetItems", ED-33, ED-33R): which attributes a read returns and in
 * which order.
 */

import type { StoredNode } from '../storage/nodes.js'
import { attributeClass, isSystemAttributeName } from './attribute-names.js'
import { systemAttribute, systemAttributes } from './system-attributes.js'
import type { AttributeValue } from './values.js'

/** GetItem's `*` means user attributes; GetItems' `*` adds `__name` (*Documented*). */
export type SelectionScope = 'item' | 'items'

/** One element of a parsed `AttributesToGet`. */
export type SelectionEntry =
  | { readonly kind: 'user' }
  | { readonly kind: 'all' }
  | { readonly kind: 'name'; readonly name: string }

/** A parsed `AttributesToGet`, ready to apply to any number of objects. */
export interface AttributeSelection {
  readonly scope: SelectionScope
  readonly entries: readonly SelectionEntry[]
}

/** An attribute as returned: name and value, in response order. */
export type NamedValue = readonly [string, AttributeValue]

/**
 * Parses `AttributesToGet`: comma-separated names taken as written — the platform allows no spaces
 * around commas, so `" b"` names an attribute that cannot exist (ED-33R) — empty names ignored, `*` and
 * `**` expanded where they appear; absent or empty means `*` (ED-33).
 */
export function parseAttributesToGet(text: string | undefined, scope: SelectionScope): AttributeSelection {
  const entries: SelectionEntry[] = []
  for (const name of (text ?? '').split(',')) {
    if (name === '') continue
    if (name === '*') entries.push({ kind: 'user' })
    else if (name === '**') entries.push({ kind: 'all' })
    else entries.push({ kind: 'name', name })
  }
  if (entries.length === 0) entries.push({ kind: 'user' })
  return { scope, entries }
}

/** User and hidden attribute names of a node; attribute names are ASCII, so code-unit order is UTF-8 order. */
function sortedNames(node: StoredNode): string[] {
  return [...node.attributes.keys()].sort()
}

/**
 * The attributes `selection` picks from `node`: for `*`/`**` user (and hidden) attributes by name, then
 * system attributes in table order; for a list, the list's order; each attribute at most once, missing
 * ones omitted.
 */
export function selectAttributes(node: StoredNode, selection: AttributeSelection): NamedValue[] {
  const result: NamedValue[] = []
  const seen = selection.entries.length > 1 ? new Set<string>() : undefined
  const add = (name: string, value: AttributeValue | undefined) => {
    if (value === undefined || seen?.has(name)) return
    seen?.add(name)
    result.push([name, value])
  }
  for (const entry of selection.entries) {
    if (entry.kind === 'name') {
      const name = entry.name
      add(name, isSystemAttributeName(name) ? systemAttribute(node, name) : node.attributes.get(name))
      continue
    }
    for (const name of sortedNames(node)) {
      if (entry.kind === 'all' || attributeClass(name) === 'user') add(name, node.attributes.get(name))
    }
    if (entry.kind === 'all') for (const [name, value] of systemAttributes(node)) add(name, value)
    else if (selection.scope === 'items') add('__name', systemAttribute(node, '__name'))
  }
  return result
}
