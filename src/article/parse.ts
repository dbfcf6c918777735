/**
 * The newslint parser: one unified parser for every input format. It reads
 * the file (text, Markdown, HTML), builds the article model on `file.data`
 * and returns one nlcst tree whose positions are positions in the file, so
 * that retext plugins (ours and others') work unchanged.
 */
import fs from 'node:fs'
import path from 'node:path'
import {ParseEnglish} from 'parse-english'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {location} from 'vfile-location'
import type {VFile} from 'vfile'
import type {Root, Paragraph as NlcstParagraph, Sentence as NlcstSentence, RootContent} from 'nlcst'
import type {Processor} from 'unified'
import {assignZones, textBlocks, type Block} from './blocks.js'
import {readMarkdown} from './markdown.js'
import {readHtml} from './html.js'
import {decodeInput, detectFormat, InputError, DEFAULT_MAX_BYTES} from './read.js'
import {buildArticle} from './model.js'
import {realign} from './realign.js'
import {mergeEnglishElisionExceptions, mergeFinalWordSymbol, mergeInitialisms, mergeInnerWordSymbol, mergeRemainingFullStops} from './plugins.js'
import {normaliseDate} from './published.js'
import type {Article, Format, PublicationDate} from './types.js'

export interface ParseOptions {
  /** Publication date (`YYYY-MM-DD`), overriding what the article says. */
  date?: string
  /** Force a format instead of deciding by extension. */
  format?: Format
  /** Size limit in bytes. */
  maxBytes?: number
  /** Tokenised blocks kept between parses of the same document (language server). */
  paragraphCache?: ParagraphCache
  /** Per-file settings (the CLI: `date` and `maxSize` of the configuration that applies to the file). */
  settingsFor?: (file: VFile) => {date?: string; maxBytes?: number} | undefined
}

/**
 * A store of tokenised blocks for a caller that parses the same article again
 * and again (the language server): a block whose text did not change is not
 * tokenised again. `get` returns the block's paragraphs with positions in the
 * file for a block starting at `start`; `set` keeps them. Keys are opaque.
 */
export interface ParagraphCache {
  get(key: string, start: number, place: ReturnType<typeof location>): NlcstParagraph[] | undefined
  set(key: string, start: number, paragraphs: NlcstParagraph[]): void
}

declare module 'vfile' {
  interface DataMap {
    article: Article
    /** The source tree (mdast or hast) for control comments. */
    sourceTree: {format: Format; tree: unknown}
    /** Why the file could not be read, when it could not. */
    inputError: {code: string; message: string}
    /** Extra metadata given by the caller (audit records). */
    meta: Record<string, unknown>
    /** Tokenised blocks kept between parses (see `ParseOptions.paragraphCache`). */
    paragraphCache: ParagraphCache
  }
}

const INPUT_DOCS = 'https://github.com/newslint/newslint/blob/main/docs/input.md'

type TokenType = 'WhiteSpaceNode' | 'PunctuationNode' | 'WordNode' | 'SymbolNode'
interface Point {
  line: number
  column: number
  offset: number
}

/**
 * The class parse-latin gives each UTF-16 code unit, asked of parse-latin
 * itself (once per code unit, then kept): its tokenizer tests three Unicode
 * regular expressions on every character, the costliest part of a parse.
 */
// Classes as small numbers, and the node type of each (index 0 is never a class).
const WHITE_SPACE = 1
const WORD = 3
const tokenTypes: TokenType[] = ['WhiteSpaceNode', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode']
const plainLatin = new ParseEnglish()
function askParseLatin(code: number): number {
  return tokenTypes.indexOf(ParseEnglish.prototype.tokenize.call(plainLatin, String.fromCharCode(code))[0].type as TokenType, 1)
}
const asciiClasses = new Uint8Array(128).map((_, code) => askParseLatin(code))
const unitClasses = new Map<number, number>()
function classOfUnit(code: number): number {
  let known = unitClasses.get(code)
  if (known === undefined) unitClasses.set(code, (known = askParseLatin(code)))
  return known
}

/**
 * parse-latin's `patchPosition`, reading only the first and the last child:
 * a parent without a start takes its first child's, without an end its last
 * child's.
 */
function patchPosition(node: {children: Array<{position?: {start: unknown; end: unknown}}>; position?: {start?: unknown; end?: unknown}}): undefined {
  const children = node.children
  if (children.length === 0) return
  const first = children[0]
  if (first.position && (!node.position || !node.position.start)) {
    node.position ??= {}
    node.position.start = first.position.start
  }
  const last = children[children.length - 1]
  if (last.position && (!node.position || !node.position.end)) {
    node.position ??= {}
    node.position.end = last.position.end
  }
}

/**
 * A token as parse-latin makes it, except that equal points are one object: a
 * token's end is the next token's start, and a word's end its text's. Nothing
 * changes a point in place (parse-latin's plugins, like newslint, replace
 * them), and a third fewer objects is a third less for the garbage collector.
 */
function tokenNode(type: TokenType, value: string, start: Point, end: Point): ReturnType<ParseEnglish['tokenize']>[number] {
  if (type === 'WordNode') return {type, children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end}}
  return {type, value, position: {start, end}} as never
}

/**
 * parse-english, faster, with the same trees:
 * - tokens are placed where the text starts in the file (parse-latin counts
 *   lines, columns and offsets from the start of the string it is given);
 * - characters are classed by a table built from parse-latin's own answers
 *   instead of by regular expressions (the loop is parse-latin's `tokenize`,
 *   node for node; equal points are one object);
 * - the busiest plugins run as plain loops (./plugins.ts), and plugins that
 *   cannot change a block without some character skip blocks without it.
 * Property tests compare the trees with parse-english's on arbitrary text.
 */
export class PlacedParser extends ParseEnglish {
  origin: Point = {line: 1, column: 1, offset: 0}
  /** The text being parsed by `parse`, for the plugin guards; unknown when a caller runs the plugins itself. */
  private text: string | undefined

  constructor() {
    super()
    // Each guarded plugin can only change a tree whose text holds one of these characters (see each
    // plugin in parse-latin and parse-english): without them it walks every token for nothing.
    // The plugin lists as parse-english 7 builds them; another release keeps its own lists, unguarded.
    if (ParseEnglish.prototype.tokenizeSentencePlugins.length !== 7 || ParseEnglish.prototype.tokenizeParagraphPlugins.length !== 13) return
    const [, initialWordSymbol, , , innerWordSlash, ...restOfSentence] = ParseEnglish.prototype.tokenizeSentencePlugins
    // Ported plugins (./plugins.ts) take the place of parse-english's.
    this.tokenizeSentencePlugins = [
      this.guard(mergeEnglishElisionExceptions, /[/'’]/),
      this.guard(initialWordSymbol, /&/),
      this.guard(mergeFinalWordSymbol, /-/),
      mergeInnerWordSymbol,
      this.guard(innerWordSlash, /\//),
      // mergeInitialisms: a word ending "c.c" (merged by innerWordSymbol) before a full stop, as in "U.S.".
      this.guard(mergeInitialisms, /\.[^]\./),
      ...restOfSentence.slice(1)
    ]
    const paragraph = [...ParseEnglish.prototype.tokenizeParagraphPlugins]
    paragraph[0] = this.guard(paragraph[0], /\./) // mergeEnglishPrefixExceptions: "etc." ends a sentence on a full stop.
    paragraph[4] = this.guard(paragraph[4], /[0-9]/) // mergeInitialDigitSentences
    paragraph[5] = this.guard(paragraph[5], /\./) // mergePrefixExceptions
    paragraph[6] = this.guard(paragraph[6], /[,;]/) // mergeAffixExceptions
    paragraph[7] = mergeRemainingFullStops
    paragraph[10] = this.guard(paragraph[10], /[\r\n][^]*[\r\n]/) // breakImplicitSentences: white space with two line breaks
    this.tokenizeParagraphPlugins = paragraph
    // patchPosition, last in each list (one function), visits every child to read the first and the last.
    const patch: unknown = ParseEnglish.prototype.tokenizeRootPlugins[3]
    if (restOfSentence[1] === patch && paragraph[12] === patch) {
      this.tokenizeSentencePlugins[6] = patchPosition
      this.tokenizeParagraphPlugins[12] = patchPosition
      this.tokenizeRootPlugins = [...ParseEnglish.prototype.tokenizeRootPlugins.slice(0, 3), patchPosition]
    }
  }

  private guard<Node>(plugin: (node: Node) => undefined | void, needs: RegExp): (node: Node) => undefined | void {
    return (node) => {
      if (this.text === undefined || needs.test(this.text)) plugin(node)
    }
  }

  override parse(value: string | null | undefined) {
    this.text = value || undefined
    try {
      return super.parse(value)
    } finally {
      this.text = undefined
    }
  }

  override tokenize(value: string | null | undefined): ReturnType<ParseEnglish['tokenize']> {
    const children: Array<ReturnType<ParseEnglish['tokenize']>[number]> = []
    if (!value) return children
    // The current point, in three numbers (one object a token end, shared with the next token as its start).
    let line = this.origin.line
    let column = this.origin.column
    let offset = this.origin.offset
    let from = 0
    let start: Point = {line, column, offset}
    let previousType = 0
    let previous = -1
    for (let index = 0; index < value.length; index++) {
      const current = value.charCodeAt(index)
      const type = current < 128 ? asciiClasses[current] : classOfUnit(current)
      if (
        from < index &&
        previousType &&
        !(
          previousType === type &&
          (type === WORD || type === WHITE_SPACE || current === previous || (current >= 0xd800 && current <= 0xdfff))
        )
      ) {
        const end = {line, column, offset}
        children.push(tokenNode(tokenTypes[previousType], value.slice(from, index), start, end))
        from = index
        start = end
      }
      // \r, or \n not after \r: a new line.
      if (current === 13 || (current === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (current !== 10) {
        column++
      }
      offset++
      previousType = type
      previous = current
    }
    if (previousType && from < value.length) children.push(tokenNode(tokenTypes[previousType], value.slice(from), start, {line, column, offset}))
    return children
  }

}

const placed = new PlacedParser()
/** For mdast-util-to-nlcst and hast-util-to-nlcst, which place tokens themselves. */
const english = new PlacedParser()

/** Parse `value` alone, with positions at `offset` in the file. */
function parseAt(value: string, offset: number, place: ReturnType<typeof location>): NlcstParagraph[] {
  const origin = place.toPoint(offset)!
  placed.origin = {line: origin.line, column: origin.column, offset}
  try {
    const root = placed.parse(value)
    return root.children.filter((child): child is NlcstParagraph => child.type === 'ParagraphNode')
  } finally {
    placed.origin = {line: 1, column: 1, offset: 0}
  }
}

function blockToParagraphs(block: Block, format: Format, file: VFile, text: string, place: ReturnType<typeof location>): NlcstParagraph[] {
  if (block.node && format === 'markdown' && !plainMarkdown(block.node)) {
    const root = mdastToNlcst(block.node as never, file, english)
    const paragraphs = root.children.filter((child): child is NlcstParagraph => child.type === 'ParagraphNode')
    realign(paragraphs, block.node, text, place)
    return paragraphs
  }
  if (block.node && format === 'html') {
    const root = hastToNlcst(block.node as never, file, english)
    const paragraphs = root.children.filter((child): child is NlcstParagraph => child.type === 'ParagraphNode')
    realign(paragraphs, block.node, text, place)
    // hast-util-to-nlcst may split on <br>: keep one paragraph per block.
    if (paragraphs.length > 1) {
      const merged: NlcstParagraph = {
        type: 'ParagraphNode',
        children: paragraphs.flatMap((p) => p.children),
        position: {start: paragraphs[0].position!.start, end: paragraphs[paragraphs.length - 1].position!.end}
      }
      return [merged]
    }
    return paragraphs
  }
  return parseAt(text.slice(block.start, block.end), block.start, place)
}

/** `blockToParagraphs`, through the paragraph cache when there is one. */
function tokeniseBlock(block: Block, format: Format, file: VFile, text: string, place: ReturnType<typeof location>, cache: ParagraphCache | undefined): NlcstParagraph[] {
  if (!cache) return blockToParagraphs(block, format, file, text, place)
  const key = `${format}:${block.node ? 'node' : 'text'}:${text.slice(block.start, block.end)}`
  const cached = cache.get(key, block.start, place)
  if (cached) return cached
  const paragraphs = blockToParagraphs(block, format, file, text, place)
  cache.set(key, block.start, paragraphs)
  return paragraphs
}

/** A Markdown block with no inline markup: its source is its text, so the faster plain parse applies. */
function plainMarkdown(node: unknown): boolean {
  const {type, children} = node as {type: string; children?: Array<{type: string}>}
  return type === 'paragraph' && Array.isArray(children) && children.every((child) => child.type === 'text')
}

/** Read a file into the article model and an nlcst tree. */
export function parseArticle(file: VFile, options: ParseOptions = {}): Root {
  let text: string
  try {
    text = decodeInput(rawValue(file), options.maxBytes ?? DEFAULT_MAX_BYTES)
  } catch (error) {
    return refuse(file, error)
  }
  file.value = text
  const format = detectFormat(file, text, options.format)
  let blocks: Block[]
  let meta: Record<string, unknown> = {...(file.data.meta ?? {})}
  let published: PublicationDate | undefined
  try {
    if (format === 'markdown') {
      const doc = readMarkdown(text)
      blocks = doc.blocks
      meta = {...doc.meta, ...meta}
      file.data.sourceTree = {format, tree: doc.tree}
      if (doc.frontMatterError) {
        const {message, start, end} = doc.frontMatterError
        const place = location(file)
        const warning = file.message(`${message}; the headline and date in it are ignored`, {
          ruleId: 'front-matter',
          source: 'newslint',
          place: {start: place.toPoint(start)!, end: place.toPoint(end) ?? place.toPoint(end - 1)!}
        })
        warning.fatal = true
        warning.url = INPUT_DOCS
      }
      const raw = doc.meta.date ?? doc.meta.published ?? doc.meta.pubdate ?? doc.meta.publication_date ?? doc.meta.datePublished
      const date = normaliseDate(raw)
      if (date) published = {date, source: 'frontmatter'}
    } else if (format === 'html') {
      const doc = readHtml(text)
      blocks = doc.blocks
      meta = {...doc.meta, ...meta}
      file.data.sourceTree = {format, tree: doc.tree}
      const date = normaliseDate(doc.publishedRaw?.value)
      if (date) published = {date, source: doc.publishedRaw!.source}
      if (typeof doc.meta.title === 'string' && !blocks.some((b) => b.kind === 'heading')) {
        // The headline lives in <head>: keep it as metadata.
        meta.headline = doc.meta.title
      }
    } else {
      blocks = textBlocks(text)
    }
  } catch (error) {
    return refuse(file, error)
  }
  if (options.date) {
    const date = normaliseDate(options.date)
    if (date) published = {date, source: 'option'}
  } else if (!published) {
    const date = normaliseDate(meta.date ?? meta.published)
    if (date) published = {date, source: 'meta'}
  }

  assignZones(blocks, text, blocks.some((b) => b.zone === 'headline'))
  const place = location(file)
  const tree: Root = {type: 'RootNode', children: []}
  const blockParagraphs: NlcstParagraph[][] = []
  for (const block of blocks) {
    const paragraphs = tokeniseBlock(block, format, file, text, place, options.paragraphCache ?? file.data.paragraphCache)
    blockParagraphs.push(paragraphs)
    for (const paragraph of paragraphs) {
      if (tree.children.length > 0) tree.children.push({type: 'WhiteSpaceNode', value: '\n\n'} as RootContent)
      tree.children.push(paragraph)
    }
  }
  if (tree.children.length > 0) {
    const first = tree.children.find((c) => c.position)
    const last = [...tree.children].reverse().find((c) => c.position)
    if (first?.position && last?.position) tree.position = {start: first.position.start, end: last.position.end}
  }
  file.data.article = buildArticle({text, format, blocks, blockParagraphs, meta, published})
  return tree
}

/**
 * The file's bytes when a reader already decoded them with replacement
 * characters (unified-engine reads files as UTF-8 strings): broken UTF-8
 * must be reported, not linted as mojibake.
 */
function rawValue(file: VFile): unknown {
  const value = file.value
  if (typeof value === 'string' && value.includes('\uFFFD') && file.path) {
    try {
      return fs.readFileSync(path.resolve(file.cwd, file.path))
    } catch {
      return value
    }
  }
  return value
}

function refuse(file: VFile, error: unknown): Root {
  const input = error instanceof InputError ? error : new InputError('unreadable', `Cannot read this file: ${String((error as Error)?.message ?? error)}`)
  file.data.inputError = {code: input.code, message: input.message}
  file.value = typeof file.value === 'string' ? file.value : ''
  file.data.article = buildArticle({text: '', format: 'text', blocks: [], blockParagraphs: [], meta: {}, published: undefined})
  const message = file.message(input.message, {ruleId: input.code, source: 'newslint'})
  message.fatal = true
  message.url = INPUT_DOCS
  return {type: 'RootNode', children: []}
}

/** The unified parser plugin. */
export function newslintParse(this: Processor, options: ParseOptions = {}) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this as unknown as {parser: (document: string, file: VFile) => Root}
  self.parser = (_document: string, file: VFile) => {
    if (!options.settingsFor) return parseArticle(file, options)
    let settings: {date?: string; maxBytes?: number} | undefined
    try {
      settings = options.settingsFor(file)
    } catch {
      // A broken configuration is reported by the rules step, with its file and key.
    }
    return parseArticle(file, {...options, date: options.date ?? settings?.date, maxBytes: options.maxBytes ?? settings?.maxBytes})
  }
}

export type {NlcstSentence}
