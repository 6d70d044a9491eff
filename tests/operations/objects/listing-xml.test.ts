import { describe, expect, it } from 'vitest'
import { parseXmlText } from '../../../src/operations/objects/listing-xml.js'

// The parser's behaviour that the listings rely on, pinned here so that an upgrade of fast-xml-parser
// that changes it fails a test (docs/decisions-browser.md: 5.5.12 capped entity expansions at 1,000 per
// document, which a listing of 1,000 keys with `&` in them exceeds).
describe('parseXmlText (fast-xml-parser, as the listings configure it)', () => {
  it('decodes XML and HTML entities, keeps values as trimmed strings, and makes repeated elements arrays', () => {
    const parsed = parseXmlText(
      '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>c</Name>' +
        '<Prefix>a&amp;b &lt;x&gt; &quot;q&quot; &apos;s&apos; &#233;&#x1F600; &copy;</Prefix>' +
        '<Contents><Key> 007 </Key><Size>1e3</Size></Contents><CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes>' +
        '</ListBucketResult>',
    )
    expect(parsed).toEqual({
      ListBucketResult: {
        Name: 'c',
        Prefix: 'a&b <x> "q" \'s\' é😀 ©',
        Contents: [{ Key: '007', Size: '1e3' }],
        CommonPrefixes: [{ Prefix: 'd/' }],
      },
    })
  })

  it('decodes a page of 1,000 keys holding 30,000 entities', () => {
    const entities = '&amp;'.repeat(29)
    const keys = Array.from(
      { length: 1000 },
      (_, index) => `<Contents><Key>k&lt;${index}${entities}</Key></Contents>`,
    )
    const parsed = parseXmlText(`<ListBucketResult>${keys.join('')}</ListBucketResult>`) as {
      ListBucketResult: { Contents: { Key: string }[] }
    }
    const contents = parsed.ListBucketResult.Contents
    expect(contents).toHaveLength(1000)
    expect(contents[999]?.Key).toBe(`k<999${'&'.repeat(29)}`)
  })

  it('rejects malformed XML', () => {
    expect(() => parseXmlText('<ListBucketResult><Name>c</ListBucketResult>')).toThrow()
  })
})
