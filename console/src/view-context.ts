import type { Client } from 'v3io'
import type { Route } from './routes.js'

/** What every screen gets: the client, a signal aborted when the user leaves it, and navigation. */
export interface ViewContext {
  readonly client: Client
  /** The screen's container (empty on the containers screen). */
  readonly container: string
  /** The screen's path in the container, without a leading `/`; directories end with `/`. */
  readonly path: string
  /** Aborted when the screen is left: pending calls and live tails stop. */
  readonly signal: AbortSignal
  /** Shows another screen. */
  go(route: Route): void
}

/** A screen: builds its element at once and fills it as calls complete. */
export type View = (context: ViewContext) => HTMLElement
