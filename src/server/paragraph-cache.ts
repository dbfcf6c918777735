/**
 * Per-document cache of tokenised blocks (see `ParagraphCache` in
 * src/article/parse.ts). A block whose text did not change since the last
 * parse is not tokenised again: its nlcst paragraphs are kept, and moved to
 * where the block is now when it is used again (offsets by the block's move,
 * lines by its first node's, columns on that first line only: the block's
 * text is the same, so later lines start at the same margin). A block that
 * did not move costs nothing.
 *
 * The kept nodes are moved in place, not copied: the tree of the previous parse
 * is not used once its run is over or cancelled, and rules read the tree,
 * they do not change it (a block whose text appears twice in one article
 * gets a copy for its second place).
 *
 * Entries live for two parses after their last use (a paragraph typed over
 * and put back, or an undo, still hits), so the cache holds about one
 * document's worth of paragraphs whatever the number of edits.
 */
import type {Nodes, Paragraph} from 'nlcst'
import type {ParagraphCache} from '../article/parse.js'

type Place = Parameters<ParagraphCache['get']>[2]

interface Entry {
  /** The block's paragraphs, positioned where the block was when last used. */
  paragraphs: Paragraph[]
  /** Where the block started then. */
  blockStart: number
  /** Where its first node started then: the nodes on that line move with it, the later lines keep their columns. */
  anchor: Point
  /** The parse that last used this entry. */
  used: number
}

interface Point {
  line: number
  column: number
  offset: number
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
    const to = entry && place.toPoint(entry.anchor.offset + start - entry.blockStart)
    if (!entry || !to) {
      this.misses++
      return undefined
    }
    this.hits++
    const from = entry.anchor
    const shift: Shift = {offset: start - entry.blockStart, line: to.line - from.line, column: to.column - from.column, firstLine: from.line}
    // The same text twice in one article: the second block gets its own copy.
    if (entry.used === this.generation) return entry.paragraphs.map((paragraph) => copyNode(paragraph, shift) as Paragraph)
    entry.used = this.generation
    if (shift.offset !== 0 || shift.line !== 0 || shift.column !== 0) {
      for (const paragraph of entry.paragraphs) moveNode(paragraph, shift)
      entry.anchor = {line: to.line, column: to.column, offset: from.offset + shift.offset}
      entry.blockStart = start
    }
    return entry.paragraphs
  }

  set(key: string, start: number, paragraphs: Paragraph[]): void {
    const first = paragraphs[0]?.position?.start
    if (!first || first.offset === undefined) return
    const anchor = {line: first.line, column: first.column, offset: first.offset}
    // A copy of our own: parsers share point objects between nodes, which moving in place would move twice.
    const own = paragraphs.map((paragraph) => copyNode(paragraph, {offset: 0, line: 0, column: 0, firstLine: anchor.line}) as Paragraph)
    this.entries.set(key, {paragraphs: own, anchor, blockStart: start, used: this.generation})
  }

  clear(): void {
    this.entries.clear()
  }
}

/**
 * How a block moved: every offset by `offset`, every line by `line`, and
 * columns on the block's first line (`firstLine`, before the move) by `column`
 * (later lines start at the margin, wherever the block went).
 */
interface Shift {
  offset: number
  line: number
  column: number
  firstLine: number
}

function movePoint(point: {line: number; column: number; offset?: number}, shift: Shift): Point {
  return {
    line: point.line + shift.line,
    column: point.line === shift.firstLine ? point.column + shift.column : point.column,
    offset: (point.offset ?? 0) + shift.offset
  }
}

function shiftPoint(point: {line: number; column: number; offset?: number}, shift: Shift): void {
  if (point.line === shift.firstLine) point.column += shift.column
  point.line += shift.line
  point.offset = (point.offset ?? 0) + shift.offset
}

/** Move `node` and its descendants by `shift`, in place. */
function moveNode(node: Nodes, shift: Shift): void {
  if (node.position) {
    shiftPoint(node.position.start, shift)
    shiftPoint(node.position.end, shift)
  }
  if ('children' in node) for (const child of node.children as Nodes[]) moveNode(child, shift)
}

/** Copy `node` and its descendants, moved by `shift`. */
function copyNode(node: Nodes, shift: Shift): Nodes {
  const copy = Object.assign({}, node) as Nodes & {children?: Nodes[]}
  if (node.position) copy.position = {start: movePoint(node.position.start, shift), end: movePoint(node.position.end, shift)}
  if ('children' in node) {
    const children = node.children as Nodes[]
    const copied = new Array<Nodes>(children.length)
    for (let i = 0; i < children.length; i++) copied[i] = copyNode(children[i], shift)
    copy.children = copied
  }
  if (node.data) copy.data = {...node.data}
  return copy
}
