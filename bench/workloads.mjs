/** The request workloads of the benchmark: what each call sends, for the SDK and for the raw client. */
import { kvOperations, objectOperations } from '../dist/index.js'

const container = 'bigdata'
/** Distinct objects and items the workloads cycle through. */
export const keyCount = 1000
const objectBody = 'x'.repeat(256)

const itemAttributes = (index) => ({
  name: `item-${index}`,
  age: 20 + (index % 50),
  score: index / 7,
  active: index % 2 === 0,
  city: 'Tel Aviv',
})

/**
 * Each workload names the client method, its operation (to build the raw client's identical requests
 * with `client.describe`) and the options of call `index`.
 */
export const workloads = [
  {
    name: 'PutObject',
    method: 'putObject',
    operation: objectOperations.putObject,
    options: (index) => ({ container, path: `bench/objects/o${index % keyCount}`, body: objectBody }),
  },
  {
    name: 'GetObject',
    method: 'getObject',
    operation: objectOperations.getObject,
    options: (index) => ({ container, path: `bench/objects/o${index % keyCount}` }),
  },
  {
    name: 'PutItem',
    method: 'putItem',
    operation: kvOperations.putItem,
    options: (index) => ({
      container,
      path: `bench/items/k${index % keyCount}`,
      attributes: itemAttributes(index % keyCount),
    }),
  },
  {
    name: 'GetItem',
    method: 'getItem',
    operation: kvOperations.getItem,
    options: (index) => ({ container, path: `bench/items/k${index % keyCount}` }),
  },
]

/** The attributes of scan item `index`. */
export const scanItem = itemAttributes

/** Whether the SDK build in dist has the operations a workload needs (KV lands separately). */
export function available(workload) {
  return workload.operation !== undefined
}
