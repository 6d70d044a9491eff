import { beforeAll, describe, expect, it } from 'vitest'
import { DecodeError } from '../../../src/index.js'
import { getContainers } from '../../../src/operations/objects/get-containers.js'
import { rawResponse } from '../../support/raw-response.js'

const descriptor = getContainers.encode(undefined)

describe('getContainers', () => {
  // decode needs the XML parser, which the operation loads on demand (prepare).
  beforeAll(() => getContainers.prepare?.())

  it('encodes GET / without function header', () => {
    expect(descriptor).toEqual({
      operation: 'ListContainers',
      method: 'GET',
      path: '/',
      headers: {},
      idempotent: true,
    })
  })

  it('decodes the contract example (ListBucketResult root)', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Owner><ID>000000000000000000000000000000</ID><DisplayName>admin</DisplayName></Owner><Buckets><Bucket><Name>bigdata</Name><CreationDate>2024-05-01T10:00:00.000000+00:00</CreationDate><Id>1026</Id></Bucket><Bucket><Name>users</Name><CreationDate>2024-05-01T10:00:00.000000+00:00</CreationDate><Id>1027</Id></Bucket></Buckets></ListBucketResult>'
    expect(getContainers.decode(rawResponse(200, xml), descriptor)).toEqual({
      containers: [
        { name: 'bigdata', creationDate: '2024-05-01T10:00:00.000000+00:00', id: 1026 },
        { name: 'users', creationDate: '2024-05-01T10:00:00.000000+00:00', id: 1027 },
      ],
    })
  })

  it('accepts the documented ListAllMyBucketsResult root, pretty-printed, with one bucket', () => {
    const xml = `<ListAllMyBucketsResult>
      <Buckets>
        <Bucket><Name>a&amp;b</Name><CreationDate>2021-01-17T12:41:10.258000+00:00</CreationDate><Id>7</Id></Bucket>
      </Buckets>
    </ListAllMyBucketsResult>`
    expect(getContainers.decode(rawResponse(200, xml), descriptor).containers).toEqual([
      { name: 'a&b', creationDate: '2021-01-17T12:41:10.258000+00:00', id: 7 },
    ])
  })

  it('decodes an empty bucket list', () => {
    expect(
      getContainers.decode(rawResponse(200, '<ListBucketResult><Buckets/></ListBucketResult>'), descriptor),
    ).toEqual({
      containers: [],
    })
  })

  it('raises a decode error on a body that is not a bucket list', () => {
    expect(() => getContainers.decode(rawResponse(200, '<html>proxy error</html>'), descriptor)).toThrow(
      DecodeError,
    )
    expect(() => getContainers.decode(rawResponse(200, 'not xml <'), descriptor)).toThrow(DecodeError)
  })
})

describe('the XML parser', () => {
  it('is loaded by the listing operations only; the JSON answers prepare the response decoders', async () => {
    const { objectOperations, kvOperations, streamOperations } = await import('../../../src/index.js')
    const { loadXmlParser } = await import('../../../src/operations/objects/listing-xml-loader.js')
    const { loadResponseDecoding } = await import('../../../src/operations/response-decoding-loader.js')
    const preparing = (load: unknown) =>
      Object.entries({ ...objectOperations, ...kvOperations, ...streamOperations })
        .filter(([, operation]) => operation.prepare === load)
        .map(([name]) => name)
        .sort()
    expect(preparing(loadXmlParser)).toEqual(['getContainerContents', 'getContainers'])
    expect(preparing(loadResponseDecoding)).toEqual([
      'describeStream',
      'getClusterMetadata',
      'getItem',
      'getItems',
      'getRecords',
      'putItem',
      'putRecords',
      'seekShard',
    ])
  })
})
