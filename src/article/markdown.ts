/**
 * Markdown input: front matter, headings, paragraphs, lists and block quotes
 * as blocks; the mdast tree is kept for control comments.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import YAML from 'yaml'
import {toString as mdastToString} from 'mdast-util-to-string'
import type {Root as MdastRoot, Nodes as MdastNodes} from 'mdast'
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
 * parser for it, the costliest step of reading.
 */
const markdownSyntax = /^(?:\s{0,3}(?:#|>|[-*+]\s|\d{1,9}[.)]\s|```|~~~|[=-]{2,}\s*$|\|)|\t| {4})|[`<\[\]*_\\|]|&[#a-z0-9]+;/im

function readProse(text: string): MarkdownDocument | undefined {
  const fence = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  const bodyStart = fence ? fence[0].length : 0
  // Wire tickers in angle brackets (`<DH>`, `<BP.L>`) are copy, not markup.
  if (markdownSyntax.test(text.slice(bodyStart).replace(/<[A-Z][A-Z0-9.]*>/g, 'x'))) return undefined
  const tree: MdastRoot = {type: 'root', children: []}
  const front = fence ? readFrontMatter(text, 0, fence[0].trimEnd().length, fence[1]) : undefined
  const blocks: Block[] = front?.title ? [front.title] : []
  blocks.push(...textBlocks(text, bodyStart))
  return {tree, blocks, meta: front?.meta ?? {}, frontMatter: front?.span, frontMatterError: front?.error}
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
  const prose = readProse(text)
  if (prose) return prose
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
