import { describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/emulator/clock.js'
import {
  createTracked,
  groupOf,
  lowerBound,
  scanOrder,
  segmentSlices,
  shardingKeyOf,
  sliceOf,
  sortingKeyOf,
} from '../../../src/emulator/kv/scan-order.js'
import { MemoryStore } from '../../../src/emulator/storage/memory-store.js'

describe('scan order (ED-38)', () => {
  it('splits names at the leftmost dot', () => {
    expect([shardingKeyOf('1.20180601'), sortingKeyOf('1.20180601')]).toEqual(['1', '20180601'])
    expect([shardingKeyOf('a.b.c'), sortingKeyOf('a.b.c')]).toEqual(['a', 'b.c'])
    expect([shardingKeyOf('plain'), sortingKeyOf('plain')]).toEqual(['plain', ''])
    expect([shardingKeyOf('.x'), sortingKeyOf('.x')]).toEqual(['', 'x'])
  })

  it('places the contract examples on their slices and groups', () => {
    expect(sliceOf('bob')).toBe(231)
    expect(sliceOf('alice')).toBe(637)
    expect(sliceOf('alice.2024')).toBe(637)
    expect([groupOf(0), groupOf(127), groupOf(128), groupOf(1023)]).toEqual([0, 0, 1, 7])
  })

  it('partitions the 1024 slices into contiguous segments for every segment count', () => {
    for (const total of [1, 2, 3, 7, 8, 100, 1000, 1023, 1024]) {
      let next = 0
      for (let segment = 0; segment < total; segment++) {
        const { first, last } = segmentSlices(segment, total)
        expect(first).toBe(next)
        for (const slice of [first, last])
          if (last >= first) expect(Math.floor((slice * total) / 1024)).toBe(segment)
        next = last + 1
      }
      expect(next).toBe(1024)
    }
  })

  it('orders files by slice then UTF-8 name, skips directories, and finds positions by binary search', () => {
    const store = new MemoryStore(['c'], manualClock(1n).clock)
    const root = store.findContainer('c')?.root
    if (!root) throw new Error('no container')
    const names = ['bob', 'alice', 'b', 'a', 'z.1', 'z.0', 'z', '\u{10000}', '\uffff', 'x.y']
    for (const name of names) store.createFile(root, name)
    store.ensureDirectory(root, ['subdir'])
    const entries = scanOrder(root).toArray()
    expect(entries.map((entry) => entry.name).sort()).toEqual([...names].sort())
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1], entries[i]]
      if (!a || !b) continue
      expect(a.slice <= b.slice).toBe(true)
      if (a.slice === b.slice)
        expect(Buffer.compare(Buffer.from(a.name), Buffer.from(b.name))).toBeLessThan(0)
    }
    const z = entries.findIndex((entry) => entry.name === 'z')
    expect(lowerBound(entries, sliceOf('z'), 'z', false)).toBe(z)
    expect(lowerBound(entries, sliceOf('z'), 'z', true)).toBe(z + 1)
    expect(lowerBound(entries, 0, '', false)).toBe(0)
    expect(lowerBound(entries, 1024, '', false)).toBe(entries.length)
    const order = scanOrder(root)
    expect(order.at(order.seek(sliceOf('z'), 'z', false))?.name).toBe('z')
    expect(order.at(order.seek(sliceOf('z'), 'z', true))).toBe(entries[z + 1])
    expect(order.at(order.seek(1024, '', false))).toBeUndefined()
  })

  it('reuses the cached order, inserts tracked creations, and rebuilds after other changes', () => {
    const store = new MemoryStore(['c'], manualClock(1n).clock)
    const root = store.findContainer('c')?.root
    if (!root) throw new Error('no container')
    const byScanOrder = (a: string, b: string) => sliceOf(a) - sliceOf(b) || (a < b ? -1 : a > b ? 1 : 0)
    for (let i = 0; i < 600; i++) store.createFile(root, `n${i}`)
    const first = scanOrder(root)
    expect(scanOrder(root)).toBe(first)
    // Enough insertions to split blocks several times.
    for (let i = 600; i < 4000; i++) createTracked(root, () => store.createFile(root, `n${i}`))
    const tracked = scanOrder(root)
    expect(tracked).toBe(first)
    const expected = Array.from({ length: 4000 }, (_, i) => `n${i}`).sort(byScanOrder)
    expect(tracked.toArray().map((entry) => entry.name)).toEqual(expected)
    expect(tracked.size).toBe(4000)
    let walked = 0
    for (let at = tracked.seek(0, '', false); tracked.at(at); at = tracked.next(at)) {
      expect(tracked.at(at)?.name).toBe(expected[walked])
      walked++
    }
    expect(walked).toBe(4000)
    for (const name of ['n0', 'n1234', 'n3999']) {
      expect(tracked.at(tracked.seek(sliceOf(name), name, false))?.name).toBe(name)
      expect(tracked.at(tracked.seek(sliceOf(name), name, true))?.name).toBe(
        expected[expected.indexOf(name) + 1],
      )
    }
    store.createFile(root, 'untracked')
    const rebuilt = scanOrder(root)
    expect(rebuilt).not.toBe(first)
    expect(rebuilt.toArray().map((entry) => entry.name)).toEqual([...expected, 'untracked'].sort(byScanOrder))
    const victim = root.children.get('n3')
    if (victim) store.remove(victim)
    expect(
      scanOrder(root)
        .toArray()
        .map((entry) => entry.name),
    ).not.toContain('n3')
  })
})
