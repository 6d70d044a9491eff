import type { RaiseForStatusOption } from '../core/raise-for-status.js'
import type { ClientHooks } from '../transport/hooks.js'
import type { RetryOptions } from '../transport/retry-policy.js'
import type { Transport } from '../transport/transport.js'

/** Options of `new controlplane.Client(…)`. */
export interface ControlPlaneClientOptions {
  /**
   * The control plane's URL (on a platform, the dashboard's, e.g. `https://dashboard.default-tenant.example.com`;
   * the emulator serves it on its own port). Defaults to `V3IO_CONTROL_API`.
   */
  endpoint?: string
  /**
   * An access key, sent as the `session` cookie (`j:{"sid": "<key>"}`). Defaults to `V3IO_ACCESS_KEY`
   * unless `username` and `password` are given.
   */
  accessKey?: string
  /** A user name to log in with (with `password`); the client logs in on first use. Defaults to `V3IO_USERNAME`. */
  username?: string
  /** The password of `username`. Defaults to `V3IO_PASSWORD`. */
  password?: string
  /**
   * Set to `false` to send no credentials at all: for a browser whose cookie the dashboard already set,
   * a gateway that adds them, or an emulator started without keys. Default `true`.
   */
  authenticate?: boolean
  /** Most requests in flight at once; further calls wait in a FIFO queue. Default 8. */
  maxConnections?: number
  /**
   * Milliseconds a request may take, retries included; `0` for none. Default 60000. A login, and the resend
   * after a re-login, each get their own.
   */
  timeout?: number
  /** The `fetch` to use instead of the global one, through `kyTransport`. */
  fetch?: typeof fetch
  /** A whole replacement transport (as for the data-plane `Client`); `fetch` is ignored when given. */
  transport?: Transport
  /** The default raise-for-status policy of every call. Default `'always'`: raise on status ≥ 300. */
  raiseForStatus?: RaiseForStatusOption
  /** Automatic retries of the calls that are safe to retry; `false` disables them. */
  retry?: RetryOptions | false
  /**
   * Observers of every HTTP attempt. They never see credentials: the cookie is `SANITIZED`, keys in
   * URLs are hidden, and the bodies and headers of answers that carry keys or sessions are withheld.
   */
  hooks?: ClientHooks
  /** The most bytes of a response body accepted. Default 64 MiB. */
  maxResponseBytes?: number
}
