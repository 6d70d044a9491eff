/** What `h` accepts as a child: nodes, text, and nothing (`false`, `null`, `undefined` are skipped). */
export type Child = Node | string | number | bigint | false | null | undefined

/** Attributes and listeners of `h`: `on<event>` keys are listeners, other keys properties or attributes. */
export type Props = Record<string, unknown>

/**
 * Creates an element (a tiny hyperscript, so that the console needs no UI library). Keys naming a
 * property of the element (`value`, `disabled`, `hidden`…) set it; `on<event>` adds a listener; the rest
 * become attributes (`class`, `aria-*`, `data-*`…).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener)
    } else if (key in element && !key.includes('-') && key !== 'list') {
      ;(element as unknown as Record<string, unknown>)[key] = value
    } else {
      element.setAttribute(key, value === true ? '' : String(value))
    }
  }
  append(element, children)
  return element
}

/** Appends children, skipping the empty ones. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

/** Replaces every child of `parent`. */
export function show(parent: Node, ...children: Child[]): void {
  ;(parent as Element).replaceChildren()
  append(parent, children)
}
