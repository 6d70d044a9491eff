import type { Handler, HandlerResult } from '../context.js'
import type { Store } from '../storage/store.js'
import { creationDate, XmlWriter } from './xml-writer.js'

/** ListContainers: `GET /` (ED-1). */
export function listContainers(store: Store): HandlerResult {
  const xml = new XmlWriter().open('ListBucketResult')
  xml
    .open('Owner')
    .element('ID', '000000000000000000000000000000')
    .element('DisplayName', 'admin')
    .close('Owner')
  xml.open('Buckets')
  for (const container of store.listContainers()) {
    xml
      .open('Bucket')
      .element('Name', container.name)
      .element('CreationDate', creationDate(container.creationTime))
      .element('Id', container.id)
      .close('Bucket')
  }
  xml.close('Buckets').close('ListBucketResult')
  return { status: 200, body: xml.toString(), contentType: 'application/xml' }
}

/** HeadContainer: `HEAD /<c>`; the pipeline already answered 404 for unknown containers. */
export const headContainer: Handler = () => ({ status: 200 })
