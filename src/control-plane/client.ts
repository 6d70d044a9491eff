import { defaultTimeout, validateMaxConnections, validateTimeout } from '../client/client-limits.js'
import type { Credential } from '../client/credentials.js'
import { resolveEndpoint } from '../client/endpoint.js'
import { RequestSender } from '../client/request-sender.js'
import type { CallOptions } from '../core/call-options.js'
import type { Operation, RawResponse, RequestDescriptor } from '../core/descriptor.js'
import type { Executor } from '../core/executor.js'
import { type RaiseForStatusOption, shouldRaise, validateRaiseForStatus } from '../core/raise-for-status.js'
import { decodeErrorBody, Response } from '../core/response.js'
import { ConcurrencyGate } from '../transport/concurrency-gate.js'
import { kyTransport } from '../transport/ky-transport.js'
import { responseLimits } from '../transport/response-limits.js'
import { type ResolvedRetryOptions, resolveRetryOptions } from '../transport/retry-policy.js'
import type { AccessKey } from './access-key.js'
import { type ControlPlaneCredentials, resolveControlPlaneCredentials, sessionCookie } from './credentials.js'
import { ControlPlaneError } from './errors.js'
import { type CreateAccessKeyOptions, createAccessKey } from './operations/create-access-key.js'
import { type CreateContainerOptions, createContainer } from './operations/create-container.js'
import { createSession } from './operations/create-session.js'
import { type DeleteAccessKeyOptions, deleteAccessKey } from './operations/delete-access-key.js'
import { type DeleteContainerOptions, deleteContainer } from './operations/delete-container.js'
import {
  type GetOrCreateAccessKeyOptions,
  getOrCreateAccessKey,
} from './operations/get-or-create-access-key.js'
import { getSelf } from './operations/get-self.js'
import { type ListAccessKeysOutput, listAccessKeys } from './operations/list-access-keys.js'
import { type ListContainersOutput, listContainers } from './operations/list-containers.js'
import type { ControlPlaneClientOptions } from './options.js'
import type { Container, User } from './resources.js'
import { guardHooks, hideKeyInUrl, secretAnswers } from './secrets.js'
import { Session } from './session.js'

/** Options every control-plane call accepts besides its own. */
export type ControlPlaneCallOptions = Omit<CallOptions, 'accessKey'>

const noBody = new Uint8Array(0)

/**
 * The V3IO control-plane client (`controlplane.Client`): containers, access keys and the calling user,
 * over the management API's JSON:API routes under `/api/`. It authenticates with an access key (sent as
 * the `session` cookie) or logs in with a username and password on first use, keeps the session cookie
 * and logs in again once when the server forgets it. Every call resolves to a {@link Response} and raises
 * {@link ControlPlaneError} (an `HttpResponseError`) on a status the call does not accept. Credentials,
 * cookies and keys never appear in errors, hooks or printed objects.
 *
 * @example
 * import { controlplane, Client } from 'v3io'
 * const cp = new controlplane.Client({ endpoint: 'http://127.0.0.1:8081', username: 'admin', password })
 * const { output: container } = await cp.createContainer({ name: 'analytics' })
 * const { output: key } = await cp.createAccessKey({ plane: 'data', label: 'ingest', ttl: 3600 })
 * const client = new Client({ endpoint: 'http://127.0.0.1:8081', accessKey: key.key })
 */
export class ControlPlaneClient implements Executor {
  // Private fields keep credentials out of console.log, JSON.stringify and inspection.
  readonly #credentials: ControlPlaneCredentials
  readonly #session: Session | undefined
  readonly #sender: RequestSender
  readonly #timeout: number
  readonly #retry: ResolvedRetryOptions
  readonly #raiseForStatus: RaiseForStatusOption | undefined
  #preparing: Promise<void> | undefined
  /** The normalised endpoint URL. */
  readonly endpoint: string
  /** The most requests in flight at once. */
  readonly maxConnections: number

  constructor(options: ControlPlaneClientOptions = {}) {
    this.endpoint = resolveEndpoint(options.endpoint, 'V3IO_CONTROL_API')
    this.#credentials = resolveControlPlaneCredentials(options)
    this.#session =
      this.#credentials.kind === 'login'
        ? new Session((signal, timeout) => this.#login(signal, timeout))
        : undefined
    const maxConnections = validateMaxConnections(options.maxConnections)
    this.maxConnections = maxConnections
    this.#timeout = validateTimeout(options.timeout) ?? defaultTimeout
    this.#raiseForStatus = validateRaiseForStatus(options.raiseForStatus)
    this.#retry = resolveRetryOptions(options.retry)
    const transport = options.transport ?? kyTransport(options.fetch)
    this.#preparing = transport.prepare?.().catch(() => undefined)
    this.#sender = new RequestSender(
      this.endpoint,
      transport,
      new ConcurrencyGate(maxConnections),
      guardHooks(options.hooks),
      responseLimits(options),
    )
  }

  /** Creates a container, usable on the data plane at once; `output.id` is its numeric id. 409 if the name exists. */
  createContainer(options: CreateContainerOptions & ControlPlaneCallOptions): Promise<Response<Container>> {
    return this.execute(createContainer, options)
  }

  /** Every container: `output.containers`. */
  listContainers(options?: ControlPlaneCallOptions): Promise<Response<ListContainersOutput>> {
    return this.execute(listContainers, options)
  }

  /** Deletes an empty container by its numeric id; 409 while it holds anything, 404 if unknown. */
  deleteContainer(options: DeleteContainerOptions & ControlPlaneCallOptions): Promise<Response<undefined>> {
    return this.execute(deleteContainer, options)
  }

  /** Mints an access key for the caller; `output.key` is the key (hidden when printed). */
  createAccessKey(
    options: CreateAccessKeyOptions & ControlPlaneCallOptions = {},
  ): Promise<Response<AccessKey>> {
    return this.execute(createAccessKey, options)
  }

  /** The caller's key with this label and plane, minted if missing (`statusCode` 201) or existing (200). */
  getOrCreateAccessKey(
    options: GetOrCreateAccessKeyOptions & ControlPlaneCallOptions = {},
  ): Promise<Response<AccessKey>> {
    return this.execute(getOrCreateAccessKey, options)
  }

  /** The caller's access keys: `output.accessKeys`. */
  listAccessKeys(options?: ControlPlaneCallOptions): Promise<Response<ListAccessKeysOutput>> {
    return this.execute(listAccessKeys, options)
  }

  /** Revokes an access key at once, on both planes; 404 if unknown. */
  deleteAccessKey(options: DeleteAccessKeyOptions & ControlPlaneCallOptions): Promise<Response<undefined>> {
    return this.execute(deleteAccessKey, options)
  }

  /** The user the client acts as: `output.username`, … */
  self(options?: ControlPlaneCallOptions): Promise<Response<User>> {
    return this.execute(getSelf, options)
  }

  /**
   * Logs in now with the client's username and password (otherwise the first call does); a wrong
   * password raises a 401 {@link ControlPlaneError}. Does nothing for a client with an access key.
   */
  async login(options: Pick<ControlPlaneCallOptions, 'signal' | 'timeout'> = {}): Promise<void> {
    await this.#session?.cookie(options.signal, validateTimeout(options.timeout) ?? this.#timeout)
  }

  /**
   * Runs one control-plane operation: encode, authenticate (logging in if needed), send, decode,
   * raise-for-status. A 401 answered to a session the server forgot logs in again and resends the call once.
   */
  async execute<Options, Output>(
    operation: Operation<Options, Output>,
    options?: Options & ControlPlaneCallOptions,
  ): Promise<Response<Output>> {
    const { raiseForStatus, signal, timeout, retryUnsafe, ...operationOptions } =
      options ?? ({} as ControlPlaneCallOptions)
    const descriptor = operation.encode(operationOptions as Options)
    const policy = validateRaiseForStatus(raiseForStatus) ?? this.#raiseForStatus
    const callTimeout = validateTimeout(timeout) ?? this.#timeout
    if (this.#preparing) {
      await this.#preparing
      this.#preparing = undefined
    }
    const send = (credential: Credential) =>
      this.#sender.send(descriptor, {
        credential,
        signal,
        timeout: callTimeout,
        retry: this.#retry,
        retryUnsafe,
      })
    let credential = await this.#credential(signal, callTimeout)
    let raw = await send(credential)
    if (raw.status === 401 && this.#session) {
      credential = await this.#session.renew(credential, signal, callTimeout)
      raw = await send(credential)
    }
    const response = await this.#response(operation, descriptor, raw)
    if (shouldRaise(response.statusCode, policy)) throw new ControlPlaneError(response)
    return response
  }

  #credential(signal: AbortSignal | undefined, timeout: number): Promise<Credential> | Credential {
    if (this.#credentials.kind === 'fixed') return this.#credentials.credential
    return (this.#session as Session).cookie(signal, timeout)
  }

  async #login(signal: AbortSignal | undefined, timeout: number): Promise<Credential> {
    if (this.#credentials.kind !== 'login') return undefined
    const { username, password } = this.#credentials
    const descriptor = createSession.encode({ username, password })
    const raw = await this.#sender.send(descriptor, {
      credential: undefined,
      signal,
      timeout,
      retry: this.#retry,
    })
    // A failed login raises whatever the call's policy: without a session no call can be made.
    if (raw.status >= 300) throw new ControlPlaneError(await this.#response(createSession, descriptor, raw))
    return sessionCookie(raw.headers)
  }

  async #response<Output>(
    operation: Operation<unknown, Output>,
    descriptor: RequestDescriptor,
    raw: RawResponse,
  ): Promise<Response<Output>> {
    const success = raw.status >= 200 && raw.status < 300
    // The bodies of answers that carry keys stay out of printed responses: `output` has what they held.
    const body = success && secretAnswers.has(descriptor.operation) ? noBody : raw.body
    return new Response<Output>(
      raw.status,
      raw.headers,
      body,
      (success ? await operation.decode(raw, descriptor) : undefined) as Output,
      success ? undefined : decodeErrorBody(raw.body),
      {
        operation: descriptor.operation,
        method: descriptor.method,
        url: hideKeyInUrl(this.#sender.url(descriptor)),
      },
    )
  }
}
