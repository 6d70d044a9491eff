// The parser alone: the package's main module also loads its XML builder and validator entry points.
import XMLParser from 'fast-xml-parser/src/xmlparser/XMLParser.js'

// Elements that repeat in listings: always arrays, even when a response holds only one.
const repeated = new Set(['Bucket', 'Contents', 'CommonPrefixes'])

let parser: InstanceType<typeof XMLParser> | undefined

/** Parses the small XML subset of the web API's listings into plain objects of strings. */
export function parseXmlText(text: string): Record<string, unknown> {
  parser ??= new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    parseTagValue: false,
    trimValues: true,
    htmlEntities: true,
    isArray: (name) => repeated.has(name),
  })
  return parser.parse(text, true) as Record<string, unknown>
}
