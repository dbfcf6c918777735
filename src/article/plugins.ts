/**
 * parse-english's busiest plugins as plain loops: they run on every block,
 * and most of their time went to the generic child walkers
 * (`unist-util-modify-children`, `unist-util-visit-children`) and to
 * `nlcst-to-string` on single tokens. Each is parse-latin 7's (or
 * parse-english 7's) code, step for step, with the same index rules: a
 * modifier that returns `index` visits `index` again, a visitor goes on to
 * the next index whatever it removed. Property tests compare the trees with
 * parse-english's on arbitrary text.
 */
import type {Paragraph, Sentence, SentenceContent} from 'nlcst'

// parse-latin's and parse-english's expressions (lib/expressions.js, lib/regex.js), which they do not export.
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/
const numerical =
  /^(?:[\d\u00B2\u00B3\u00B9\u00BC-\u00BE\u0660-\u0669\u06F0-\u06F9\u07C0-\u07C9\u0966-\u096F\u09E6-\u09EF\u09F4-\u09F9\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0B72-\u0B77\u0BE6-\u0BF2\u0C66-\u0C6F\u0C78-\u0C7E\u0CE6-\u0CEF\u0D58-\u0D5E\u0D66-\u0D78\u0DE6-\u0DEF\u0E50-\u0E59\u0ED0-\u0ED9\u0F20-\u0F33\u1040-\u1049\u1090-\u1099\u1369-\u137C\u16EE-\u16F0\u17E0-\u17E9\u17F0-\u17F9\u1810-\u1819\u1946-\u194F\u19D0-\u19DA\u1A80-\u1A89\u1A90-\u1A99\u1B50-\u1B59\u1BB0-\u1BB9\u1C40-\u1C49\u1C50-\u1C59\u2070\u2074-\u2079\u2080-\u2089\u2150-\u2182\u2185-\u2189\u2460-\u249B\u24EA-\u24FF\u2776-\u2793\u2CFD\u3007\u3021-\u3029\u3038-\u303A\u3192-\u3195\u3220-\u3229\u3248-\u324F\u3251-\u325F\u3280-\u3289\u32B1-\u32BF\uA620-\uA629\uA6E6-\uA6EF\uA830-\uA835\uA8D0-\uA8D9\uA900-\uA909\uA9D0-\uA9D9\uA9F0-\uA9F9\uAA50-\uAA59\uABF0-\uABF9\uFF10-\uFF19]|\uD800[\uDD07-\uDD33\uDD40-\uDD78\uDD8A\uDD8B\uDEE1-\uDEFB\uDF20-\uDF23\uDF41\uDF4A\uDFD1-\uDFD5]|\uD801[\uDCA0-\uDCA9]|\uD802[\uDC58-\uDC5F\uDC79-\uDC7F\uDCA7-\uDCAF\uDCFB-\uDCFF\uDD16-\uDD1B\uDDBC\uDDBD\uDDC0-\uDDCF\uDDD2-\uDDFF\uDE40-\uDE48\uDE7D\uDE7E\uDE9D-\uDE9F\uDEEB-\uDEEF\uDF58-\uDF5F\uDF78-\uDF7F\uDFA9-\uDFAF]|\uD803[\uDCFA-\uDCFF\uDD30-\uDD39\uDE60-\uDE7E\uDF1D-\uDF26\uDF51-\uDF54\uDFC5-\uDFCB]|\uD804[\uDC52-\uDC6F\uDCF0-\uDCF9\uDD36-\uDD3F\uDDD0-\uDDD9\uDDE1-\uDDF4\uDEF0-\uDEF9]|\uD805[\uDC50-\uDC59\uDCD0-\uDCD9\uDE50-\uDE59\uDEC0-\uDEC9\uDF30-\uDF3B]|\uD806[\uDCE0-\uDCF2\uDD50-\uDD59]|\uD807[\uDC50-\uDC6C\uDD50-\uDD59\uDDA0-\uDDA9\uDF50-\uDF59\uDFC0-\uDFD4]|\uD809[\uDC00-\uDC6E]|\uD81A[\uDE60-\uDE69\uDEC0-\uDEC9\uDF50-\uDF59\uDF5B-\uDF61]|\uD81B[\uDE80-\uDE96]|\uD834[\uDEC0-\uDED3\uDEE0-\uDEF3\uDF60-\uDF78]|\uD835[\uDFCE-\uDFFF]|\uD838[\uDD40-\uDD49\uDEF0-\uDEF9]|\uD839[\uDCF0-\uDCF9]|\uD83A[\uDCC7-\uDCCF\uDD50-\uDD59]|\uD83B[\uDC71-\uDCAB\uDCAD-\uDCAF\uDCB1-\uDCB4\uDD01-\uDD2D\uDD2F-\uDD3D]|\uD83C[\uDD00-\uDD0C]|\uD83E[\uDFF0-\uDFF9])+$/
const apostrophe = /^['’]$/
const elisionPrefix = /^(ol?)$/
const elisionAffix = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/

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
      const first = toString(grandchild).charCodeAt(0)
      // terminalMarker: only these characters (the first tells most tokens apart).
      if ((first !== 33 && first !== 46 && first !== 63 && first !== 0x2026 && first !== 0x203d) || !terminalMarker.test(toString(grandchild))) continue
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

type Parent = {children: Node[]}
type Positioned = Node & {position?: {start: unknown; end: unknown}; children: Node[]}

/** Take `children[index]` out and append it to `word`, whose end becomes its end. */
function appendTo(word: Positioned, children: Node[], index: number): void {
  const child = children[index] as Positioned
  children.splice(index, 1)
  word.children.push(child)
  if (word.position && child.position) word.position.end = child.position.end
}

/** Merge a final hyphen into the word before it ("pre-" in "pre- and post-war"). */
export function mergeFinalWordSymbol(parent: Sentence): undefined {
  const children = (parent as Parent).children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Positioned
    if (index === 0 || (child.type !== 'SymbolNode' && child.type !== 'PunctuationNode') || toString(child) !== '-') continue
    const previous = children[index - 1] as Positioned | undefined
    const next = children[index + 1]
    if ((!next || next.type !== 'WordNode') && previous && previous.type === 'WordNode') {
      appendTo(previous, children, index)
      index--
    }
  }
}

/** Merge the full stop of an initialism into it ("U.S." after "U.S"), unless it is all digits. */
export function mergeInitialisms(parent: Sentence): undefined {
  const children = (parent as Parent).children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Positioned
    if (index === 0 || child.type !== 'PunctuationNode' || toString(child) !== '.') continue
    const previous = children[index - 1] as Positioned
    if (previous.type !== 'WordNode' || !previous.children || previous.children.length === 1 || previous.children.length % 2 === 0) continue
    let position = previous.children.length
    let isAllDigits = true
    let merge = true
    while (previous.children[--position]) {
      const value = toString(previous.children[position])
      if (position % 2 === 0) {
        if (value.length > 1) {
          merge = false
          break
        }
        if (!numerical.test(value)) isAllDigits = false
      } else if (value !== '.') {
        if (position < previous.children.length - 2) break
        merge = false
        break
      }
    }
    if (merge && !isAllDigits) {
      appendTo(previous, children, index)
      index--
    }
  }
}

/** parse-english's elisions: "w/", "o'", "'tis", "'90s", "rock 'n' roll". */
export function mergeEnglishElisionExceptions(sentence: Sentence): undefined {
  const siblings = (sentence as Parent).children
  for (let index = 0; index in siblings; index++) {
    const child = siblings[index] as Positioned
    if (child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') continue
    const length = siblings.length
    const value = toString(child)
    if (value === '/') {
      const sibling = siblings[index - 1] as Positioned | undefined
      if (sibling && sibling.type === 'WordNode' && toString(sibling).toLowerCase() === 'w') {
        appendTo(sibling, siblings, index)
      }
    } else if (apostrophe.test(value)) {
      const sibling = siblings[index - 1] as Positioned
      if (
        index > 2 &&
        index < length - 1 &&
        sibling.type === 'WordNode' &&
        siblings[index - 2].type === 'WhiteSpaceNode' &&
        siblings[index + 1].type === 'WhiteSpaceNode' &&
        elisionPrefix.test(toString(sibling).toLowerCase())
      ) {
        appendTo(sibling, siblings, index)
        continue
      }
      if (index !== length - 1 && siblings[index + 1].type === 'WordNode' && (index === 0 || siblings[index - 1].type !== 'WordNode')) {
        const next = siblings[index + 1] as Positioned
        const nextValue = toString(next).toLowerCase()
        const other = siblings[index + 2] as Positioned | undefined
        if (next.type === 'WordNode' && elisionAffix.test(nextValue)) {
          siblings.splice(index, 1)
          next.children.unshift(child)
          if (next.position && child.position) next.position.start = child.position.start
        } else if (next.type === 'WordNode' && nextValue === 'n' && other && other.type === 'PunctuationNode' && apostrophe.test(toString(other))) {
          siblings.splice(index, 1)
          siblings.splice(index + 1, 1)
          next.children.unshift(child)
          next.children.push(other)
          if (next.position) {
            if (child.position) next.position.start = child.position.start
            if (other.position) next.position.end = other.position.end
          }
        }
      }
    }
  }
}
