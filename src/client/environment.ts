/**
 * Reads an environment variable in runtimes that have one (Node's `process.env`, Deno's `Deno.env`).
 * Browsers and the CDN build have none. An empty value counts as unset; a Deno permission error too.
 */
export function readEnvironment(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> }
    Deno?: { env?: { get(name: string): string | undefined } }
  }
  let value: string | undefined
  try {
    value = runtime.Deno?.env?.get(name) ?? runtime.process?.env?.[name]
  } catch {
    value = undefined
  }
  return value === '' ? undefined : value
}
