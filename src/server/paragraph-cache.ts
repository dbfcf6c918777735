/**
 * Per-document cache of tokenised blocks (see `ParagraphCache` in
 * src/article/parse.ts). A block whose text did not change since the last
 * parse is not tokenised again: its nlcst paragraphs are kept with offsets
 * relative to the block, and moved to where the block is now (offsets,
 * lines and columns) when it is used again. Every hit is a fresh copy, so a
 * plugin that touches the tree cannot spoil the cache.
 *
 * Entries live for two parses after their last use (a paragraph typed over
 * and put back, or an undo, still hits), so the cache holds about one
 * document's worth of paragraphs whatever the number of edits.
 */
import type {Nodes, Paragraph} from 'nlcst'
import type {ParagraphCache} from '../article/parse.js'

type Place = Parameters<ParagraphCache['get']>[2]

interface Entry {
  paragraphs: Paragraph[]
  /** The parse that last used this entry. */
  used: number
}

export class DocumentParagraphCache implements ParagraphCache {
  private readonly entries = new Map<string, Entry>()
  private generation = 0
  hits = 0
  misses = 0

  /** Call before a parse. */
  begin(): void {
    this.generation++
  }

  /** Call after a parse: forget blocks unused in this parse and the one before. */
  end(): void {
    for (const [key, entry] of this.entries) {
      if (entry.used < this.generation - 1) this.entries.delete(key)
    }
  }

  get size(): number {
    return this.entries.size
  }

  get(key: string, start: number, place: Place): Paragraph[] | undefined {
    const entry = this.entries.get(key)
    if (!entry) {
      this.misses++
      return undefined
    }
    entry.used = this.generation
    this.hits++
    return entry.paragraphs.map((paragraph) => moveNode(paragraph, start, place) as Paragraph)
  }

  set(key: string, start: number, paragraphs: Paragraph[]): void {
    this.entries.set(key, {paragraphs: paragraphs.map((paragraph) => moveNode(paragraph, -start, undefined) as Paragraph), used: this.generation})
  }

  clear(): void {
    this.entries.clear()
  }
}

/**
 * Copy `node` with every offset moved by `delta`. With `place`, lines and
 * columns are computed for the new offsets (positions in the file); without
 * it, only offsets are kept (positions relative to the block).
 */
function moveNode(node: Nodes, delta: number, place: Place | undefined): Nodes {
  const copy = {...node} as Nodes & {children?: Nodes[]}
  if (node.position) {
    const start = (node.position.start.offset ?? 0) + delta
    const end = (node.position.end.offset ?? 0) + delta
    copy.position = {start: pointAt(start, place), end: pointAt(end, place)}
  }
  if ('children' in node) {
    copy.children = (node.children as Nodes[]).map((child) => moveNode(child, delta, place))
  }
  if ('data' in node && node.data) copy.data = {...node.data}
  return copy
}

function pointAt(offset: number, place: Place | undefined) {
  const point = place?.toPoint(offset)
  return point ? {line: point.line, column: point.column, offset} : {line: 1, column: offset + 1, offset}
}
