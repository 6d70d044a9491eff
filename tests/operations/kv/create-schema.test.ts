import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { createSchema } from '../../../src/operations/kv/create-schema.js'

describe('createSchema', () => {
  it('writes the .#schema object of kv.md byte for byte, # percent-encoded, no headers', () => {
    const descriptor = createSchema.encode({
      container: 'bigdata',
      path: '/people/',
      key: 'id',
      fields: [
        { name: 'id', type: 'string', nullable: false },
        { name: 'score', type: 'long', nullable: true },
        { name: 'ratio', type: 'double', nullable: true },
      ],
    })
    const body =
      '{"hashingBucketNum":0,"key":"id","fields":[{"name":"id","type":"string","nullable":false},{"name":"score","type":"long","nullable":true},{"name":"ratio","type":"double","nullable":true}]}'
    expect(descriptor).toEqual({
      operation: 'CreateSchema',
      method: 'PUT',
      path: '/bigdata/people/.%23schema',
      headers: {},
      body: new TextEncoder().encode(body),
      idempotent: true,
    })
    expect(body.length).toBe(187)
  })

  it('puts sortingKey between key and fields', () => {
    const descriptor = createSchema.encode({
      container: 'bigdata',
      path: 'rides',
      key: 'driver',
      sortingKey: 'date',
      fields: [],
    })
    expect(new TextDecoder().decode(descriptor.body as Uint8Array)).toBe(
      '{"hashingBucketNum":0,"key":"driver","sortingKey":"date","fields":[]}',
    )
  })

  it('rejects a missing key or malformed fields', () => {
    expect(() => createSchema.encode({ container: 'c', path: 't', key: '', fields: [] })).toThrow(
      ValidationError,
    )
    expect(() => createSchema.encode({ container: 'c', path: 't', key: 'k', fields: {} as never })).toThrow(
      ValidationError,
    )
    expect(() =>
      createSchema.encode({ container: 'c', path: 't', key: 'k', fields: [{ type: 'long' }] as never }),
    ).toThrow(/fields\[0\]\.name/)
  })
})
