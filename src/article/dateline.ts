/**
 * Datelines: `SEOUL (Reuters) -`, `DAMASCUS, Syria (North Press) –`,
 * `SAN FRANCISCO, March 22 -`, `LONDON, Nov 5 (Reuters) -`.
 */
import type {Dateline} from './types.js'

export const monthNames: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12
}

const datelinePattern = new RegExp(
  String.raw`^((?:[A-Z][A-Z'’.\-]+|[A-Z]\.)(?:[ /\-](?:[A-Z][A-Z'’.\-]*|[A-Z]\.))*)` + // PLACE in capitals
    String.raw`((?:,\s*(?:[A-Z][a-zA-Z.]+)(?:\s[A-Z][a-zA-Z.]+)?)*?)` + // , Region
    String.raw`(?:,\s*([A-Z][a-z]{2,8}\.?)\s+(\d{1,2}))?` + // , March 22
    String.raw`\s*(?:\(([^)\n]{2,40})\))?` + // (Agency)
    String.raw`\s*[-–—]{1,2}\s+`
)

export function findDateline(text: string, start: number): Dateline | undefined {
  const head = text.slice(start, start + 160)
  const match = datelinePattern.exec(head)
  if (!match) return undefined
  const place = match[1] + (match[2] ?? '')
  // At least one word of two capitals: avoids "I - " and sentence starts.
  if (!/[A-Z]{2}/.test(match[1])) return undefined
  const dateline: Dateline = {
    start,
    end: start + match[0].length,
    text: match[0].trim(),
    place: place.trim()
  }
  if (match[5]) dateline.agency = match[5].trim()
  if (match[3] && match[4]) {
    const month = monthNames[match[3].replace('.', '').toLowerCase()]
    const day = Number(match[4])
    if (month && day >= 1 && day <= 31) {
      dateline.month = month
      dateline.day = day
    }
  }
  return dateline
}
