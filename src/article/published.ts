/** Publication dates as newsrooms write them in metadata, normalised to `YYYY-MM-DD`. */

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * Normalise a metadata date. The calendar date as written is kept (an
 * ISO timestamp `2017-11-07T23:30:00-05:00` is the 7th where it was
 * published), so no time-zone shift happens.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10)
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Unix time in seconds or milliseconds.
    const date = new Date(value < 1e11 ? value * 1000 : value)
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
  }
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(trimmed)
  if (iso) return isValidIsoDate(iso[1]) ? iso[1] : undefined
  if (!/[a-z]{3}/i.test(trimmed) && !/\d{4}/.test(trimmed)) return undefined
  const parsed = new Date(trimmed + (/\d{1,2}:\d{2}/.test(trimmed) ? '' : ' 12:00 UTC'))
  if (Number.isNaN(parsed.getTime())) return undefined
  return parsed.toISOString().slice(0, 10)
}
