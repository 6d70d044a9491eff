/**
 * JSON parsing that never rounds integers: an integer beyond ±(2^53-1) becomes a `bigint`. Plain
 * `JSON.parse` is used whenever the text holds no digit run long enough to be such an integer, so the
 * common case costs nothing extra.
 */

const longDigitRun = /\d{16}/

/** Parses JSON text; integers that a `number` cannot hold exactly are returned as `bigint`. */
export function parseJson(text: string): unknown {
  if (!longDigitRun.test(text)) return JSON.parse(text)
  const parser = new LosslessParser(text)
  const value = parser.value()
  parser.end()
  return value
}

const whitespace = new Set([' ', '\t', '\n', '\r'])

class LosslessParser {
  private at = 0
  constructor(private readonly text: string) {}

  value(): unknown {
    this.skip()
    const c = this.text[this.at]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number()
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length
        return value
      }
    }
    return this.fail('unexpected token')
  }

  end(): void {
    this.skip()
    if (this.at !== this.text.length) this.fail('unexpected trailing text')
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {}
    this.at++
    this.skip()
    if (this.text[this.at] === '}') {
      this.at++
      return result
    }
    for (;;) {
      this.skip()
      if (this.text[this.at] !== '"') this.fail('expected a member name')
      const name = this.string()
      this.skip()
      if (this.text[this.at++] !== ':') this.fail('expected ":"')
      Object.defineProperty(result, name, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      })
      this.skip()
      const next = this.text[this.at++]
      if (next === '}') return result
      if (next !== ',') this.fail('expected "," or "}"')
    }
  }

  private array(): unknown[] {
    const result: unknown[] = []
    this.at++
    this.skip()
    if (this.text[this.at] === ']') {
      this.at++
      return result
    }
    for (;;) {
      result.push(this.value())
      this.skip()
      const next = this.text[this.at++]
      if (next === ']') return result
      if (next !== ',') this.fail('expected "," or "]"')
    }
  }

  private string(): string {
    // Find the closing quote, then let JSON.parse handle the escapes of that one literal.
    let end = this.at + 1
    for (;;) {
      const c = this.text[end]
      if (c === undefined) this.fail('unterminated string')
      if (c === '\\') end += 2
      else if (c === '"') break
      else end++
    }
    const literal = this.text.slice(this.at, end + 1)
    this.at = end + 1
    return JSON.parse(literal) as string
  }

  private number(): number | bigint {
    const match = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
    match.lastIndex = this.at
    const found = match.exec(this.text)
    if (!found) return this.fail('malformed number')
    this.at += found[0].length
    const number = Number(found[0])
    if (found[1] === undefined && found[2] === undefined && !Number.isSafeInteger(number))
      return BigInt(found[0])
    return number
  }

  private skip(): void {
    while (whitespace.has(this.text[this.at] ?? '')) this.at++
  }

  private fail(message: string): never {
    throw new SyntaxError(`${message} at offset ${this.at} of JSON text`)
  }
}
