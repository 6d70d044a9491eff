/**
 * `v3io/node`: Node-only additions to the SDK, kept out of its main entry point so that browser bundles
 * never see a Node module. It holds {@link nodeHttpTransport}, a transport on `node:http`/`node:https`
 * that costs far less client CPU per request than `fetch`.
 *
 * @example
 * import { Client } from 'v3io'
 * import { nodeHttpTransport } from 'v3io/node'
 *
 * const client = new Client({ endpoint: 'http://v3io-webapi:8081', transport: nodeHttpTransport() })
 *
 * @packageDocumentation
 */
export {
  type NodeHttpTransport,
  type NodeHttpTransportOptions,
  type NodeTlsOptions,
  nodeHttpTransport,
} from './http-transport.js'
