import type { decodeListing as decode, parseXmlText } from './xml-parser.js'

let parser: typeof parseXmlText | undefined
let listing: typeof decode | undefined
let loading: Promise<void> | undefined

/**
 * Loads the XML parser, once. It is a module of its own, imported on demand, so that only apps that list
 * containers or directories load fast-xml-parser; a failed load (a lost chunk) is retried by the next call.
 */
export function loadXmlParser(): Promise<void> {
  loading ??= import('./xml-parser.js').then(
    (module) => {
      parser = module.parseXmlText
      listing = module.decodeListing
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** Parses the small XML subset of the web API's listings into plain objects of strings; {@link loadXmlParser} first. */
export function parseXml(text: string): Record<string, unknown> {
  if (!parser)
    throw new Error(
      'the XML parser is not loaded (an operation that parses XML needs prepare: loadXmlParser)',
    )
  return parser(text)
}

/** A directory listing's decoding, which loads with the parser ({@link loadXmlParser} first). */
export function decodeListing(...args: Parameters<typeof decode>): ReturnType<typeof decode> {
  if (!listing) throw new Error('the XML parser is not loaded (prepare: loadXmlParser)')
  return listing(...args)
}
