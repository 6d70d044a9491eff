import { describe, expect, it } from 'vitest'
import { DecodeError, expr, ValidationError } from '../../../src/index.js'
import { getItems } from '../../../src/operations/kv/get-items.js'
import { rawResponse } from '../../support/raw-response.js'

const headers = { 'X-v3io-function': 'GetItems', 'Content-Type': 'application/json' }

describe('getItems', () => {
  it('sends the paging request of kv.md "Paging a scan"', () => {
    expect(
      getItems.encode({
        container: 'bigdata',
        path: 'people',
        attributeNames: ['age'],
        filterExpression: 'age > 15',
        limit: 1,
      }),
    ).toEqual({
      operation: 'GetItems',
      method: 'PUT',
      path: '/bigdata/people/',
      headers,
      body: '{"AttributesToGet":"age","FilterExpression":"age > 15","Limit":1}',
      idempotent: true,
    })
    expect(
      getItems.encode({
        container: 'bigdata',
        path: '/people/',
        attributeNames: ['age'],
        filterExpression: expr`age > ${15}`,
        limit: 1,
        marker: '<m1>',
      }).body,
    ).toBe('{"AttributesToGet":"age","FilterExpression":"age > 15","Marker":"<m1>","Limit":1}')
  })

  it('sends the range scan of kv.md', () => {
    const descriptor = getItems.encode({
      container: 'mycontainer',
      path: 'mytaxis/rides',
      shardingKey: '24',
      sortKeyRangeStart: '20180101',
      sortKeyRangeEnd: '20180701',
      attributeNames: ['__name', 'driver_id', 'date', 'avg_ride_km', 'avg_ride_passengers'],
    })
    expect(descriptor.path).toBe('/mycontainer/mytaxis/rides/')
    expect(descriptor.body).toBe(
      '{"AttributesToGet":"__name,driver_id,date,avg_ride_km,avg_ride_passengers","ShardingKey":"24","SortKeyRangeStart":"20180101","SortKeyRangeEnd":"20180701"}',
    )
  })

  it('sends segments (TotalSegment, singular), zero included, and TableName', () => {
    const descriptor = getItems.encode({
      container: 'bigdata',
      path: '/',
      tableName: 'some_dir/tbl',
      segment: 0,
      totalSegments: 4,
      attributeNames: '**',
    })
    expect(descriptor.path).toBe('/bigdata/')
    expect(descriptor.body).toBe(
      '{"AttributesToGet":"**","TableName":"some_dir/tbl","Segment":0,"TotalSegment":4}',
    )
    expect(getItems.encode({ container: 'bigdata', path: '' }).body).toBe('{"AttributesToGet":"*"}')
  })

  it('rejects scans the contract forbids, naming the option', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1.5 }, 'limit'],
      // The missing half is named.
      [{ segment: 0 }, 'totalSegments'],
      [{ totalSegments: 2 }, 'segment'],
      [{ segment: 2, totalSegments: 2 }, 'segment'],
      [{ segment: 0, totalSegments: 1025 }, 'totalSegments'],
      [{ sortKeyRangeStart: 'a' }, 'sortKeyRangeStart'],
      [{ sortKeyRangeEnd: 'a' }, 'sortKeyRangeEnd'],
      [{ shardingKey: 'a.b' }, 'shardingKey'],
      [{ shardingKey: 'a', segment: 0, totalSegments: 2 }, 'shardingKey'],
      [{ tableName: '../x' }, 'tableName'],
      [{ marker: 5 }, 'marker'],
      [{ filterExpression: {} }, 'filterExpression'],
    ]
    for (const [options, parameter] of bad) {
      let error: unknown
      try {
        getItems.encode({ container: 'c', path: 't', ...options })
      } catch (caught) {
        error = caught
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).parameter).toBe(parameter)
    }
  })

  it('decodes the recorded pages of kv.md', () => {
    const descriptor = getItems.encode({ container: 'bigdata', path: 'people' })
    const first = getItems.decode(
      rawResponse(
        200,
        '{"LastItemIncluded":"FALSE","NumItems":1,"NextMarker":"eyJ2IjoxLCJmcCI6ImRlM2Q0Y2I2Iiwic2xpY2UiOjIzMSwibmFtZSI6ImJvYiJ9","Items":[{"__name":{"S":"bob"},"age":{"N":"42"}}]}',
      ),
      descriptor,
    )
    expect(first).toEqual({
      items: [{ __name: 'bob', age: 42 }],
      lastItemIncluded: false,
      last: false,
      nextMarker: 'eyJ2IjoxLCJmcCI6ImRlM2Q0Y2I2Iiwic2xpY2UiOjIzMSwibmFtZSI6ImJvYiJ9',
      numItems: 1,
    })
    const last = getItems.decode(
      rawResponse(200, '{"LastItemIncluded":"TRUE","NumItems":1,"Items":[{"age":{"N":"31"}}]}'),
      descriptor,
    )
    expect(last).toEqual({ items: [{ age: 31 }], lastItemIncluded: true, last: true, numItems: 1 })
  })

  it('accepts "true" and JSON true, an empty match, and items without attributes', () => {
    const descriptor = getItems.encode({ container: 'c', path: 't' })
    expect(
      getItems.decode(rawResponse(200, '{"LastItemIncluded":"true","Items":[{}]}'), descriptor).items,
    ).toEqual([{}])
    expect(
      getItems.decode(rawResponse(200, '{"LastItemIncluded":true,"NumItems":0,"Items":[]}'), descriptor)
        .lastItemIncluded,
    ).toBe(true)
  })

  it('raises a DecodeError on malformed pages', () => {
    const descriptor = getItems.encode({ container: 'c', path: 't' })
    for (const body of ['{"Items":5}', '{"Items":[{"a":{"X":1,"Y":2}}]}', '<xml/>']) {
      expect(() => getItems.decode(rawResponse(200, body), descriptor), body).toThrow(DecodeError)
    }
  })
})
