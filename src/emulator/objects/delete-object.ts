import { directoryNotEmpty, noSuchFile, notADirectory, notPermitted } from '../api-error.js'
import type { Handler } from '../context.js'

/** DeleteObject: files, items, shards, empty directories and streams (ED-16, ED-24, ED-40). */
export const deleteObject: Handler = ({ container, segments, trailingSlash, store }) => {
  if (segments.length === 0) throw notPermitted()
  const found = store.lookup(container.root, segments)
  if (!found.node) throw found.blockedByFile ? notADirectory(404) : noSuchFile()
  const node = found.node
  if (node.kind === 'file' && trailingSlash) throw notADirectory()
  if (node.kind === 'directory' && node.children.size > 0) throw directoryNotEmpty()
  store.remove(node)
  return { status: 204 }
}
