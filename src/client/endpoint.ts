import { ConfigurationError } from '../core/errors.js'
import { readEnvironment } from './environment.js'

/**
 * Resolves and normalises the endpoint: the option, else the environment variable (`V3IO_API`, or the
 * control plane's `V3IO_CONTROL_API`); `http://` is prepended when there is no scheme; trailing slashes
 * go; a path prefix (a reverse proxy's) is kept.
 */
export function resolveEndpoint(option: string | undefined, variable = 'V3IO_API'): string {
  const raw = option ?? readEnvironment(variable)
  if (raw === undefined || raw.trim() === '')
    throw new ConfigurationError(
      `No endpoint: pass the \`endpoint\` option or set the ${variable} environment variable (e.g. http://127.0.0.1:8081)`,
    )
  let endpoint = raw.trim()
  if (!/^https?:\/\//i.test(endpoint)) endpoint = `http://${endpoint}`
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new ConfigurationError(`The endpoint is not a valid URL: ${JSON.stringify(raw)}`)
  }
  if (url.search !== '' || url.hash !== '' || endpoint.includes('?') || endpoint.includes('#'))
    throw new ConfigurationError('The endpoint must not carry a query string or a fragment')
  if (url.username !== '' || url.password !== '')
    throw new ConfigurationError('The endpoint must not carry credentials; use the accessKey option')
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}
