/** Builds the small XML subset of the contract: elements and escaped text only. */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']

  open(name: string): this {
    this.parts.push(`<${name}>`)
    return this
  }

  close(name: string): this {
    this.parts.push(`</${name}>`)
    return this
  }

  /** `<name>text</name>`, or `<name/>` for empty text. */
  element(name: string, text: string | number | bigint): this {
    const value = String(text)
    this.parts.push(value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`)
    return this
  }

  toString(): string {
    return this.parts.join('')
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` for listings (ED-28). */
export function listingTime(nanoseconds: bigint): string {
  return new Date(Number(nanoseconds / 1_000_000n)).toISOString()
}

/** `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` for container creation dates (ED-1). */
export function creationDate(nanoseconds: bigint): string {
  const iso = new Date(Number(nanoseconds / 1_000_000n)).toISOString()
  const micros = String((nanoseconds / 1000n) % 1_000_000n).padStart(6, '0')
  return `${iso.slice(0, 19)}.${micros}+00:00`
}

/** IMF-fixdate for `Last-Modified`. */
export function httpDate(nanoseconds: bigint): string {
  return new Date(Number(nanoseconds / 1_000_000n)).toUTCString()
}
