/**
 * Talking to a forked child process of the scripts (the emulator under measurement): `ask` sends an
 * optional message and resolves with the `key` member of the first reply that has one.
 */
export function ask(child, message, key) {
  return new Promise((resolve) => {
    const listener = (reply) => {
      if (reply[key] !== undefined) {
        child.off('message', listener)
        resolve(reply[key])
      }
    }
    child.on('message', listener)
    if (message) child.send(message)
  })
}
