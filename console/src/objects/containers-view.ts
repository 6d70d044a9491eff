import { h, show } from '../element.js'
import { formatRoute } from '../routes.js'
import { StatusLine } from '../status-line.js'
import type { ViewContext } from '../view-context.js'

/** The containers of the endpoint, each a link to its top directory. */
export function containersView({ client, signal }: ViewContext): HTMLElement {
  const status = new StatusLine()
  const list = h('ul', { class: 'containers' })
  status.info('Loading containers…')
  client.getContainers({ signal }).then(
    ({ output }) => {
      status.info(`${output.containers.length} containers`)
      show(
        list,
        ...output.containers.map((container) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: formatRoute({ view: 'directory', container: container.name, path: '' }) },
              container.name,
            ),
            h('span', { class: 'muted' }, ` created ${container.creationDate}`),
          ),
        ),
      )
    },
    (error: unknown) => signal.aborted || status.error(error),
  )
  return h('section', { class: 'panel' }, h('h1', {}, 'Containers'), status.element, list)
}
