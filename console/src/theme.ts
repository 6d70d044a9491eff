/** The two themes. */
export type Theme = 'light' | 'dark'

const storageKey = 'v3io-console.theme'

/** The stored choice, else the system's preference. */
export function initialTheme(): Theme {
  const stored = localStorage.getItem(storageKey)
  if (stored === 'light' || stored === 'dark') return stored
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** Applies a theme to the page (CSS variables keyed on `data-theme`) and remembers it. */
export function applyTheme(theme: Theme, remember = false): void {
  document.documentElement.dataset.theme = theme
  if (remember) localStorage.setItem(storageKey, theme)
}
