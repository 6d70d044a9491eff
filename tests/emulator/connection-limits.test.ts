import { connect, type Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import { useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket))
    socket.on('error', reject)
  })
}

const closed = (socket: Socket) =>
  new Promise<boolean>((resolve) => {
    if (socket.destroyed || socket.readableEnded) resolve(true)
    socket.once('close', () => resolve(true))
    setTimeout(() => resolve(false), 2000)
  })

describe('idle connections', () => {
  const fixture = useEmulator({ maxIdleConnections: 4 })

  it('closes the least recently active idle connections beyond the cap, so new clients get in', async () => {
    const idle: Socket[] = []
    for (let index = 0; index < 10; index++) idle.push(await open(fixture.emulator.url))
    // The six oldest are closed; the four newest stay.
    const states = await Promise.all(idle.slice(0, 6).map(closed))
    expect(states).toEqual([true, true, true, true, true, true])
    expect(idle.slice(6).map((socket) => socket.destroyed || socket.readableEnded)).toEqual([
      false,
      false,
      false,
      false,
    ])
    // A newcomer is served (evicting the oldest remaining idle connection to stay within the cap).
    expect((await rawHttp(fixture.emulator.url, 'GET', '/')).status).toBe(200)
    expect(await closed(idle[6] as Socket)).toBe(true)
    for (const socket of idle) socket.destroy()
  })

  it('does not close a connection while its request is in progress', async () => {
    const busy = await open(fixture.emulator.url)
    const answer = new Promise<string>((resolve) => {
      let text = ''
      busy.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1')
      })
      busy.on('close', () => resolve(text))
    })
    busy.write(
      'PUT /bigdata/slow-upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nConnection: close\r\n\r\nab',
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const others: Socket[] = []
    for (let index = 0; index < 8; index++) others.push(await open(fixture.emulator.url))
    busy.write('cd')
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /)
    for (const socket of others) socket.destroy()
  })
})

describe('connection and scan options', () => {
  it('refuses settings that would make the emulator unusable', async () => {
    await expect(startEmulator({ port: 0, maxIdleConnections: 0 })).rejects.toThrow(/maxIdleConnections/)
    await expect(startEmulator({ port: 0, scanPageBudget: Number.NaN })).rejects.toThrow(/scanPageBudget/)
  })
})
