/**
 * HTML input: the article body (not navigation chrome) as blocks, plus the
 * metadata newsrooms put in the head (headline, publication date, section).
 */
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import type {Root as HastRoot, Element, Nodes as HastNodes, ElementContent} from 'hast'
import type {Block} from './blocks.js'

const htmlParser = unified().use(rehypeParse, {fragment: false}).freeze()

const skipped = new Set([
  'nav', 'footer', 'aside', 'script', 'style', 'noscript', 'form', 'template', 'svg',
  'iframe', 'button', 'select', 'textarea', 'canvas', 'video', 'audio', 'object', 'menu', 'dialog', 'head'
])
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'figcaption', 'dd', 'dt', 'pre'])
const containerTags = new Set([
  'div', 'section', 'article', 'main', 'header', 'body', 'html', 'blockquote', 'ul', 'ol', 'dl',
  'figure', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'span'
])

export interface HtmlDocument {
  tree: HastRoot
  blocks: Block[]
  meta: Record<string, unknown>
  /** `<time datetime>` or meta publication date, as written. */
  publishedRaw?: {value: string; source: 'meta' | 'time'}
}

function text(node: HastNodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as HastNodes[]).map(text).join('')
  return ''
}

function find(node: HastNodes, test: (element: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node
  if ('children' in node) {
    for (const child of node.children as HastNodes[]) {
      const found = find(child, test)
      if (found) return found
    }
  }
  return undefined
}

function all(node: HastNodes, test: (element: Element) => boolean, out: Element[] = []): Element[] {
  if (node.type === 'element' && test(node)) out.push(node)
  if ('children' in node) for (const child of node.children as HastNodes[]) all(child, test, out)
  return out
}

export function readHtml(source: string): HtmlDocument {
  const tree = htmlParser.parse(source) as HastRoot
  const meta: Record<string, unknown> = {}
  let publishedRaw: HtmlDocument['publishedRaw']

  for (const element of all(tree, (e) => e.tagName === 'meta')) {
    const key = String(element.properties.property ?? element.properties.name ?? '').toLowerCase()
    const content = element.properties.content
    if (!key || typeof content !== 'string') continue
    if (/^(article:published_time|og:published_time|datepublished|pubdate|publish-date|date|dc\.date|dcterms\.date|sailthru\.date|parsely-pub-date)$/.test(key)) {
      publishedRaw ??= {value: content, source: 'meta'}
    } else if (key === 'article:section' || key === 'section') {
      meta.section = content
    } else if (key === 'author' || key === 'article:author') {
      meta.author = content
    } else if (key === 'og:title' || key === 'twitter:title') {
      meta.title ??= content
    } else if (key === 'og:url') {
      meta.url = content
    }
  }
  const titleElement = find(tree, (e) => e.tagName === 'title')
  if (titleElement && !meta.title) meta.title = text(titleElement).trim()

  const root =
    find(tree, (e) => e.tagName === 'article') ??
    find(tree, (e) => e.tagName === 'main' || e.properties.role === 'main') ??
    find(tree, (e) => e.tagName === 'body') ??
    tree

  if (!publishedRaw) {
    const time = find(root, (e) => e.tagName === 'time' && typeof e.properties.dateTime === 'string')
    if (time) publishedRaw = {value: String(time.properties.dateTime), source: 'time'}
  }

  const blocks: Block[] = []
  const walk = (node: HastNodes, inQuote: boolean) => {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const tag = node.tagName
      if (skipped.has(tag)) return
      if (tag === 'header' && node !== root && !find(node, (e) => /^h[1-6]$/.test(e.tagName))) return
      if (blockTags.has(tag) && !(tag === 'li' && hasBlockChild(node))) {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start === undefined || end === undefined || !text(node).trim()) return
        const kind: Block['kind'] = /^h[1-6]$/.test(tag)
          ? 'heading'
          : tag === 'li'
            ? 'list-item'
            : tag === 'figcaption'
              ? 'caption'
              : inQuote
                ? 'blockquote'
                : 'paragraph'
        const classes = String(node.properties.className ?? '').toLowerCase()
        const zone = /\b(byline|author)\b/.test(classes) ? 'byline' : /\b(caption|credit)\b/.test(classes) ? 'caption' : undefined
        blocks.push({start, end, kind, node, text: text(node), ...(zone ? {zone} : {})})
        return
      }
      if (!containerTags.has(tag) && node !== root) {
        // Inline content directly in a container: treat the element as a paragraph.
        return
      }
      const quote = inQuote || tag === 'blockquote'
      const children = node.children as ElementContent[]
      if (tag === 'div' && children.every((child) => child.type === 'text' || isInline(child))) {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start !== undefined && end !== undefined && text(node).trim()) {
          blocks.push({start, end, kind: quote ? 'blockquote' : 'paragraph', node, text: text(node)})
        }
        return
      }
      for (const child of children) walk(child, quote)
      return
    }
    for (const child of node.children) walk(child as HastNodes, inQuote)
  }
  walk(root, false)
  return {tree, blocks, meta, publishedRaw}
}

const inlineTags = new Set(['a', 'b', 'strong', 'i', 'em', 'span', 'abbr', 'cite', 'q', 'small', 'sub', 'sup', 'time', 'br', 'mark', 'u', 's', 'code'])

function isInline(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'element' && inlineTags.has(node.tagName))
}

function hasBlockChild(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (blockTags.has(child.tagName) || child.tagName === 'ul' || child.tagName === 'ol'))
}
