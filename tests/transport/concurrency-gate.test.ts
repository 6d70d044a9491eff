import { describe, expect, it } from 'vitest'
import { ConcurrencyGate, type ReleaseSlot } from '../../src/transport/concurrency-gate.js'

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

/**
 * The gate with a promise-based `acquire` and a task runner, built on its primitives (`tryAcquire`,
 * `enqueue`, `leave`) as the request sender uses them, so that the tests read as plain tasks.
 */
class TaskGate extends ConcurrencyGate {
  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    const release = this.tryAcquire()
    if (release) return Promise.resolve(release)
    return new Promise((resolve, reject) => {
      const grant = (granted: ReleaseSlot) => {
        signal?.removeEventListener('abort', onAbort)
        resolve(granted)
      }
      const position = this.enqueue(grant)
      const onAbort = () => {
        if (this.leave(position, grant)) reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal)
    try {
      return await task()
    } finally {
      release()
    }
  }
}

describe('ConcurrencyGate', () => {
  it('never runs more tasks than its size, whatever the mix of successes and failures', async () => {
    const gate = new TaskGate(3)
    let running = 0
    let peak = 0
    const tasks = Array.from({ length: 60 }, (_, index) =>
      gate.run(async () => {
        running++
        peak = Math.max(peak, running)
        await pause(index % 4)
        running--
        if (index % 3 === 0) throw new Error(`task ${index}`)
        return index
      }),
    )
    const outcomes = await Promise.allSettled(tasks)
    expect(peak).toBe(3)
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(20)
    expect(gate.running).toBe(0)
    expect(gate.queued).toBe(0)
  })

  it('serves waiters first in, first out', async () => {
    const gate = new TaskGate(1)
    const order: number[] = []
    await Promise.all(
      [0, 1, 2, 3, 4].map((index) =>
        gate.run(async () => {
          order.push(index)
          await pause(1)
        }),
      ),
    )
    expect(order).toEqual([0, 1, 2, 3, 4])
  })

  it('releases the slot of a task that throws synchronously', async () => {
    const gate = new TaskGate(1)
    await expect(
      gate.run(() => {
        throw new Error('sync')
      }),
    ).rejects.toThrow('sync')
    expect(gate.running).toBe(0)
    await expect(gate.run(async () => 'next')).resolves.toBe('next')
  })

  it('drops an aborted waiter from the queue and rejects with the reason, taking no slot', async () => {
    const gate = new TaskGate(1)
    let finish: () => void = () => undefined
    const holder = gate.run(() => new Promise<void>((resolve) => (finish = resolve)))
    const controller = new AbortController()
    let ran = false
    const waiter = gate.run(async () => {
      ran = true
    }, controller.signal)
    const after = gate.run(async () => 'after')
    expect(gate.queued).toBe(2)
    controller.abort('no longer needed')
    await expect(waiter).rejects.toBe('no longer needed')
    expect(gate.queued).toBe(1)
    finish()
    await holder
    await expect(after).resolves.toBe('after')
    expect(ran).toBe(false)
    expect(gate.running).toBe(0)
  })

  it('rejects at once with an already aborted signal', async () => {
    const gate = new TaskGate(1)
    await expect(gate.acquire(AbortSignal.abort('gone'))).rejects.toBe('gone')
    expect(gate.running).toBe(0)
  })

  it('gives a slot back once however often release is called', async () => {
    const gate = new TaskGate(2)
    const release = await gate.acquire()
    await gate.acquire()
    expect(gate.running).toBe(2)
    release()
    release()
    expect(gate.running).toBe(1)
  })

  it('does not deadlock: a gate full of failing and aborted tasks serves healthy ones afterwards', async () => {
    const gate = new TaskGate(2)
    const controller = new AbortController()
    const doomed = Array.from({ length: 50 }, (_, index) =>
      gate.run(
        async () => {
          await pause(1)
          throw new Error(String(index))
        },
        index % 2 ? controller.signal : undefined,
      ),
    )
    controller.abort()
    await Promise.allSettled(doomed)
    const healthy = await Promise.all(Array.from({ length: 10 }, (_, index) => gate.run(async () => index)))
    expect(healthy).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(gate.running).toBe(0)
  })

  it('refuses a size that is not a positive integer', () => {
    expect(() => new TaskGate(0)).toThrow(RangeError)
    expect(() => new TaskGate(1.5)).toThrow(RangeError)
  })

  it('keeps first-in, first-out order through thousands of waiters, some of them aborted', async () => {
    const gate = new TaskGate(1)
    const release = await gate.acquire()
    const order: number[] = []
    const controllers = new Map<number, AbortController>()
    const waiters = Array.from({ length: 5000 }, (_, index) => {
      const controller = index % 7 === 3 ? new AbortController() : undefined
      if (controller) controllers.set(index, controller)
      return gate.run(async () => {
        order.push(index)
      }, controller?.signal)
    })
    for (const controller of controllers.values()) controller.abort()
    expect(gate.queued).toBe(5000 - controllers.size)
    release()
    const outcomes = await Promise.allSettled(waiters)
    const expected = Array.from({ length: 5000 }, (_, index) => index).filter(
      (index) => !controllers.has(index),
    )
    expect(order).toEqual(expected)
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(controllers.size)
    expect(gate.running).toBe(0)
    expect(gate.queued).toBe(0)
    await expect(gate.run(async () => 'still usable')).resolves.toBe('still usable')
  })
})
