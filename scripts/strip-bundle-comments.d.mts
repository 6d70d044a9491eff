/** The text of a CommonJS file without its comments (legal comments and annotations stay). */
export function stripComments(text: string): string
/** Strips the comments of every `.cjs` file directly in `directory`. */
export function stripBundleComments(directory: string): Promise<void>
