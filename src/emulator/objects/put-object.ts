import { fileExists, invalidArgument, isADirectory, notPermitted, tooLarge } from '../api-error.js'
import type { Handler, RequestContext } from '../context.js'
import type { FileNode } from '../storage/nodes.js'
import { versionHeaders } from './object-headers.js'
import { isAppendRange } from './ranges.js'
import { assertOutsideShards } from './shard-names.js'

/** CreateDirectory: a PUT or POST on a trailing-slash path with an empty body (ED-24). */
export const createDirectory: Handler = ({ container, segments, body, store }) => {
  if (body.length > 0) throw invalidArgument('a directory path takes no body')
  if (segments.length === 0) return { status: 200 }
  assertOutsideShards(container.root, segments)
  const found = store.lookup(container.root, segments)
  if (found.node?.kind === 'file') throw fileExists()
  store.ensureDirectory(container.root, segments)
  return { status: 200 }
}

function targetFile(context: RequestContext): FileNode {
  const { container, segments, store } = context
  assertOutsideShards(container.root, segments)
  const parent = store.ensureDirectory(container.root, segments.slice(0, -1))
  const name = segments.at(-1) as string
  const existing = parent.children.get(name)
  if (existing?.kind === 'directory') throw isADirectory()
  if (existing?.shard) throw notPermitted()
  return existing ?? store.createFile(parent, name)
}

/** PutObject and AppendObject (`Range: -1`): replace or extend the body, keeping attributes (ED-27). */
export const putObject: Handler = (context) => {
  const append = isAppendRange(context.headers.range)
  const { body, settings, store } = context
  const file = targetFile(context)
  if (append) {
    if (file.body.length + body.length > settings.maxObjectSize) throw tooLarge('File too large')
    const joined = new Uint8Array(file.body.length + body.length)
    joined.set(file.body)
    joined.set(body, file.body.length)
    file.body = joined
  } else {
    file.body = body
  }
  store.touch(file)
  return { status: 200, headers: versionHeaders(file) }
}
