/**
 * What a client may set in `initializationOptions`:
 *
 *     {"debounce": 150, "maxSize": 262144, "date": "2024-12-20", "paragraphCache": true}
 *
 * Anything missing or malformed falls back to the default (and is logged).
 */

export interface ServerSettings {
  /** Milliseconds to wait after the last change before linting. */
  debounce: number
  /** Largest document (UTF-8 bytes) linted live; a configuration's smaller `maxSize` lowers it. */
  maxSize: number
  /** Whether `initializationOptions.maxSize` was given (it then wins over configuration files). */
  maxSizeFromClient: boolean
  /** Publication date for every document (`YYYY-MM-DD`), when the client sets one. */
  date?: string
  /** Keep tokenised paragraphs between runs (off only to measure what the cache saves). */
  paragraphCache: boolean
}

/** 150 ms: below the pause between two words of a fast typist, above a key repeat. */
export const DEFAULT_DEBOUNCE = 150
/**
 * 256 kB: news copy is rarely over 100 kB (a 15,000-word feature is about
 * 90 kB), and a document linted on every pause must be linted in about a
 * second at most (the whole article is linted on each run: 200 kB takes
 * over a second today, 1 MB about twenty).
 */
export const DEFAULT_MAX_SIZE = 256 * 1024

export function readSettings(options: unknown, warn: (message: string) => void): ServerSettings {
  const settings: ServerSettings = {debounce: DEFAULT_DEBOUNCE, maxSize: DEFAULT_MAX_SIZE, maxSizeFromClient: false, paragraphCache: true}
  if (options === undefined || options === null) return settings
  if (typeof options !== 'object' || Array.isArray(options)) {
    warn('initializationOptions: expected an object; using the defaults')
    return settings
  }
  const raw = options as Record<string, unknown>
  if (raw.debounce !== undefined) {
    if (typeof raw.debounce === 'number' && raw.debounce >= 0 && raw.debounce <= 10_000) settings.debounce = raw.debounce
    else warn(`initializationOptions.debounce: expected milliseconds between 0 and 10000; using ${DEFAULT_DEBOUNCE}`)
  }
  if (raw.maxSize !== undefined) {
    if (typeof raw.maxSize === 'number' && raw.maxSize > 0) {
      settings.maxSize = raw.maxSize
      settings.maxSizeFromClient = true
    } else warn(`initializationOptions.maxSize: expected a positive number of bytes; using ${DEFAULT_MAX_SIZE}`)
  }
  if (raw.date !== undefined) {
    if (typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date)) settings.date = raw.date
    else warn('initializationOptions.date: expected YYYY-MM-DD; ignored')
  }
  if (raw.paragraphCache !== undefined) {
    if (typeof raw.paragraphCache === 'boolean') settings.paragraphCache = raw.paragraphCache
    else warn('initializationOptions.paragraphCache: expected true or false; ignored')
  }
  return settings
}
