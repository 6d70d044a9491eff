import type { Operation } from '../../core/descriptor.js'
import { objectUrlPath, validateContainer } from '../../core/path.js'

/** Options of {@link headContainer}. */
export interface HeadContainerOptions {
  /** The container whose existence (and the caller's access to it) is checked. */
  container: string
}

/** HeadContainer: `HEAD /<c>`; 200 when the container exists and may be used, 404 otherwise. */
export const headContainer: Operation<HeadContainerOptions, undefined> = {
  encode(options) {
    return {
      operation: 'HeadContainer',
      method: 'HEAD',
      path: objectUrlPath(validateContainer(options.container), ''),
      headers: {},
      idempotent: true,
    }
  },
  decode: () => undefined,
}
