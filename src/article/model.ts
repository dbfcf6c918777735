/**
 * Build the article model from blocks and their nlcst paragraphs: zones,
 * headline, byline, dateline, sections, sentences, words and quotations.
 */
import {toString as nlcstToString} from 'nlcst-to-string'
import type {Paragraph as NlcstParagraph, Sentence as NlcstSentence, SentenceContent} from 'nlcst'
import type {Block} from './blocks.js'
import {findDateline} from './dateline.js'
import {findQuotations, quotationAt} from './quotes.js'
import type {Article, Dateline, Format, Paragraph, PublicationDate, Quotation, Section, Sentence, TextSpan, Word} from './types.js'

export interface ArticleParts {
  text: string
  format: Format
  blocks: Block[]
  blockParagraphs: NlcstParagraph[][]
  meta: Record<string, unknown>
  published: PublicationDate | undefined
}

/** A paragraph that opens with a quotation mark (also written as a character reference). */
const opensWithQuote = /^\s*(?:["“«‘„]|&(?:#(?:34|171|8216|8220|8222)|#[xX](?:22|[aA][bB]|2018|201[cC]|201[eE])|quot|ldquo|lsquo|laquo|bdquo);)/

const terminalPattern = /(?:[.?!…]+["'”’»)\]]*|["'”’»)\]]+[.?!…]+|\.{3})\s*$/
const terminalCharacters = /[.?!…"'”’»)\]\s]/

/**
 * The run of closing punctuation and space that ends `value` (".”\n"). A
 * pattern anchored at the end that matches only these characters is best
 * tried on it: tried on a whole paragraph, it is tried at every character.
 */
export function closingRun(value: string): string {
  let from = value.length
  while (from > 0 && terminalCharacters.test(value[from - 1])) from--
  return from > 0 ? value.slice(from) : value
}

/** The sentence's closing punctuation ("." or ".”"). */
function terminalOf(value: string): string {
  return terminalPattern.exec(closingRun(value))?.[0].trim() ?? ''
}

export function buildArticle(parts: ArticleParts): Article {
  const {text, blocks, blockParagraphs} = parts
  const paragraphs: Paragraph[] = []
  const sentences: Sentence[] = []
  const quotations: Quotation[] = []
  const sections: Section[] = [{index: 0, heading: undefined, paragraphs: []}]
  let headline: TextSpan | undefined
  let byline: TextSpan | undefined
  let dateline: Dateline | undefined
  let previousOpenQuote = false
  let bodySeen = false
  let wordCount = 0

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]
    const zone = block.zone ?? 'body'
    for (const node of blockParagraphs[b]) {
      const start = node.position?.start.offset ?? block.start
      const end = node.position?.end.offset ?? block.end
      const span = {start, end, text: text.slice(start, end)}
      if (zone === 'headline' && !headline) headline = span
      if (zone === 'byline' && !byline) byline = span
      if (zone === 'subheading') {
        sections.push({index: sections.length, heading: undefined, paragraphs: []})
      }
      const paragraph: Paragraph = {
        index: paragraphs.length,
        start,
        end,
        text: span.text,
        zone,
        section: sections.length - 1,
        sentences: [],
        node
      }
      if (zone === 'subheading') sections[sections.length - 1].heading = paragraph
      else if (zone === 'body' || zone === 'blockquote' || zone === 'list-item') sections[sections.length - 1].paragraphs.push(paragraph)
      if (zone === 'body' && !bodySeen) {
        bodySeen = true
        dateline = findDateline(text, start)
      }
      const continues: boolean = previousOpenQuote && opensWithQuote.test(span.text)
      const found: Quotation[] = zone === 'headline' || zone === 'subheading' ? findQuotations(text, span, false) : findQuotations(text, span, continues)
      quotations.push(...found)
      previousOpenQuote = found.length > 0 && !found[found.length - 1].closed
      paragraphs.push(paragraph)

      let indexInParagraph = 0
      // Only a paragraph with "&" or "\\" can hold a word its parser decoded.
      const mayBeEncoded = span.text.includes('&') || span.text.includes('\\')
      for (const child of node.children) {
        if (child.type !== 'SentenceNode') continue
        const sentence = makeSentence(child, paragraph, text, found, dateline, sentences.length, indexInParagraph++, mayBeEncoded)
        wordCount += sentence.words.length
        paragraph.sentences.push(sentence)
        sentences.push(sentence)
      }
    }
  }

  return {
    format: parts.format,
    text,
    headline,
    byline,
    dateline,
    published: parts.published ?? datelinePublished(dateline, parts.meta),
    meta: parts.meta,
    paragraphs,
    sections,
    sentences,
    quotations,
    wordCount
  }
}

function datelinePublished(dateline: Dateline | undefined, meta: Record<string, unknown>): PublicationDate | undefined {
  if (!dateline?.month || !dateline.day) return undefined
  const year = typeof meta.year === 'number' ? meta.year : undefined
  if (!year) return undefined
  const date = `${year}-${String(dateline.month).padStart(2, '0')}-${String(dateline.day).padStart(2, '0')}`
  return {date, source: 'dateline', span: {start: dateline.start, end: dateline.end}}
}

/** `value.toLowerCase()`, without a new string for a word that has no capital (most words). */
function lowerCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if ((code >= 65 && code <= 90) || code >= 128) return value.toLowerCase()
  }
  return value
}

function makeSentence(
  node: NlcstSentence,
  paragraph: Paragraph,
  text: string,
  quotations: Quotation[],
  dateline: Dateline | undefined,
  index: number,
  indexInParagraph: number,
  mayBeEncoded: boolean
): Sentence {
  const start = node.position?.start.offset ?? paragraph.start
  const end = node.position?.end.offset ?? paragraph.end
  const words: Word[] = []
  let quotedWords = 0
  const collect = (children: SentenceContent[]) => {
    for (const child of children) {
      if (child.type !== 'WordNode') continue
      const wordStart = child.position?.start.offset
      const wordEnd = child.position?.end.offset
      if (wordStart === undefined || wordEnd === undefined) continue
      if (dateline && wordStart >= dateline.start && wordEnd <= dateline.end) continue
      let value = text.slice(wordStart, wordEnd)
      // A word written with a character reference or an escape ("it&#8217;s", "AT\\&T") is read as the parser decoded it.
      if (mayBeEncoded && (value.includes('&') || value.includes('\\'))) value = nlcstToString(child)
      const quoted = quotationAt(quotations, wordStart) !== undefined
      if (quoted) quotedWords++
      words.push({start: wordStart, end: wordEnd, text: value, lower: lowerCase(value), index: words.length, quoted})
    }
  }
  collect(node.children)
  const value = text.slice(start, end)
  const terminal = terminalOf(value)
  return {
    index,
    paragraph: paragraph.index,
    indexInParagraph,
    start,
    end,
    text: value,
    zone: paragraph.zone,
    words,
    quoted: quotedWords === 0 ? 'none' : quotedWords === words.length ? 'full' : 'partial',
    terminal,
    node
  }
}
