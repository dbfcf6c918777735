/**
 * Two of parse-latin's plugins as plain loops: `mergeInnerWordSymbol` and
 * `mergeRemainingFullStops` run on every block, and most of their time went
 * to the generic child walkers (`unist-util-modify-children`,
 * `unist-util-visit-children`) and to `nlcst-to-string` on single tokens.
 * Each is parse-latin 7's code, step for step, with the same index rules;
 * property tests compare the trees with parse-english's on arbitrary text.
 */
import type {Paragraph, Sentence, SentenceContent} from 'nlcst'

// parse-latin's expressions (lib/expressions.js), which it does not export.
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

type Node = SentenceContent | {type: string; value?: string; children?: Node[]}

function toString(node: Node): string {
  if ('value' in node && node.value !== undefined) return node.value
  const children = ('children' in node ? node.children : undefined) ?? []
  let value = ''
  for (const child of children) value += toString(child as Node)
  return value
}

/** Merge words joined by inner symbols ("e-mail", "AT&T", "3.5", "U.S"). */
export function mergeInnerWordSymbol(parent: Sentence): undefined {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (index === 0 || (child.type !== 'SymbolNode' && child.type !== 'PunctuationNode')) continue
    const previous = siblings[index - 1]
    if (!previous || previous.type !== 'WordNode') continue
    let position = index - 1
    const tokens: Node[] = []
    let queue: Node[] = []
    while (siblings[++position]) {
      const sibling = siblings[position]
      if (sibling.type === 'WordNode') {
        tokens.push(...queue, ...sibling.children)
        queue = []
      } else if ((sibling.type === 'SymbolNode' || sibling.type === 'PunctuationNode') && wordSymbolInner.test(toString(sibling))) {
        queue.push(sibling)
      } else {
        break
      }
    }
    if (tokens.length > 0) {
      if (queue.length > 0) position -= queue.length
      siblings.splice(index, position - index)
      ;(previous.children as Node[]).push(...tokens)
      const last = tokens[tokens.length - 1] as {position?: {end: unknown}}
      if (previous.position && last.position) previous.position.end = last.position.end as never
      // modifyChildren: returning `index` visits `index` again.
      index--
    }
  }
}

/** Merge full stops that do not end a sentence into the word before or after ("Mr." handled before). */
export function mergeRemainingFullStops(paragraph: Paragraph): undefined {
  const sentences = paragraph.children
  for (let index = 0; index in sentences; index++) {
    const child = sentences[index]
    if (!('children' in child)) continue
    const children = child.children as Node[]
    let position = children.length
    let hasFoundDelimiter = false
    while (children[--position]) {
      const grandchild = children[position]
      if (grandchild.type !== 'SymbolNode' && grandchild.type !== 'PunctuationNode') {
        if (grandchild.type === 'WordNode') hasFoundDelimiter = true
        continue
      }
      if (!terminalMarker.test(toString(grandchild))) continue
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true
        continue
      }
      if (toString(grandchild) !== '.') continue
      const previous = children[position - 1] as {type: string; children: Node[]; position?: {start: unknown; end: unknown}} | undefined
      const next = children[position + 1] as {type: string; children: Node[]; position?: {start: unknown; end: unknown}} | undefined
      const point = grandchild as {position?: {start: unknown; end: unknown}}
      if (previous && previous.type === 'WordNode') {
        const nextNext = children[position + 2]
        if (next && nextNext && next.type === 'WhiteSpaceNode' && toString(nextNext) === '.') continue
        children.splice(position, 1)
        previous.children.push(grandchild)
        if (point.position && previous.position) previous.position.end = point.position.end
        position--
      } else if (next && next.type === 'WordNode') {
        children.splice(position, 1)
        next.children.unshift(grandchild)
        if (point.position && next.position) next.position.start = point.position.start
      }
    }
  }
}
