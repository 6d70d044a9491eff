import { describe, expect, it } from 'vitest'
import {
  type Attributes,
  attr,
  double,
  expr,
  inList,
  int64,
  Timestamp,
  TypedAttribute,
} from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { everyTypeAttributes, everyTypeItemAsRead } from '../support/every-type-item.js'

describe('key-value values', () => {
  const fixture = useEmulator()

  async function roundTrip(
    attributes: Attributes,
    decoding?: Parameters<typeof fixture.client.getItem>[0]['decoding'],
  ) {
    const path = `${uniquePath('values')}/row`
    await fixture.client.putItem({ container: 'bigdata', path, attributes })
    return (await fixture.client.getItem({ container: 'bigdata', path, decoding })).output.item
  }

  it('round-trips the "Writing every type" item of kv.md', async () => {
    const item = await roundTrip(everyTypeAttributes())
    expect(item).toEqual(everyTypeItemAsRead())
  })

  it('round-trips int64 extremes and safe-integer boundaries exactly', async () => {
    const values = {
      max: 2n ** 63n - 1n,
      minPlusOne: -(2n ** 63n) + 1n,
      min: -(2n ** 63n),
      safe: Number.MAX_SAFE_INTEGER,
      negativeSafe: -Number.MAX_SAFE_INTEGER,
      firstUnsafe: 2n ** 53n,
      zero: 0,
      negativeZero: -0,
      viaText: int64('-9223372036854775808'),
    }
    expect(await roundTrip(values)).toEqual({
      max: 9223372036854775807n,
      minPlusOne: -9223372036854775807n,
      min: -9223372036854775808n,
      safe: 9007199254740991,
      negativeSafe: -9007199254740991,
      firstUnsafe: 9007199254740992n,
      zero: 0,
      negativeZero: 0,
      viaText: -9223372036854775808n,
    })
    expect(await roundTrip({ one: 1, big: 2n ** 62n }, { integers: 'bigint' })).toEqual({
      one: 1n,
      big: 2n ** 62n,
    })
  })

  it('round-trips doubles; integral ones within ±2^53 read back as ints, as on the platform (ED-13R)', async () => {
    const path = `${uniquePath('values')}/doubles`
    const written = {
      third: 1 / 3,
      tiny: 1.5e-7,
      huge: double(1e21),
      beyond: double(2 ** 60),
      whole: double(5),
      negativeZero: double(-0),
      max: double(Number.MAX_VALUE),
    }
    await fixture.client.putItem({ container: 'bigdata', path, attributes: written })
    const item = (await fixture.client.getItem({ container: 'bigdata', path, decoding: { typed: true } }))
      .output.item
    expect(item).toEqual({
      third: new TypedAttribute('double', 1 / 3),
      tiny: new TypedAttribute('double', 1.5e-7),
      huge: new TypedAttribute('double', 1e21),
      beyond: new TypedAttribute('double', 2 ** 60),
      // The wire says "5" and "0": nothing tells the SDK these were stored as doubles.
      whole: new TypedAttribute('int', 5),
      negativeZero: new TypedAttribute('int', 0),
      max: new TypedAttribute('double', Number.MAX_VALUE),
    })
    expect((await fixture.client.getItem({ container: 'bigdata', path })).output.item).toMatchObject({
      whole: 5,
      negativeZero: 0,
    })
    const half = async (itemPath: string) => {
      await fixture.client.updateItem({
        container: 'bigdata',
        path: itemPath,
        expression: 'half = whole / 2',
      })
      const read = await fixture.client.getItem({
        container: 'bigdata',
        path: itemPath,
        attributeNames: ['half'],
      })
      return read.output.item.half
    }
    // The server still holds a double: arithmetic in an update expression keeps the fraction.
    expect(await half(path)).toBe(2.5)
    // Writing the typed item back as read stores an int64 5, and integer division truncates …
    const copy = `${uniquePath('values')}/typed-copy`
    await fixture.client.putItem({ container: 'bigdata', path: copy, attributes: item })
    expect(await half(copy)).toBe(2)
    // … unless the code that knows the schema says double() again.
    const rewrapped = `${uniquePath('values')}/rewrapped`
    await fixture.client.putItem({
      container: 'bigdata',
      path: rewrapped,
      attributes: { ...item, whole: double(5) },
    })
    expect(await half(rewrapped)).toBe(2.5)
  })

  it('round-trips unicode and empty strings, and binary with all 256 byte values', async () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index)
    expect(
      await roundTrip({
        empty: '',
        unicode: 'ключ 😀 ü 中文 \u0000 tab\t',
        quotes: `'"\\`,
        all,
        none: new Uint8Array(0),
      }),
    ).toEqual({
      empty: '',
      unicode: 'ключ 😀 ü 中文 \u0000 tab\t',
      quotes: `'"\\`,
      all,
      none: new Uint8Array(0),
    })
  })

  it('round-trips timestamps with nanoseconds and Dates with milliseconds, before 1970 too', async () => {
    const item = await roundTrip({
      nanos: new Timestamp(1714557600, 123456789),
      before: new Timestamp(-2, 500000000),
      epoch: new Timestamp(0, 0),
      date: new Date('2024-05-01T10:00:00.123Z'),
    })
    expect(item).toEqual({
      nanos: new Timestamp(1714557600, 123456789),
      before: new Timestamp(-2, 500000000),
      epoch: new Timestamp(0, 0),
      date: new Timestamp(1714557600, 123000000),
    })
    expect((item.date as Timestamp).toDate().toISOString()).toBe('2024-05-01T10:00:00.123Z')
  })

  it('round-trips int and double arrays, and reads them as bytes on request', async () => {
    const item = await roundTrip({
      ints: [1, -1, 0],
      extremes: [2n ** 63n - 1n, -(2n ** 63n)],
      doubles: [10.25, 20.25, 30.25],
      typedInts: BigInt64Array.of(7n),
      typedDoubles: Float64Array.of(1, 2),
      emptyInts: [],
      emptyDoubles: new Float64Array(0),
    })
    expect(item).toEqual({
      ints: BigInt64Array.of(1n, -1n, 0n),
      extremes: BigInt64Array.of(2n ** 63n - 1n, -(2n ** 63n)),
      doubles: Float64Array.of(10.25, 20.25, 30.25),
      typedInts: BigInt64Array.of(7n),
      typedDoubles: Float64Array.of(1, 2),
      emptyInts: new BigInt64Array(0),
      emptyDoubles: new Float64Array(0),
    })
    const raw = await roundTrip({ ints: [1, 2, 3] }, { arrayBlobs: 'bytes' })
    expect(raw.ints).toBeInstanceOf(Uint8Array)
    expect((raw.ints as Uint8Array).length).toBe(16 + 24)
  })

  it('reads arrays that update expressions change, keeping their element type', async () => {
    const path = `${uniquePath('values')}/arrays`
    await fixture.client.putItem({
      container: 'bigdata',
      path,
      attributes: { list_with_ints: [1, 2, 3], list_with_floats: [10.25, 20.25, 30.25] },
    })
    await fixture.client.updateItem({
      container: 'bigdata',
      path,
      expression:
        "list_with_ints[1]=list_with_ints[1]*2; list_with_floats[1]=list_with_floats[1]*2; fresh = init_array(3, 'double', 1.5)",
    })
    expect((await fixture.client.getItem({ container: 'bigdata', path })).output.item).toEqual({
      list_with_ints: BigInt64Array.of(1n, 4n, 3n),
      list_with_floats: Float64Array.of(10.25, 40.5, 30.25),
      fresh: Float64Array.of(1.5, 1.5, 1.5),
    })
  })

  it('evaluates expressions built from every literal kind on the server', async () => {
    const { client } = fixture
    const path = `${uniquePath('values')}/literals`
    const seen = new Timestamp(1714557600, 500000000)
    await client.putItem({
      container: 'bigdata',
      path,
      attributes: {
        name: 'Ann "A"',
        n: 3,
        x: double(2),
        ok: true,
        seen,
        raw: new Uint8Array([0, 1]),
        exists: 1,
      },
    })
    const condition = expr`${attr('name')} == ${'Ann "A"'} AND n > ${2.5} AND x IN (${inList([1, 2, 3])}) AND ok == ${true} AND seen == ${seen} AND raw == ${new Uint8Array([0, 1])} AND ${attr('exists')} == ${1n}`
    const response = await client.updateItem({
      container: 'bigdata',
      path,
      condition,
      expression: expr`${attr('max')} = ${double(1)}; msg = ${'hello, ' + 'world'}; t = ${new Date(0)}`,
    })
    expect(response.output.branch).toBe('update')
    const item = (
      await client.getItem({
        container: 'bigdata',
        path,
        attributeNames: ['max', 'msg', 't'],
        decoding: { typed: true },
      })
    ).output.item
    expect(item).toEqual({
      // double(1) was stored as a double but prints as "1" (ED-13R), so it reads back typed as an int.
      max: new TypedAttribute('int', 1),
      msg: new TypedAttribute('string', 'hello, world'),
      t: new TypedAttribute('timestamp', new Timestamp(0, 0)),
    })
  })
})

describe('the hidden attribute named __proto__', () => {
  const fixture = useEmulator()

  it('round-trips as an own attribute, never as a prototype', async () => {
    const { client } = fixture
    const path = `${uniquePath('proto')}/item`
    const attributes = JSON.parse('{"__proto__":7,"plain":"x"}') as Record<string, unknown>
    await client.putItem({
      container: 'bigdata',
      path,
      attributes: attributes as Record<string, number | string>,
    })
    const { item } = (
      await client.getItem({ container: 'bigdata', path, attributeNames: ['__proto__', 'plain'] })
    ).output
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
    expect(Object.hasOwn(item, '__proto__')).toBe(true)
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toBe(7)
    expect(item.plain).toBe('x')
  })
})
