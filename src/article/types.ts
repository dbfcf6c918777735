/**
 * The article model: what a news article is made of, in newsroom words.
 *
 * Every offset is a JavaScript string index into the file's text
 * (`String(file)`), so that a rule can report an exact place and the
 * language server and audit can reuse the same positions.
 */
import type {Sentence as NlcstSentence, Paragraph as NlcstParagraph} from 'nlcst'

/** Where a block of text sits in the article, which decides how rules treat it. */
export type Zone =
  | 'headline'
  | 'byline'
  | 'dateline'
  | 'subheading'
  | 'body'
  | 'caption'
  | 'list-item'
  | 'blockquote'
  | 'signoff'

export type Format = 'text' | 'markdown' | 'html'

export interface Span {
  start: number
  end: number
}

export interface TextSpan extends Span {
  text: string
}

/** A word token of a sentence. */
export interface Word extends Span {
  /** The word as written. */
  text: string
  /** Lower-cased form. */
  lower: string
  /** Index of the word in its sentence's `words`. */
  index: number
  /** Whether the word sits inside a direct quotation. */
  quoted: boolean
}

export interface Sentence extends Span {
  /** Article-wide index in `article.sentences`. */
  index: number
  /** Index of the paragraph in `article.paragraphs`. */
  paragraph: number
  /** Index of the sentence within its paragraph. */
  indexInParagraph: number
  text: string
  zone: Zone
  /** Words, without punctuation and white space; dateline words excluded. */
  words: Word[]
  /** How much of the sentence is inside a direct quotation. */
  quoted: 'none' | 'partial' | 'full'
  /** The terminal punctuation mark(s) at the end, if any (`.`, `?`, `!`, `…`, `."`). */
  terminal: string
  node: NlcstSentence
}

export interface Paragraph extends Span {
  index: number
  text: string
  zone: Zone
  /** Index of the section in `article.sections`. */
  section: number
  sentences: Sentence[]
  node: NlcstParagraph
}

/** A run of body paragraphs under one subheading (or under the headline for the first). */
export interface Section {
  index: number
  heading: Paragraph | undefined
  paragraphs: Paragraph[]
}

/** A direct quotation: from the opening mark to the closing mark (both included). */
export interface Quotation extends Span {
  open: string
  /** False when the quotation runs to the end of its paragraph without a closing mark. */
  closed: boolean
  /** True when a previous paragraph's unclosed quotation continues here. */
  continued: boolean
}

export type DateSource = 'option' | 'frontmatter' | 'meta' | 'time' | 'dateline'

export interface PublicationDate {
  /** `YYYY-MM-DD`. */
  date: string
  source: DateSource
  /** Where it was read, when it is in the file. */
  span?: Span
}

export interface Dateline extends TextSpan {
  /** The place, upper-case as written (`DAMASCUS, Syria`). */
  place: string
  /** The agency or publication in parentheses (`Reuters`), if any. */
  agency?: string
  /** Month and day given in the dateline (`March 22`), if any. */
  month?: number
  day?: number
}

export interface Article {
  format: Format
  /** The whole file text. */
  text: string
  headline: TextSpan | undefined
  byline: TextSpan | undefined
  dateline: Dateline | undefined
  published: PublicationDate | undefined
  /** Metadata from front matter, meta tags or a JSON record (author, section, desk, url…). */
  meta: Record<string, unknown>
  paragraphs: Paragraph[]
  sections: Section[]
  sentences: Sentence[]
  quotations: Quotation[]
  wordCount: number
}
