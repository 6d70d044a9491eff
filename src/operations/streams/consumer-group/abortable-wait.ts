import { sleep } from '../../reading-engine-dependencies.js'

/** Resolves after `milliseconds`, or at once when the signal aborts; never rejects, never leaves a timer behind. */
export function abortableWait(milliseconds: number, signal: AbortSignal): Promise<void> {
  return sleep(milliseconds, signal).catch(() => undefined)
}

/** Back-off delays: `initial`, growing by `factor` up to `maximum` (the Go SDK's retry schedules). */
export function backoffDelay(attempt: number, initial: number, factor: number, maximum: number): number {
  return Math.min(initial * factor ** attempt, maximum)
}
