import { describeError } from './errors.js'

/**
 * A one-line status under a screen's controls. It always takes its line (empty or not), so that a message
 * appearing never moves the content below it; errors are announced to screen readers.
 */
export class StatusLine {
  readonly element: HTMLParagraphElement

  constructor() {
    this.element = document.createElement('p')
    this.element.className = 'status'
    this.element.setAttribute('role', 'status')
    this.element.textContent = '\u00a0'
  }

  /** Shows progress or a result. */
  info(text: string): void {
    this.element.classList.remove('error')
    this.element.textContent = text || '\u00a0'
  }

  /** Shows a failure. */
  error(error: unknown): void {
    this.element.classList.add('error')
    this.element.textContent = describeError(error)
  }
}
