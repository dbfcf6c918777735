/**
 * Positions in the file for text that a parser decoded. hast-util-to-nlcst
 * and mdast-util-to-nlcst place the tokens of a text node by adding up their
 * decoded lengths from the node's start: after "&amp;", "&#8217;" or "\*" every
 * later token of the node lands a few characters early, and a message quotes
 * or marks the wrong words. `realign` maps each such point back to the
 * source, character by character.
 */
import {decodeHTML} from 'entities'
import type {Paragraph} from 'nlcst'
import type {location} from 'vfile-location'

interface Point {
  line: number
  column: number
  offset?: number
}

const reference = /^&(?:#[xX][0-9a-fA-F]*|#[0-9]*|[A-Za-z0-9]*);?/
const asciiPunctuation = /^[!-/:-@[-`{-~]$/

/**
 * For each index of `decoded` (and its end), the offset in `raw` where that
 * character's source begins; undefined when the two cannot be matched up.
 * Handles character references (as HTML decodes them), Markdown backslash
 * escapes, CR LF read as LF, and white space the parser dropped.
 */
export function sourceOffsets(decoded: string, raw: string): number[] | undefined {
  const map: number[] = new Array(decoded.length + 1)
  let i = 0
  let j = 0
  while (i < decoded.length) {
    if (j >= raw.length) return undefined
    const char = raw[j]
    if (char === '&') {
      const segment = reference.exec(raw.slice(j, j + 64))![0]
      const value = segment.length > 1 ? decodeHTML(segment) : segment
      if (value !== segment && decoded.startsWith(value, i)) {
        // A reference may be followed by text it does not take ("&copyright": "©" and "right").
        let literal = 0
        while (literal < value.length - 1 && literal < segment.length - 1 && value[value.length - 1 - literal] === segment[segment.length - 1 - literal]) literal++
        const head = value.length - literal
        for (let k = 0; k < head; k++) map[i + k] = j
        for (let k = 0; k < literal; k++) map[i + head + k] = j + segment.length - literal + k
        i += value.length
        j += segment.length
        continue
      }
    }
    if (char === '\\' && j + 1 < raw.length && raw[j + 1] === decoded[i] && asciiPunctuation.test(raw[j + 1])) {
      map[i++] = j
      j += 2
      continue
    }
    if (char === decoded[i]) {
      map[i++] = j++
      continue
    }
    if (char === '\r' && decoded[i] === '\n') {
      map[i++] = j
      j += raw[j + 1] === '\n' ? 2 : 1
      continue
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      j++
      continue
    }
    return undefined
  }
  map[decoded.length] = j
  return map
}

interface Span {
  start: number
  /** Where the decoding parser thinks the node ends: start plus the decoded length. */
  decodedEnd: number
  map: number[]
}

/** Text nodes of a hast or mdast subtree whose value is not their source. */
function spansOf(node: unknown, text: string, spans: Span[]): void {
  const value = node as {type?: string; value?: unknown; position?: {start?: {offset?: number}; end?: {offset?: number}}; children?: unknown[]}
  if (value.type === 'text' && typeof value.value === 'string') {
    const start = value.position?.start?.offset
    const end = value.position?.end?.offset
    if (start === undefined || end === undefined) return
    const raw = text.slice(start, end)
    if (raw === value.value) return
    const map = sourceOffsets(value.value, raw)
    if (map) spans.push({start, decodedEnd: start + value.value.length, map: map.map((offset) => start + offset)})
    return
  }
  if (Array.isArray(value.children)) for (const child of value.children) spansOf(child, text, spans)
}

/** Move the points of `paragraphs` that fall in decoded text back onto the source. */
export function realign(paragraphs: Paragraph[], source: unknown, text: string, place: ReturnType<typeof location>): void {
  const spans: Span[] = []
  spansOf(source, text, spans)
  if (spans.length === 0) return
  spans.sort((a, b) => a.start - b.start)
  const moved = new Map<object, Point>()
  const fix = (point: Point): Point => {
    const known = moved.get(point)
    if (known) return known
    let result = point
    const offset = point.offset
    if (offset !== undefined) {
      const span = spans.find((s) => offset >= s.start && offset <= s.decodedEnd)
      if (span) {
        const target = span.map[offset - span.start]
        if (target !== offset) result = (place.toPoint(target) as Point | undefined) ?? point
      }
    }
    moved.set(point, result)
    return result
  }
  const visit = (node: {position?: {start: Point; end: Point}; children?: unknown[]}) => {
    if (node.position) node.position = {start: fix(node.position.start), end: fix(node.position.end)}
    if (node.children) for (const child of node.children) visit(child as typeof node)
  }
  for (const paragraph of paragraphs) visit(paragraph as never)
}
