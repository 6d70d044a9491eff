import { beforeAll, describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { getContainerContents } from '../../../src/operations/objects/get-container-contents.js'
import { rawResponse } from '../../support/raw-response.js'

describe('getContainerContents encoding', () => {
  it('sends every parameter in the contract order, encoded', () => {
    const descriptor = getContainerContents.encode({
      container: 'bigdata',
      path: '/some dir/x#y',
      getAllAttributes: true,
      directoriesOnly: true,
      limit: 10,
      marker: 'some dir/x#y/m',
    })
    expect(descriptor).toMatchObject({
      operation: 'ListDirectory',
      method: 'GET',
      path: '/bigdata',
      headers: {},
    })
    expect(descriptor.query).toBe(
      'prefix=some%20dir%2Fx%23y&prefix-info=1&prefix-only=1&max-keys=10&marker=some%20dir%2Fx%23y%2Fm',
    )
    expect(descriptor.idempotent).toBe(true)
  })

  it('lists the root with an empty prefix and no optional parameters', () => {
    expect(getContainerContents.encode({ container: 'users' }).query).toBe('prefix=')
  })

  it('rejects bad limits and paths before sending', () => {
    expect(() => getContainerContents.encode({ container: 'users', limit: -1 })).toThrow(ValidationError)
    expect(() => getContainerContents.encode({ container: 'users', path: 'a/../b' })).toThrow(/path/)
    expect(() => getContainerContents.encode({ container: '' })).toThrow(/container/)
  })
})

describe('getContainerContents decoding', () => {
  // decode needs the XML parser, which the operation loads on demand (prepare).
  beforeAll(() => getContainerContents.prepare?.())

  const descriptor = getContainerContents.encode({ container: 'bigdata', path: 'app' })

  it('decodes the contract listing with all attributes into typed fields', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>bigdata</Name><Prefix>app</Prefix><Marker/><Delimiter>/</Delimiter><NextMarker>app/events</NextMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>app/config.json</Key><Size>31</Size><LastModified>2024-05-01T10:00:00.125Z</LastModified><Mode>0100664</Mode><AccessTime>2024-05-01T10:00:00.125Z</AccessTime><CreatingTime>2024-05-01T09:58:12.000Z</CreatingTime><GID>3e8</GID><UID>3e8</UID><InodeNumber>1042</InodeNumber></Contents><CommonPrefixes><Prefix>app/events/</Prefix><LastModified>2024-05-01T10:02:03.500Z</LastModified><AccessTime>2024-05-01T10:02:03.500Z</AccessTime><CreatingTime>2024-05-01T10:01:00.000Z</CreatingTime><Mode>040775</Mode><GID>3e8</GID><UID>3e8</UID><InodeNumber>1043</InodeNumber><ShardCount>4</ShardCount><RetentionPeriodHours>24</RetentionPeriodHours><RetentionPeriodSec>86400</RetentionPeriodSec></CommonPrefixes></ListBucketResult>'
    expect(getContainerContents.decode(rawResponse(200, xml), descriptor)).toEqual({
      name: 'bigdata',
      prefix: 'app',
      marker: '',
      nextMarker: 'app/events',
      maxKeys: 1000,
      isTruncated: false,
      contents: [
        {
          key: 'app/config.json',
          size: 31,
          lastModified: '2024-05-01T10:00:00.125Z',
          mode: '0100664',
          accessTime: '2024-05-01T10:00:00.125Z',
          creatingTime: '2024-05-01T09:58:12.000Z',
          gid: 1000,
          uid: 1000,
          inodeNumber: 1042,
        },
      ],
      commonPrefixes: [
        {
          prefix: 'app/events/',
          lastModified: '2024-05-01T10:02:03.500Z',
          accessTime: '2024-05-01T10:02:03.500Z',
          creatingTime: '2024-05-01T10:01:00.000Z',
          mode: '040775',
          gid: 1000,
          uid: 1000,
          inodeNumber: 1043,
          shardCount: 4,
          retentionPeriodHours: 24,
        },
      ],
    })
  })

  it('reads shard sequence ids under either spelling and big inode numbers as bigint', () => {
    const xml =
      '<ListBucketResult><Name>b</Name><NextMarker>s/1</NextMarker><MaxKeys>2</MaxKeys><IsTruncated>TRUE</IsTruncated><Contents><Key>s/0</Key><Size>120</Size><LastSequenceID>7</LastSequenceID><LastModified>x</LastModified><InodeNumber>18446744073709551615</InodeNumber></Contents><Contents><Key>s/1</Key><Size>0</Size><LastSequenceId>9</LastSequenceId><LastModified>x</LastModified></Contents></ListBucketResult>'
    const output = getContainerContents.decode(rawResponse(200, xml), descriptor)
    expect(output.isTruncated).toBe(true)
    expect(output.contents.map((entry) => entry.lastSequenceId)).toEqual([7, 9])
    expect(output.contents[0]?.inodeNumber).toBe(18446744073709551615n)
  })

  it('raises a decode error on a malformed IsTruncated', () => {
    const xml = '<ListBucketResult><Name>b</Name><IsTruncated>maybe</IsTruncated></ListBucketResult>'
    expect(() => getContainerContents.decode(rawResponse(200, xml), descriptor)).toThrow(/IsTruncated/)
  })
})
