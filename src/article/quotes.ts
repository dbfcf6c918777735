/**
 * Direct quotations: straight and curly double quotes, guillemets, and single
 * curly quotes used as quotation marks (not apostrophes). A quotation that is
 * not closed by the end of its paragraph runs to the paragraph's end; when the
 * next paragraph opens with a quotation mark, that quotation continues it (the
 * newsroom convention for quotes over several paragraphs).
 */
import {decodeHTML} from 'entities'
import type {Quotation, Span} from './types.js'

const openers: Record<string, string> = {'“': '”', '«': '»', '„': '“', '‘': '’', '"': '"', '‹': '›'}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
}

// Quotation marks, also as character references (`&#8220;`, `&ldquo;`, `&quot;`: WordPress and many CMSs write them so).
// One class of characters (a fast scan); an ampersand is looked at closer.
const quoteMarks = /["“”«»„‘’‹›&]/g
const reference = /&(?:#\d{2,4}|#[xX][0-9a-fA-F]{2,4}|[a-z]{4,5});/y
const isQuoteMark = /^["“”«»„‘’‹›]$/

/** Find the quotations in one paragraph (`start`..`end` of `text`). */
export function findQuotations(text: string, paragraph: Span, continuesPrevious: boolean): Quotation[] {
  const result: Quotation[] = []
  let open: {char: string; close: string; start: number} | undefined
  const region = text.slice(paragraph.start, paragraph.end)
  quoteMarks.lastIndex = 0
  // Visit quotation marks only, not every character.
  for (let match = quoteMarks.exec(region); match; match = quoteMarks.exec(region)) {
    const i = paragraph.start + match.index
    let mark = match[0]
    if (mark === '&') {
      reference.lastIndex = match.index
      mark = reference.exec(region)?.[0] ?? mark
    }
    const ch = mark.length > 1 ? decodeHTML(mark) : mark
    if (!isQuoteMark.test(ch)) continue
    // The character after the mark (after the whole reference, for `&#8221;`).
    const after = i + mark.length
    if (open) {
      if (ch === open.close) {
        // A straight quote or ’ followed by a letter is an apostrophe or inner mark, not a close.
        if (open.close === '’' && isWordChar(text[after])) continue
        if (open.close === '"' && isWordChar(text[i - 1]) === false && isWordChar(text[after])) continue
        result.push({start: open.start, end: after, open: open.char, closed: true, continued: continuesPrevious && result.length === 0})
        open = undefined
      }
      continue
    }
    const close = openers[ch]
    if (!close) continue
    const before = text[i - 1]
    if (ch === '‘' || ch === '"') {
      // Opening only at a word boundary: start, space, dash, bracket.
      if (i > paragraph.start && before !== undefined && !/[\s([{—–-]/.test(before)) continue
      if (!isWordChar(text[after]) && !/[‘'“.…$£€&]/.test(text[after] ?? '')) continue
    }
    open = {char: ch, close, start: i}
  }
  if (open) {
    result.push({start: open.start, end: paragraph.end, open: open.char, closed: false, continued: continuesPrevious && result.length === 0})
  }
  return result
}

/** Is `offset` inside one of the (sorted) quotations? */
export function quotationAt(quotations: Quotation[], offset: number): Quotation | undefined {
  let lo = 0
  let hi = quotations.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const q = quotations[mid]
    if (offset < q.start) hi = mid - 1
    else if (offset >= q.end) lo = mid + 1
    else return q
  }
  return undefined
}
