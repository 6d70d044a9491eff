import { double, Timestamp } from '../../src/index.js'

/** The attributes of kv.md's "Writing every type" exchange, fresh each call (the blob is mutable). */
export function everyTypeAttributes() {
  return {
    i: 42,
    f: 3.14,
    f1: double(1),
    big: 9007199254740993n,
    s: 'a/b "q" ü',
    b: new Uint8Array([0, 1]),
    t: true,
    ints: [1, 2, 3],
    ts: new Timestamp(1577934245, 678901000),
  }
}

/** The item {@link everyTypeAttributes} reads back as (kv.md's "Writing every type", decoded by the SDK). */
export function everyTypeItemAsRead() {
  return {
    i: 42,
    f: 3.14,
    f1: 1,
    big: 9007199254740993n,
    s: 'a/b "q" ü',
    b: new Uint8Array([0, 1]),
    t: true,
    ints: BigInt64Array.of(1n, 2n, 3n),
    ts: new Timestamp(1577934245, 678901000),
  }
}
