import { describe, expect, it } from 'vitest'
import { BatchQueue } from '../../../../src/operations/streams/consumer-group/batch-queue.js'

describe('BatchQueue', () => {
  it('hands batches over in order and makes producers wait while it is full', async () => {
    const queue = new BatchQueue<number>(2)
    await queue.push([1])
    let thirdQueued = false
    const second = queue.push([2]).then(() => {
      thirdQueued = true
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(thirdQueued).toBe(false) // full: the producer waits
    expect(await queue.next()).toEqual([1])
    await second
    expect(thirdQueued).toBe(true)
    expect(await queue.next()).toEqual([2])
  })

  it('puts a partly consumed batch back in front', async () => {
    const queue = new BatchQueue<number>(10)
    await queue.push([1, 2, 3])
    await queue.push([4])
    const first = await queue.next()
    queue.requeue(first?.slice(1) ?? [])
    expect(await queue.next()).toEqual([2, 3])
    expect(await queue.next()).toEqual([4])
  })

  it('wakes a waiting consumer on push, and ends it on close, with the error if one is given', async () => {
    const queue = new BatchQueue<number>(1)
    const waiting = queue.next()
    await queue.push([7]).catch(() => {})
    expect(await waiting).toEqual([7])
    const ended = queue.next()
    queue.close()
    expect(await ended).toBeUndefined()
    await queue.push([8]) // ignored once closed, never blocks
    expect(await queue.next()).toBeUndefined()

    const failing = new BatchQueue<number>(1)
    const pending = failing.next()
    failing.close(new Error('lost'))
    await expect(pending).rejects.toThrow('lost')
  })

  it('releases producers blocked on a full queue when closed', async () => {
    const queue = new BatchQueue<number>(1)
    const blocked = queue.push([1])
    queue.close()
    await expect(blocked).resolves.toBeUndefined()
  })
})
