// fast-xml-parser 4.x declares only its main module, which also loads the XML builder; the SDK imports
// the parser's own module (CommonJS, `module.exports = XMLParser`), typed here with the package's types.
declare module 'fast-xml-parser/src/xmlparser/XMLParser.js' {
  import type { XMLParser } from 'fast-xml-parser'

  const parser: typeof XMLParser
  // biome-ignore lint/style/noDefaultExport: the CommonJS module's `module.exports`, as ESM sees it.
  export default parser
}
