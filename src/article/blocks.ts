/**
 * Blocks: the paragraph-level units of an article before they are tokenised,
 * with what the source format says about them (a Markdown heading, an HTML
 * caption…) and what their shape says (a headline, a byline, a subheading).
 */
import type {Zone} from './types.js'

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'caption' | 'title'

export interface Block {
  start: number
  end: number
  kind: BlockKind
  /** Converts the block to nlcst paragraphs with positions in the file. */
  node?: unknown
  zone?: Zone
  /** The visible text, when the source has markup (HTML, Markdown). */
  text?: string
}

const terminalPunctuation = /[.!?…:;,"”’')\]]\s*$/
const sentenceEnd = /[.!?…]["”’')\]]*\s*$/

/** Words of a line, for shape tests. */
function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

const minorWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with',
  'from', 'as', 'into', 'amid', 'over', 'after', 'vs', 'vs.', 'via', 'per', 'is', 'are', 'its', 'his',
  'her', 'their', 'up', 'out', 'off', 'than', 'be'
])

/** Does a line look like a title (headline or subheading): short, no closing full stop, capitalised? */
export function looksLikeTitle(text: string, maxWords = 20): boolean {
  const trimmed = text.trim()
  if (!trimmed || trimmed.length > 200) return false
  if (/[.;,]\s*$/.test(trimmed) && !/\b[A-Z][a-z]{0,3}\.$/.test(trimmed)) return false
  const words = wordsOf(trimmed)
  if (words.length === 0 || words.length > maxWords) return false
  if (!/^["“‘']?[\p{Lu}\p{N}]/u.test(trimmed)) return false
  const content = words.filter((w) => !minorWords.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')))
  if (content.length === 0) return false
  const capitalised = content.filter((w) => /^["“‘'(]?[\p{Lu}\p{N}$£€]/u.test(w)).length
  // Sentence-case headlines ("Trump to give major North Korea speech") are
  // common: accept them when short and unpunctuated.
  return capitalised / content.length >= 0.6 || (words.length <= 14 && !/[.!]$/.test(trimmed))
}

/** Does a line look like a subheading inside the body: very short and title-cased? */
export function looksLikeSubheading(text: string): boolean {
  const trimmed = text.trim()
  if (sentenceEnd.test(trimmed) || /[,;:]\s*$/.test(trimmed)) return false
  const words = wordsOf(trimmed)
  if (words.length === 0 || words.length > 10) return false
  if (!/^[\p{Lu}\p{N}]/u.test(trimmed)) return false
  const content = words.filter((w) => !minorWords.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')))
  if (content.length === 0) return false
  const capitalised = content.filter((w) => /^["“‘'(]?[\p{Lu}\p{N}]/u.test(w)).length
  return capitalised / content.length >= 0.75
}

export const bylinePattern = /^(?:by|BY|By)\s+[\p{Lu}][\p{L}.'’-]+(?:[\s,]+(?:and\s+)?[\p{Lu}][\p{L}.'’-]+){0,8}\s*(?:[,|–—-].{0,60})?$/u

export function looksLikeByline(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length <= 120 && bylinePattern.test(trimmed)
}

const captionPattern =
  /^(?:photo|image|picture|caption|video|file photo|graphic)\b[^.]{0,40}[:–—-]|\((?:photo|image|picture)[^)]*\)\s*$|\b(?:Getty Images|AFP\/|Reuters\/|AP Photo|EPA\/)[^.]*$/i

export function looksLikeCaption(text: string): boolean {
  // Captions are short; long paragraphs are copy.
  return text.length < 400 && captionPattern.test(text.trim())
}

const signoffPattern =
  /^\(?(?:\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|additional reporting)\s+by\b.*|\s*[-–—]+\s*[A-Z][A-Za-z ]{1,30})\)?\s*$|^#{3}$|^-?\s*(?:ends|end)\s*-?$/i

export function looksLikeSignoff(text: string): boolean {
  return signoffPattern.test(text.trim())
}

const listItemPattern = /^\s*(?:[-*•◦▪]\s+|\d{1,3}[.)]\s+)/

export function looksLikeListItem(text: string): boolean {
  return listItemPattern.test(text)
}

export function endsLikeSentence(text: string): boolean {
  return terminalPunctuation.test(text)
}

/**
 * Give every block a zone. Explicit zones (from the format) are kept; the
 * rest are decided by shape and place: the headline first, a byline near the
 * top, subheadings between body paragraphs, captions, sign-offs at the end.
 */
export function assignZones(blocks: Block[], text: string, hasHeadline: boolean): void {
  let headlineSeen = hasHeadline
  let bodySeen = false
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (block.zone) {
      if (block.zone === 'headline') headlineSeen = true
      if (block.zone === 'body') bodySeen = true
      continue
    }
    const value = block.text ?? text.slice(block.start, block.end)
    const isLast = index === blocks.length - 1
    if (block.kind === 'title') {
      block.zone = 'headline'
      headlineSeen = true
    } else if (block.kind === 'caption') {
      block.zone = 'caption'
    } else if (block.kind === 'list-item' || (block.kind === 'paragraph' && looksLikeListItem(value))) {
      block.zone = 'list-item'
    } else if (block.kind === 'heading') {
      if (!headlineSeen && !bodySeen) {
        block.zone = 'headline'
        headlineSeen = true
      } else {
        block.zone = 'subheading'
      }
    } else if (!bodySeen && index <= 3 && looksLikeByline(value)) {
      block.zone = 'byline'
    } else if (!headlineSeen && !bodySeen && index === 0 && !isLast && looksLikeTitle(value)) {
      block.zone = 'headline'
      headlineSeen = true
    } else if (looksLikeCaption(value)) {
      block.zone = 'caption'
    } else if (bodySeen && isLast && looksLikeSignoff(value)) {
      block.zone = 'signoff'
    } else if (bodySeen && !isLast && looksLikeSubheading(value)) {
      block.zone = 'subheading'
    } else if (block.kind === 'blockquote') {
      block.zone = 'blockquote'
    } else {
      block.zone = 'body'
      bodySeen = true
    }
  }
}

/**
 * Is `line` hard-wrapped onto `next`: it stops on a comma, a hyphen or a minor
 * word ("…support for unmaintained versions of" / "Node."), or the next line
 * carries on in lower case? Then the two belong to one paragraph.
 */
function wrapsOnto(line: string, next: string): boolean {
  if (looksLikeListItem(next)) return false
  if (/^[\p{Ll}]/u.test(next.trim())) return true
  if (/[,\-–—]\s*$/.test(line)) return true
  const last = /([\p{L}]+)\s*$/u.exec(line)?.[1]
  return last !== undefined && last === last.toLowerCase() && minorWords.has(last)
}

/**
 * Plain text: paragraphs are separated by blank lines; inside a chunk, lines
 * are separate paragraphs when each one stands alone (ends a sentence or is a
 * title-like line), as in copy pasted from a CMS with one paragraph a line.
 * Hard-wrapped prose stays one paragraph.
 */
export function textBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = []
  // Chunks of non-blank lines, found by walking line ends (a lazy regex with
  // a look-ahead costs more than the tokeniser on long copy).
  const chunks: Array<Array<{start: number; end: number; value: string}>> = [[]]
  for (let lineStart = from; lineStart < to; ) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1 || lineEnd > to) lineEnd = to
    const value = text.slice(lineStart, lineEnd)
    const trimmed = value.trim()
    if (trimmed) {
      const start = lineStart + (value.length - value.trimStart().length)
      chunks[chunks.length - 1].push({start, end: start + trimmed.length, value: trimmed})
    } else if (chunks[chunks.length - 1].length > 0) {
      chunks.push([])
    }
    lineStart = lineEnd + 1
  }
  for (const lines of chunks) {
    if (lines.length === 0) continue
    const standalone =
      lines.length === 1 ||
      lines.every(
        (line, i) =>
          i === lines.length - 1 ||
          (!wrapsOnto(line.value, lines[i + 1].value) &&
            (endsLikeSentence(line.value) ||
              looksLikeTitle(line.value) ||
              looksLikeByline(line.value) ||
              looksLikeListItem(lines[i + 1].value)))
      )
    if (standalone) {
      for (const line of lines) {
        blocks.push({start: line.start, end: line.end, kind: 'paragraph'})
      }
    } else {
      blocks.push({start: lines[0].start, end: lines[lines.length - 1].end, kind: 'paragraph'})
    }
  }
  return blocks
}
