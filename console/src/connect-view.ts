import { connect } from './connection-client.js'
import { h } from './element.js'
import { describeError } from './errors.js'
import { type Connection, defaultEndpoint } from './session.js'

/**
 * The sign-in form: endpoint and access key. The form never submits anywhere (the key must not reach a
 * URL); it checks the connection with GetContainers before handing it on.
 */
export function connectView(onConnected: (connection: Connection) => void): HTMLElement {
  const endpoint = h('input', {
    id: 'endpoint',
    name: 'endpoint',
    type: 'url',
    required: true,
    value: defaultEndpoint(location),
    placeholder: 'https://webapi.example.com',
  })
  const accessKey = h('input', {
    id: 'access-key',
    name: 'access-key',
    type: 'password',
    required: true,
    autocomplete: 'off',
  })
  const message = h('p', { class: 'status', role: 'status' }, '\u00a0')
  const button = h('button', { type: 'submit', class: 'primary' }, 'Connect')
  const submit = async (event: Event) => {
    event.preventDefault()
    const connection = { endpoint: endpoint.value.trim(), accessKey: accessKey.value }
    button.disabled = true
    message.classList.remove('error')
    message.textContent = 'Connecting…'
    try {
      await connect(connection).getContainers()
      onConnected(connection)
    } catch (error) {
      message.classList.add('error')
      message.textContent = describeError(error)
    } finally {
      button.disabled = false
    }
  }
  return h(
    'form',
    { class: 'connect panel', onsubmit: submit, 'aria-label': 'Connect' },
    h('h1', {}, 'Connect to V3IO'),
    h('label', { for: 'endpoint' }, 'Endpoint'),
    endpoint,
    h('label', { for: 'access-key' }, 'Access key'),
    accessKey,
    h('p', { class: 'hint' }, 'Kept in this tab only. An emulator without --access-key accepts any key.'),
    button,
    message,
  )
}
