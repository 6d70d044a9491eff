const inspect = Symbol.for('nodejs.util.inspect.custom')
const inheritedInspect = (Headers.prototype as unknown as Record<symbol, unknown>)[inspect]

/**
 * A response's headers: a real `Headers` object that copies Node's raw header list into itself only
 * when first used. Filling a `Headers` validates and lower-cases every name and value (about 2 µs per
 * response) while most responses are asked for one header or none; `get` answers those from the raw
 * list directly. Every other method, iteration and `util.inspect` fill it first, so that it behaves
 * exactly as a `Headers` built eagerly — through its own methods. Known limit: `Headers.prototype`'s
 * methods called on it directly (`Headers.prototype.get.call(headers, name)`; the SDK never does)
 * see an empty object until a first use has filled it
 * (docs/decisions-speed.md, SP-9).
 */
export class ResponseHeaders extends Headers {
  // Node's `rawHeaders` (`[name, value, …]`, as received); undefined once copied into the Headers.
  #raw: string[] | undefined

  constructor(raw: string[]) {
    super()
    this.#raw = raw
  }

  #fill(): void {
    const raw = this.#raw
    if (raw === undefined) return
    this.#raw = undefined
    for (let index = 0; index < raw.length; index += 2) super.append(raw[index]!, raw[index + 1]!)
  }

  override get(name: string): string | null {
    const raw = this.#raw
    if (raw !== undefined && typeof name === 'string') {
      let found: string | undefined
      for (let index = 0; index < raw.length; index += 2) {
        if (!sameName(raw[index]!, name)) continue
        // A repeated header combines its values: leave that (and anything unusual) to Headers.
        if (found !== undefined) {
          found = undefined
          break
        }
        found = raw[index + 1]!
      }
      if (found !== undefined && isTrimmed(found)) return found
    }
    this.#fill()
    return super.get(name)
  }

  override has(name: string): boolean {
    this.#fill()
    return super.has(name)
  }

  override set(name: string, value: string): void {
    this.#fill()
    super.set(name, value)
  }

  override append(name: string, value: string): void {
    this.#fill()
    super.append(name, value)
  }

  override delete(name: string): void {
    this.#fill()
    super.delete(name)
  }

  override getSetCookie(): string[] {
    this.#fill()
    return super.getSetCookie()
  }

  override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill()
    super.forEach(callback, thisArg)
  }

  override entries(): HeadersIterator<[string, string]> {
    this.#fill()
    return super.entries()
  }

  override keys(): HeadersIterator<string> {
    this.#fill()
    return super.keys()
  }

  override values(): HeadersIterator<string> {
    this.#fill()
    return super.values()
  }

  override [Symbol.iterator](): HeadersIterator<[string, string]> {
    this.#fill()
    return super.entries()
  }

  /** Shows the headers in `console.log` and `util.inspect` as Node shows any `Headers`. */
  [inspect](...args: unknown[]): unknown {
    this.#fill()
    return typeof inheritedInspect === 'function' ? inheritedInspect.apply(this, args) : this
  }
}

/**
 * Whether a header name from the wire equals `name` ignoring ASCII case, as `Headers` compares them.
 * Wire names are HTTP tokens, so a match also proves `name` valid; non-ASCII letters never fold.
 */
function sameName(wire: string, name: string): boolean {
  if (wire.length !== name.length) return false
  for (let index = 0; index < name.length; index++) {
    const a = wire.charCodeAt(index)
    const b = name.charCodeAt(index)
    if (a === b) continue
    const folded = a | 0x20
    if (folded !== (b | 0x20) || folded < 0x61 || folded > 0x7a) return false
  }
  return true
}

/** Whether a value has no surrounding whitespace that `Headers` would strip (Node already strips it). */
function isTrimmed(value: string): boolean {
  if (value.length === 0) return true
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(value.length - 1)
  return first !== 0x20 && first !== 0x09 && last !== 0x20 && last !== 0x09
}
