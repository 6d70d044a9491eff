/**
 * Runs `action` with the signal's reason when `signal` aborts — at once if it already has — and returns
 * the function that stops listening. The one way the SDK links a signal to what it must stop (a
 * controller, an abort group, a wait), so that no listener outlives its call.
 */
export function whenAborted(signal: AbortSignal | undefined, action: (reason: unknown) => void): () => void {
  if (!signal) return () => undefined
  if (signal.aborted) {
    action(signal.reason)
    return () => undefined
  }
  const listener = () => action(signal.reason)
  signal.addEventListener('abort', listener, { once: true })
  return () => signal.removeEventListener('abort', listener)
}

/** Resolves after `milliseconds`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const stopListening = whenAborted(signal, (reason) => {
      clearTimeout(timer)
      reject(reason)
    })
    if (signal?.aborted) return
    timer = setTimeout(() => {
      stopListening()
      resolve()
    }, milliseconds)
  })
}
