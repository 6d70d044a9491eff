import { decodeError } from '../../core/decode.js'
import type { RawResponse, RequestDescriptor } from '../../core/descriptor.js'
import { decodeUtf8 } from '../../core/utf8.js'

type XmlModule = typeof import('./listing-xml.js')

let loaded: XmlModule | undefined
let loading: Promise<void> | undefined

/**
 * Loads the XML parser, once. It is a module of its own, imported on demand, so that only apps that list
 * containers or directories load fast-xml-parser (and the listings' decoding, which it holds); a failed
 * load (a lost chunk) is retried by the next call. `undefined` once loaded (nothing left to await).
 */
export function loadXmlParser(): Promise<void> | undefined {
  if (loaded) return undefined
  loading ??= import('./listing-xml.js').then(
    (module) => {
      loaded = module
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The loaded listing-xml.ts ({@link loadXmlParser} first): the parser and the listings' decoding. */
export function xmlModule(): XmlModule {
  if (!loaded)
    throw new Error(
      'the XML parser is not loaded (an operation that parses XML needs prepare: loadXmlParser)',
    )
  return loaded
}

/** Parses the small XML subset of the web API's listings into plain objects of strings; {@link loadXmlParser} first. */
export function parseXml(text: string): Record<string, unknown> {
  return xmlModule().parseXmlText(text)
}

/** Parses an XML listing body, or raises a decode error ({@link loadXmlParser} first). */
export function decodeXmlBody(response: RawResponse, descriptor: RequestDescriptor): Record<string, unknown> {
  try {
    return parseXml(decodeUtf8(response.body))
  } catch (error) {
    throw decodeError(response, descriptor, `malformed XML (${(error as Error).message})`)
  }
}
