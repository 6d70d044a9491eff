import { Client, ControlPlaneError, controlplane } from 'v3io'

/**
 * The control plane (issue 12): a container for a project and a data-plane access key for a service,
 * then both removed. `endpoint` is the emulator's; on a platform the client reads V3IO_CONTROL_API (and
 * V3IO_ACCESS_KEY, or V3IO_USERNAME and V3IO_PASSWORD), and the examples are skipped without it.
 */
export async function runControlPlaneExamples(endpoint: string | undefined): Promise<void> {
  console.log('\n== control plane ==')
  if (endpoint === undefined && process.env.V3IO_CONTROL_API === undefined) {
    console.log('V3IO_CONTROL_API is not set: skipping the control-plane examples')
    return
  }
  const cp = endpoint
    ? new controlplane.Client({ endpoint, username: 'admin', password: 'demo-password' })
    : new controlplane.Client()
  console.log(`Logged in as ${(await cp.self()).output.username}`)

  // a container for a project, usable on the data plane at once
  const { output: container } = await cp.createContainer({ name: 'demo-project', description: 'the demo' })
  console.log(`Created container ${container.name} (id ${container.id})`)

  // an access key for an ingest service, valid for an hour; printing it never shows the key
  const { output: key } = await cp.createAccessKey({ plane: 'data', label: 'demo-ingest', ttl: 3600 })
  console.log('Minted', key)
  const ingest = new Client({ endpoint: endpoint ?? process.env.V3IO_API, accessKey: key.key })
  await ingest.putObject({ container: 'demo-project', path: '/events/first.json', body: '{"n":1}' })

  // a container that holds anything cannot be deleted
  try {
    await cp.deleteContainer({ id: container.id })
  } catch (error) {
    if (!(error instanceof ControlPlaneError)) throw error
    console.log(`Deleting it now answers ${error.statusCode}: ${error.detail}`)
  }
  await ingest.deleteObject({ container: 'demo-project', path: '/events/first.json' })
  await ingest.deleteObject({ container: 'demo-project', path: '/events/' })

  // revoke the key, then delete the empty container
  await cp.deleteAccessKey({ key })
  await cp.deleteContainer({ id: container.id })
  const names = (await cp.listContainers()).output.containers.map((each) => each.name)
  console.log(`Containers now: ${names.join(', ')}`)
}
