// One listener per signal, fanning out to its actions: a signal shared by many concurrent calls would
// otherwise carry one listener per call (Node warns past ten, MaxListenersExceededWarning). Weak, so
// that the map never keeps a signal alive; the entry goes when its last action stops listening.
const watched = new WeakMap<AbortSignal, [actions: Set<() => void>, listener: () => void]>()

const nothing = () => undefined

/**
 * Runs `action` with the signal's reason when `signal` aborts — at once if it already has — and returns
 * the function that stops listening. The one way the SDK links a signal to what it must stop (a call, a
 * controller, an abort group, a wait), so that no listener outlives its call: however many calls share a
 * signal, it carries one listener, added with the first and removed with the last.
 */
export function whenAborted(signal: AbortSignal | undefined, action: (reason: unknown) => void): () => void {
  if (!signal) return nothing
  if (signal.aborted) {
    action(signal.reason)
    return nothing
  }
  let watchers = watched.get(signal)
  if (!watchers) {
    const actions = new Set<() => void>()
    // The actions are the SDK's own (abort a call, a controller, a group), none of which throws.
    const listener = () => {
      watched.delete(signal)
      for (const each of actions) each()
    }
    watchers = [actions, listener]
    watched.set(signal, watchers)
    signal.addEventListener('abort', listener, { once: true })
  }
  const [actions, listener] = watchers
  const entry = () => action(signal.reason)
  actions.add(entry)
  return () => {
    // After the abort no action is added any more: removing the spent listener again is harmless.
    if (actions.delete(entry) && actions.size === 0) {
      watched.delete(signal)
      signal.removeEventListener('abort', listener)
    }
  }
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
