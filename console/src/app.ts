import type { Client } from 'v3io'
import { connectView } from './connect-view.js'
import { connect } from './connection-client.js'
import { h, show } from './element.js'
import { tableView } from './kv/table-view.js'
import { containersView } from './objects/containers-view.js'
import { directoryView } from './objects/directory-view.js'
import { objectView } from './objects/object-view.js'
import { formatRoute, parseRoute, type Route } from './routes.js'
import { type Connection, forgetConnection, saveConnection, savedConnection } from './session.js'
import { streamView } from './streams/stream-view.js'
import { applyTheme, initialTheme, type Theme } from './theme.js'
import type { View } from './view-context.js'

const views: Record<Route['view'], View> = {
  containers: containersView,
  directory: directoryView,
  object: objectView,
  table: tableView,
  stream: streamView,
}

/** Starts the console in `root`: the sign-in form, or the workspace of this tab's connection. */
export function startConsole(root: HTMLElement): void {
  let theme: Theme = initialTheme()
  applyTheme(theme)
  const themeButton = h('button', { type: 'button', class: 'theme', 'aria-pressed': 'false' })
  const showTheme = () => {
    themeButton.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme'
    themeButton.setAttribute('aria-pressed', String(theme === 'dark'))
  }
  themeButton.addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark'
    applyTheme(theme, true)
    showTheme()
  })
  showTheme()
  const start = (connection: Connection | undefined) => {
    if (connection === undefined) {
      show(root, h('header', { class: 'bar' }, h('span', { class: 'brand' }, 'v3io console'), themeButton))
      root.append(
        h(
          'main',
          { id: 'main' },
          connectView((connected) => {
            saveConnection(connected)
            start(connected)
          }),
        ),
      )
      return
    }
    workspace(root, connect(connection), connection.endpoint, themeButton, () => {
      forgetConnection()
      start(undefined)
    })
  }
  start(savedConnection())
}

function workspace(
  root: HTMLElement,
  client: Client,
  endpoint: string,
  themeButton: HTMLButtonElement,
  disconnect: () => void,
): void {
  const main = h('main', { id: 'main' })
  const crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Location' })
  let current: AbortController | undefined
  const render = () => {
    current?.abort()
    current = new AbortController()
    const route = parseRoute(location.hash)
    show(crumbs, ...breadcrumbs(route))
    const go = (next: Route) => {
      location.hash = formatRoute(next)
    }
    const container = route.view === 'containers' ? '' : route.container
    const path = route.view === 'containers' ? '' : route.path
    show(main, views[route.view]({ client, container, path, signal: current.signal, go }))
  }
  const leave = () => {
    current?.abort()
    removeEventListener('hashchange', render)
    disconnect()
  }
  show(
    root,
    h(
      'header',
      { class: 'bar' },
      h('a', { class: 'brand', href: '#/' }, 'v3io console'),
      h('span', { class: 'endpoint', title: endpoint }, endpoint),
      themeButton,
      h('button', { type: 'button', onclick: leave }, 'Disconnect'),
    ),
    crumbs,
    main,
  )
  addEventListener('hashchange', render)
  render()
}

/** Containers › container › directory › …: each a link to that directory. */
function breadcrumbs(route: Route): Node[] {
  const links: Node[] = [h('a', { href: '#/' }, 'Containers')]
  if (route.view === 'containers') return links
  links.push(
    h(
      'a',
      { href: formatRoute({ view: 'directory', container: route.container, path: '' }) },
      route.container,
    ),
  )
  const segments = route.path.split('/').filter(Boolean)
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1
    const path = `${segments.slice(0, index + 1).join('/')}/`
    links.push(
      last && route.view !== 'directory'
        ? h('span', { 'aria-current': 'page' }, segment)
        : h('a', { href: formatRoute({ view: 'directory', container: route.container, path }) }, segment),
    )
  })
  return links
}
