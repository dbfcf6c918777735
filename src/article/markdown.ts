/**
 * Markdown input: front matter, headings, paragraphs, lists and block quotes
 * as blocks; the mdast tree is kept for control comments.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import YAML from 'yaml'
import {toString as mdastToString} from 'mdast-util-to-string'
import type {Root as MdastRoot, Nodes as MdastNodes, Paragraph as MdastParagraph} from 'mdast'
import {type Block, textBlocks} from './blocks.js'
import {InputError} from './read.js'

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()

export interface MarkdownDocument {
  tree: MdastRoot
  blocks: Block[]
  meta: Record<string, unknown>
  /** The front matter region, when there is one. */
  frontMatter?: {start: number; end: number}
  /** Why the front matter could not be read (the body is still linted). */
  frontMatterError?: {message: string; start: number; end: number}
}

/**
 * Markdown that is only front matter and paragraphs of prose (most copy
 * exported from a CMS) reads the same as plain text: skip the Markdown
 * parser for it, the costliest step of reading. Prose has neither of these
 * (two patterns: one alternation of both is twice as slow).
 */
const proseBlockSyntax = /^(?:\s{0,3}(?:#|>|[-*+]\s|\d{1,9}[.)]\s|```|~~~|[=-]+\s*$|\|)|\t| {4})/m
const inlineSyntax = /[`<\[\]*_\\|]|&[#A-Za-z0-9]+;/

/** Block-level Markdown (and what could start an HTML block or a link definition), looked for line by line. */
const blockSyntax = /^(?:\s{0,3}(?:#|>|[-*+]\s|\d{1,9}[.)]\s|```|~~~|[=-]+\s*$|\||<|\[)|\t| {4})/m
/** Space that `trim` takes for blank but CommonMark does not: it could join two of our blocks in one paragraph. */
const unusualSpace = /[\v\f\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/
const blankLine = /\n[ \t]*\r?\n/
// Wire tickers in angle brackets (`<DH>`, `<BP.L>`) are copy, not markup.
const tickers = /<[A-Z][A-Z0-9.]*>/g

function readProse(text: string): MarkdownDocument | undefined {
  const fence = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  const bodyStart = fence ? fence[0].length : 0
  const body = text.slice(bodyStart)
  const prose = !inlineSyntax.test(body.includes('<') ? body.replace(tickers, 'x') : body) && !proseBlockSyntax.test(body)
  // Paragraphs with inline markup only ("<Merrill Lynch>", "@Theresa_May", "[L8N1NW0MW]"): the Markdown parser
  // reads those paragraphs alone.
  if (!prose && (blockSyntax.test(body) || body.includes('<!--') || unusualSpace.test(body))) return undefined
  const tree: MdastRoot = {type: 'root', children: []}
  const front = fence ? readFrontMatter(text, 0, fence[0].trimEnd().length, fence[1]) : undefined
  const blocks: Block[] = front?.title ? [front.title] : []
  const found = textBlocks(text, bodyStart)
  for (let i = 0; i < found.length; i++) {
    const block = found[i]
    if (prose || !inlineSyntax.test(text.slice(block.start, block.end).replace(tickers, 'x'))) {
      blocks.push(block)
      continue
    }
    // A line of a paragraph that `textBlocks` cut in lines stays plain text, as `readMarkdown` leaves it.
    const whole = (i === 0 || blankLine.test(text.slice(found[i - 1].end, block.start))) && (i === found.length - 1 || blankLine.test(text.slice(block.end, found[i + 1].start)))
    if (!whole) {
      blocks.push(block)
      continue
    }
    const node = markdownParagraph(text, block)
    if (!node) return undefined
    tree.children.push(node)
    blocks.push({start: node.position!.start.offset!, end: node.position!.end.offset!, kind: 'paragraph', node, text: mdastToString(node)})
  }
  return {tree, blocks, meta: front?.meta ?? {}, frontMatter: front?.span, frontMatterError: front?.error}
}

/** The Markdown paragraph of `block`, parsed alone, with positions in the file; undefined when it is not one paragraph. */
function markdownParagraph(text: string, block: Block): MdastParagraph | undefined {
  const root = markdownParser.parse(text.slice(block.start, block.end)) as MdastRoot
  if (root.children.length !== 1 || root.children[0].type !== 'paragraph') return undefined
  const lines = text.slice(0, block.start).split('\n')
  const line = lines.length - 1
  const column = lines[lines.length - 1].length
  const move = (point: {line: number; column: number; offset?: number}) => {
    if (point.line === 1) point.column += column
    point.line += line
    point.offset = (point.offset ?? 0) + block.start
  }
  const seen = new Set<object>()
  const visit = (node: MdastNodes) => {
    for (const point of [node.position?.start, node.position?.end]) {
      if (point && !seen.has(point)) {
        seen.add(point)
        move(point)
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes)
  }
  visit(root.children[0])
  return root.children[0]
}

/** Read front matter at `start`..`end`: its metadata, its error, and the headline block. */
function readFrontMatter(text: string, start: number, end: number, value: string) {
  const span = {start, end}
  try {
    const meta = parseFrontMatter(value)
    const title = meta.title ?? meta.headline
    const place = typeof title === 'string' && title.trim() ? locateYamlValue(text, start, end, title) : undefined
    const block: Block | undefined = place ? {start: place.start, end: place.end, kind: 'title', zone: 'headline'} : undefined
    return {span, meta, title: block, error: undefined}
  } catch (error) {
    return {span, meta: {}, title: undefined, error: {message: (error as Error).message, start, end}}
  }
}

export function readMarkdown(text: string): MarkdownDocument {
  return readProse(text) ?? readWholeMarkdown(text)
}

/** `readMarkdown` through the Markdown parser, whatever the file holds (exported for tests). */
export function readWholeMarkdown(text: string): MarkdownDocument {
  const tree = markdownParser.parse(text) as MdastRoot
  const blocks: Block[] = []
  let meta: Record<string, unknown> = {}
  let frontMatter: MarkdownDocument['frontMatter']
  let frontMatterError: MarkdownDocument['frontMatterError']

  const visit = (node: MdastNodes, kind: Block['kind']) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    switch (node.type) {
      case 'yaml': {
        if (start === undefined || end === undefined) return
        const front = readFrontMatter(text, start, end, node.value)
        frontMatter = front.span
        frontMatterError = front.error
        meta = front.meta
        if (front.title) blocks.push(front.title)
        return
      }
      case 'heading':
      case 'paragraph': {
        if (start === undefined || end === undefined) return
        const value = text.slice(start, end)
        const blockKind = node.type === 'heading' ? 'heading' : kind
        if (node.type === 'paragraph' && /\n/.test(value)) {
          // One paragraph per line when each line stands alone (pasted CMS copy).
          const split = textBlocks(text, start, end)
          if (split.length > 1) {
            for (const block of split) blocks.push({...block, kind: blockKind})
            return
          }
        }
        blocks.push({start, end, kind: blockKind, node, text: mdastToString(node)})
        return
      }
      case 'list':
        for (const item of node.children) visit(item, 'list-item')
        return
      case 'listItem':
        for (const child of node.children) visit(child, 'list-item')
        return
      case 'blockquote':
        for (const child of node.children) visit(child, 'blockquote')
        return
      case 'root':
        for (const child of node.children) visit(child, 'paragraph')
        return
      default:
        // Code, tables, HTML, thematic breaks, definitions: not copy.
        return
    }
  }
  visit(tree, 'paragraph')
  return {tree, blocks, meta, frontMatter, frontMatterError}
}

/** Flat `key: scalar` front matter, the common case, read without a YAML parser. */
function parseSimpleFrontMatter(value: string): Record<string, unknown> | undefined {
  const meta: Record<string, unknown> = {}
  for (const line of value.split(/\r?\n/)) {
    if (!line.trim() || /^\s*#/.test(line)) continue
    const match = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/.exec(line)
    if (!match) return undefined
    const raw = match[2] ?? ''
    let parsed: unknown
    if (/^"(?:[^"\\]|\\["\\/bfnrt])*"$/.test(raw)) parsed = JSON.parse(raw)
    else if (/^'(?:[^']|'')*'$/.test(raw)) parsed = raw.slice(1, -1).replace(/''/g, "'")
    else if (/^[\w.@+/-](?:[^:#"'{}[\]&*!|>%@`]|:(?!\s))*$/.test(raw) || raw === '') {
      parsed = raw === '' || /^(null|~)$/.test(raw) ? null : /^(true|false)$/.test(raw) ? raw === 'true' : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
    } else return undefined
    if (match[1] === '__proto__' || match[1] === 'constructor' || match[1] === 'prototype') continue
    meta[match[1]] = parsed
  }
  return meta
}

function parseFrontMatter(value: string): Record<string, unknown> {
  const simple = parseSimpleFrontMatter(value)
  if (simple) return simple
  let data: unknown
  try {
    data = YAML.parse(value, {maxAliasCount: 50, prettyErrors: false})
  } catch (error) {
    throw new InputError(
      'front-matter',
      `Cannot read the front matter: ${String((error as Error).message).split('\n')[0]}`
    )
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('front-matter', 'Cannot read the front matter: expected key: value pairs')
  }
  const meta: Record<string, unknown> = {}
  for (const [key, val] of Object.entries(data as Record<string, unknown>)) {
    meta[key] = val instanceof Date ? val.toISOString().slice(0, 10) : val
  }
  return meta
}

/** Find where a front matter value (title) is written, so headline messages land on it. */
function locateYamlValue(text: string, start: number, end: number, value: string) {
  const region = text.slice(start, end)
  const match = /^(?:title|headline)[ \t]*:[ \t]*(.*?)[ \t]*$/m.exec(region)
  if (!match || match.index === undefined) return undefined
  const raw = match[1]
  const rawStart = start + match.index + match[0].indexOf(raw, match[0].indexOf(':') + 1)
  if (raw === value) return {start: rawStart, end: rawStart + raw.length}
  const quoted = /^(["'])(.*)\1$/.exec(raw)
  if (quoted && quoted[2] === value) return {start: rawStart + 1, end: rawStart + 1 + value.length}
  // Escapes or folding changed the text: fall back to the raw value.
  return raw ? {start: rawStart, end: rawStart + raw.length} : undefined
}
