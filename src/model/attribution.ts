/**
 * The attribution model: who says what, in the style of the PARC corpus
 * (source, cue, content).
 *
 * For every sentence of the article it answers "is this attributed, and to
 * whom?":
 *
 * - direct quotations (a sentence inside quotation marks is the speaker's),
 * - indirect speech with a reporting cue: "X said (that) …", "…, X said.",
 *   "…, said X.", "X told Reuters …", "the statement said …",
 * - "according to X …", "in a statement, X …",
 * - carry-over: a sentence that continues an attributed or quoted passage in
 *   the same paragraph stays with that speaker,
 * - weasel attribution: a cue whose source names nobody ("critics say",
 *   "sources said", "some believe") or an impersonal one ("it is widely
 *   believed"),
 * - first person outside quotation marks (a column, a reader's comment):
 *   the writer is the source.
 *
 * It works per sentence on its words (outside quotation marks), with the
 * lexicons `attribution-cues.tsv`, `attribution-sources.txt`,
 * `weasel-sources.txt` and `weasel-phrases.txt`. It knows nothing of
 * messages; rules ask it.
 */
import type {VFile} from 'vfile'
import type {Article, Sentence, TextSpan, Word} from '../article/types.js'
import {modelOf} from '../article/index.js'
import {keysOf, loadTable, loadWordList} from './lexicon.js'
import {upperInitial} from './grammar.js'

export type CueClass = 'speech' | 'weak' | 'that' | 'belief'

export type AttributionKind =
  /** Inside a direct quotation. */
  | 'quote'
  /** A reporting cue with a source ("X said", "said X", "the statement said"). */
  | 'speech'
  /** "according to X". */
  | 'according-to'
  /** "in a statement", "in an interview". */
  | 'statement'
  /** Continues the attributed sentence before it in the same paragraph. */
  | 'carried-over'
  /** A cue whose source names nobody ("critics say", "it is widely believed"). */
  | 'weasel'
  /** Written in the first person outside quotation marks (a column, a reader's comment): the writer is the source. */
  | 'first-person'
  | 'none'

export interface SentenceAttribution {
  sentence: number
  kind: AttributionKind
  /** True when a real source stands behind the sentence (not for weasel or none). */
  attributed: boolean
  source?: TextSpan
  cue?: TextSpan
  /** The weasel wording, when kind is `weasel`. */
  weasel?: TextSpan
  /**
   * Where the weasel stands: `trailing` in the attribution slot, set off
   * after some content ("…, critics argue.", "The plan, critics argue, …");
   * `leading` before it ("Critics say …", "But observers note that …").
   */
  weaselPosition?: 'leading' | 'trailing'
  /** For carry-over: the sentence that carries the attribution. */
  from?: number
  /** The sentence reports a belief or expectation of its subject ("X expects", "many fear"). */
  belief?: TextSpan
  /** Who holds that belief: a named person, body or pronoun, or an unnamed share of a group ("some traders believe"). */
  beliefHolder?: 'named' | 'group'
}

export interface AttributionModel {
  /** By article-wide sentence index. */
  sentences: SentenceAttribution[]
  /** Share of body paragraphs that carry some attribution (0..1): wire copy is near 1. */
  density: number
}

export interface AttributionOptions {
  /** More reporting cues (verb forms), as `speech` cues. */
  extraCues?: string[]
  /** More weasel phrases ("word has it"). */
  extraWeasels?: string[]
}

interface Lexicon {
  cues: Map<string, CueClass>
  sources: Set<string>
  weaselSources: Set<string>
  weaselPhrases: string[][]
}

const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your'])
const quantifiers = new Set(['some', 'many', 'most', 'several', 'other', 'others', 'certain', 'unnamed', 'anonymous', 'various', 'numerous', 'few', 'a', 'the', 'all', 'both'])
/** Words that sit between a subject and its cue without being part of the source. */
const verbalFillers = new Set([
  'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'would', 'will', 'did', 'does', 'do', 'not', 'never',
  'later', 'earlier', 'previously', 'then', 'recently', 'repeatedly', 'publicly', 'privately', 'further', 'once', 'again', 'already',
  'separately', 'however', 'often', 'frequently', 'now', 'still', 'may', 'might', 'could', 'should', 'can', 'must',
  'widely', 'generally', 'openly', 'first', 'last', 'just', 'only', 'yesterday', 'today', 'always', 'reportedly', 'allegedly', 'quickly', 'since', 'long'
])
/** Words that end a backward search for the subject of a cue. */
const clauseStarters = new Set(['that', 'which', 'and', 'but', 'while', 'as', 'because', 'if', 'when', 'although', 'though', 'whereas', 'where', 'after', 'before', 'since', 'so', 'or'])
/** Words that end a forward search for an inverted source ("…, said Jane Doe, head of …"). */
const forwardStops = new Set(['that', 'on', 'in', 'at', 'last', 'yesterday', 'today', 'tonight', 'this', 'earlier', 'later', 'late', 'when', 'after', 'before', 'during', 'as', 'who', 'which', 'and', 'but', 'while', 'adding', 'saying', 'to'])
const prepositions = new Set(['of', 'in', 'at', 'for', 'from', 'with', 'on', 'to', 'about', 'by', 'over', 'under', 'within', 'among', 'across', 'into', 'close', 'familiar', 'who', 'which', 'that'])
const firstPerson = new Set(['i', 'we', 'me', 'us', 'my', 'our', "i'm", 'i’m', "we're", 'we’re', "i've", 'i’ve', "we've", 'we’ve', "i'd", 'i’d', "we'd", 'we’d'])
const beForms = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
const statementNouns = new Set(['statement', 'interview', 'letter', 'report', 'filing', 'post', 'tweet', 'speech', 'memo', 'release', 'briefing', 'remarks', 'testimony', 'email', 'e-mail', 'message', 'notice', 'circular', 'announcement', 'submission', 'broadcast', 'op-ed', 'column', 'blog', 'affidavit', 'complaint', 'lawsuit', 'ruling', 'prospectus', 'document', 'documents', 'filings', 'survey', 'poll', 'study'])

let lexiconCache: Lexicon | undefined


/** `/['’]s$/.test(lower)`. */
function possessive(lower: string): boolean {
  const n = lower.length
  if (n < 2 || lower.charCodeAt(n - 1) !== 115) return false
  const c = lower.charCodeAt(n - 2)
  return c === 39 || c === 0x2019
}

/** `/^it['’]s$/.test(lower)`. */
function itIs(lower: string): boolean {
  return lower === "it's" || lower === 'it’s'
}

let impersonalTable: Map<string, string[]> | undefined
function impersonal(): Map<string, string[]> {
  return (impersonalTable ??= loadTable('weasel-impersonal.tsv'))
}
let weaselGroups: Set<string> | undefined

function baseLexicon(): Lexicon {
  if (lexiconCache) return lexiconCache
  const cues = new Map<string, CueClass>()
  for (const [form, values] of loadTable('attribution-cues.tsv')) cues.set(form, (values[0] as CueClass) ?? 'speech')
  lexiconCache = {
    cues,
    sources: loadWordList('attribution-sources.txt'),
    weaselSources: loadWordList('weasel-sources.txt'),
    weaselPhrases: [...loadWordList('weasel-phrases.txt')].map((p) => p.split(/\s+/))
  }
  return lexiconCache
}

function lexiconFor(options: AttributionOptions): Lexicon {
  const base = baseLexicon()
  if (!options.extraCues?.length && !options.extraWeasels?.length) return base
  const cues = new Map(base.cues)
  for (const cue of options.extraCues ?? []) cues.set(cue.toLowerCase(), 'speech')
  const weaselPhrases = [...base.weaselPhrases, ...(options.extraWeasels ?? []).map((p) => p.toLowerCase().split(/\s+/).filter(Boolean))]
  return {...base, cues, weaselPhrases}
}

/** The attribution model of a file, computed once (per set of options). */
export function attributionOf(file: VFile, options: AttributionOptions = {}): AttributionModel {
  const key = options.extraCues?.length || options.extraWeasels?.length ? `attribution:${JSON.stringify(options)}` : 'attribution'
  return modelOf(file, key, (article) => buildAttribution(article, options))
}

/** Is this sentence attributed to a real source (quoted, reported, or carried over)? */
export function isAttributed(file: VFile, sentence: Sentence): boolean {
  return attributionOf(file).sentences[sentence.index]?.attributed ?? false
}

const bodyZones = new Set(['body', 'blockquote', 'list-item'])

export function buildAttribution(article: Article, options: AttributionOptions = {}): AttributionModel {
  const lexicon = lexiconFor(options)
  const text = article.text
  const properNouns = new ProperNouns(article)
  const triggers = triggersOf(lexicon)
  const sentences: SentenceAttribution[] = article.sentences.map((sentence) => analyseSentence(sentence, text, lexicon, properNouns, triggers))

  // Carry-over within a paragraph: a sentence that follows a quoted or
  // attributed one continues that speaker's passage, until a new source.
  let attributedParagraphs = 0
  let bodyParagraphs = 0
  for (const paragraph of article.paragraphs) {
    if (!bodyZones.has(paragraph.zone)) continue
    bodyParagraphs++
    let carrier: SentenceAttribution | undefined
    let any = false
    for (const sentence of paragraph.sentences) {
      const own = sentences[sentence.index]
      if (own.kind !== 'none') {
        any = true
        carrier = own.attributed ? own : undefined
        continue
      }
      if (carrier) {
        sentences[sentence.index] = {
          sentence: sentence.index,
          kind: 'carried-over',
          attributed: true,
          source: carrier.source,
          from: carrier.kind === 'carried-over' ? carrier.from : carrier.sentence
        }
        carrier = sentences[sentence.index]
      }
    }
    // An opening quotation attributed at the paragraph's end ("“A. B,” she said.").
    for (let i = paragraph.sentences.length - 2; i >= 0; i--) {
      const sentence = paragraph.sentences[i]
      const next = sentences[paragraph.sentences[i + 1].index]
      if (sentences[sentence.index].kind === 'none' && sentence.quoted !== 'none' && next.attributed) {
        sentences[sentence.index] = {sentence: sentence.index, kind: 'quote', attributed: true, source: next.source, from: next.sentence}
      }
    }
    if (any) attributedParagraphs++
  }
  return {sentences, density: bodyParagraphs ? attributedParagraphs / bodyParagraphs : 0}
}

/**
 * The article's proper nouns (`properNounsOf(article).has(lower)`), asked
 * word by word: few sentences ask, and a name is usually found capitalised
 * again early in the article.
 */
class ProperNouns {
  private readonly answers = new Map<string, boolean>()
  constructor(private readonly article: Article) {}
  has(lower: string): boolean {
    let answer = this.answers.get(lower)
    if (answer === undefined) {
      answer = capitalisedInside(this.article, lower)
      this.answers.set(lower, answer)
    }
    return answer
  }
}

/** Is `lower` written with a capital somewhere other than at the start of a sentence? */
function capitalisedInside(article: Article, lower: string): boolean {
  for (const sentence of article.sentences) {
    const words = sentence.words
    for (let i = 1; i < words.length; i++) {
      if (words[i].lower === lower && upperInitial(words[i].text)) return true
    }
  }
  return false
}

/** Clause punctuation between two neighbouring words. */
function boundaryBetween(text: string, left: Word, right: Word): boolean {
  const from = left.end
  const to = right.start
  // Nothing or a single space between them: no boundary.
  if (to <= from || (to === from + 1 && text.charCodeAt(from) === 32)) return false
  const gap = text.slice(from, to)
  // "1,900": a thousands separator, not a clause boundary.
  if (gap === ',' && /\d$/.test(left.text) && /^\d/.test(right.text)) return false
  return /[,;:()\[\]"“”«»—–]|\s-\s|\s--\s/.test(gap)
}

/** `span(text, [word])`. */
function wordSpan(text: string, word: Word): TextSpan {
  return {start: word.start, end: word.end, text: text.slice(word.start, word.end)}
}

function span(text: string, words: Word[]): TextSpan | undefined {
  if (!words.length) return undefined
  const start = words[0].start
  const end = words[words.length - 1].end
  return {start, end, text: text.slice(start, end)}
}

/** What the scans of a sentence can start at a word form; only words in the lexicons have an entry. */
interface Trigger {
  /** Its reporting cue class, if it is a cue. */
  cue: CueClass | undefined
  /** The weasel phrases that can start at it, in lexicon order. */
  phrases: string[][] | undefined
  /** An impersonal weasel can be found at it. */
  impersonal: boolean
  /** The main loop of `analyseSentence` has something to do at it ("according", "in", a cue). */
  main: boolean
  /** A first-person word ("I", "we", "our"). */
  first: boolean
}

const triggerMaps = new WeakMap<Lexicon, Map<string, Trigger>>()

function triggersOf(lexicon: Lexicon): Map<string, Trigger> {
  let map = triggerMaps.get(lexicon)
  if (map) return map
  map = new Map()
  const phrases = phraseIndex(lexicon.weaselPhrases)
  const impersonals = impersonalTriggers()
  for (const form of [...lexicon.cues.keys(), ...phrases.keys(), ...impersonals, 'according', 'in', ...firstPerson]) {
    if (map.has(form)) continue
    const cue = lexicon.cues.get(form)
    map.set(form, {cue, phrases: phrases.get(form), impersonal: impersonals.has(form), main: cue !== undefined || form === 'according' || form === 'in', first: firstPerson.has(form)})
  }
  triggerMaps.set(lexicon, map)
  return map
}

/**
 * `{...result, kind, attributed}` without the spread (slow on objects of
 * several shapes): `result` holds `sentence`, `kind` and `attributed`, then
 * `belief` and `beliefHolder` once a belief is found.
 */
function derive(result: SentenceAttribution, kind: AttributionKind, attributed: boolean): SentenceAttribution {
  return 'belief' in result
    ? {sentence: result.sentence, kind, attributed, belief: result.belief, beliefHolder: result.beliefHolder}
    : {sentence: result.sentence, kind, attributed}
}

function analyseSentence(sentence: Sentence, text: string, lexicon: Lexicon, properNouns: ProperNouns, triggers: Map<string, Trigger>): SentenceAttribution {
  const result: SentenceAttribution = {sentence: sentence.index, kind: 'none', attributed: false}
  if (!bodyZones.has(sentence.zone)) return result
  const words = sentence.words
  if (sentence.quoted === 'full') return derive(result, 'quote', true)

  // One look-up a word: where (outside quotations) the scans below can start anything.
  const at: number[] = []
  const found: Trigger[] = []
  // ("US" in capitals is the United States, not "us".)
  let firstPersonSeen = false
  const keys = keysOf(triggers)
  for (let i = 0; i < words.length; i++) {
    if (words[i].quoted || !keys.mayHave(words[i].lower)) continue
    const trigger = triggers.get(words[i].lower)
    if (trigger === undefined) continue
    if (trigger.first && words[i].text !== 'US') firstPersonSeen = true
    at.push(i)
    found.push(trigger)
  }

  // Impersonal weasel phrases first ("it is widely believed").
  const weasel = findWeaselPhrase(words, at, found) ?? findImpersonalWeasel(words, text, at, found)
  let weaselFound: SentenceAttribution | undefined
  let real: SentenceAttribution | undefined
  if (weasel) {
    weaselFound = derive(result, 'weasel', result.attributed)
    weaselFound.weasel = span(text, weasel)
  }

  for (let n = 0; n < at.length; n++) {
    if (!found[n].main) continue
    const i = at[n]
    const word = words[i]
    // "according to X"
    if (word.lower === 'according' && words[i + 1]?.lower === 'to' && !words[i + 1].quoted) {
      const source = forwardPhrase(words, i + 2, text)
      const cue = span(text, [word, words[i + 1]])
      if (source.length && isWeaselSource(source, lexicon)) {
        if (!weaselFound) {
          weaselFound = derive(result, 'weasel', result.attributed)
          weaselFound.weasel = span(text, [word, ...source])
          weaselFound.cue = cue
          weaselFound.source = span(text, source)
        }
        continue
      }
      if (!real) {
        real = derive(result, 'according-to', true)
        real.cue = cue
        real.source = span(text, source)
      }
      continue
    }
    // "in a statement", "in an interview with …"
    if (word.lower === 'in' && i + 2 < words.length) {
      let j = i + 1
      if (determiners.has(words[j].lower)) j++
      if (j < words.length && !statementNouns.has(words[j].lower) && j + 1 < words.length) j++
      if (j < words.length && statementNouns.has(words[j].lower) && !words[j].quoted && j - i <= 3) {
        if (!real) {
          real = derive(result, 'statement', true)
          real.cue = span(text, words.slice(i, j + 1))
        }
        continue
      }
    }
    let cueClass = found[n].cue
    if (!cueClass) continue
    if (cueClass === 'that') {
      if (words[i + 1]?.lower !== 'that') continue
      cueClass = 'weak'
    }
    const previous = words[i - 1]
    // "Assad, who ruled …", "a man who said …": a relative clause, not the sentence's source.
    if (previous && (previous.lower === 'who' || previous.lower === 'which' || previous.lower === 'whom')) continue
    // "the reported deal", "a forecast of": a noun or adjective, not a cue.
    if (previous && determiners.has(previous.lower) && !boundaryBetween(text, previous, word)) continue
    // Passive: "X is expected to …", "it was reported that …" (impersonal weasels are in weasel-phrases.txt).
    if (previous && beForms.has(previous.lower) && !boundaryBetween(text, previous, word) && word.lower !== 'quoted') continue
    let source = backwardPhrase(words, i, text)
    // ", adding that …", ", saying …": the participle reports the main clause's subject.
    if (source.length === 0 && word.lower.endsWith('ing') && cueClass !== 'belief' && previous && boundaryBetween(text, previous, word)) {
      if (!real) {
        real = derive(result, 'speech', true)
        real.cue = wordSpan(text, word)
      }
      continue
    }
    let inverted = false
    if (source.length === 0 && cueClass !== 'belief') {
      // Inversion ("…, said Jane Doe") follows the content it attributes.
      source = i >= 2 ? forwardPhrase(words, i + 1, text) : []
      inverted = source.length > 0
      // "the head librarian, Rosa Lind, said on Monday": the source is the apposition before the cue.
      if (!inverted || forwardStops.has(source[0].lower)) {
        source = appositionBefore(words, i, text)
        inverted = false
      }
    }
    if (source.length && isWeaselSource(source, lexicon, word, words.slice(i + 1, i + 3))) {
      if (!weaselFound) {
        weaselFound = derive(result, 'weasel', result.attributed)
        weaselFound.weasel = span(text, inverted ? [word, ...source] : [...source, word])
        weaselFound.cue = wordSpan(text, word)
        weaselFound.source = span(text, source)
      }
      continue
    }
    if (cueClass === 'belief') {
      // "X believes/expects …" reports a mind, not speech: the sentence still needs a source.
      // Not a participle ("a theatre thought to be …", "was not expected"), and only a short subject.
      const participle = words[i + 1]?.lower === 'to' && (word.lower.endsWith('ed') || word.lower.endsWith('ght'))
      let k = i - 1
      while (k >= 0 && beliefAdverbs.has(words[k].lower)) k--
      const passive = k >= 0 && beForms.has(words[k].lower)
      if (participle || passive || source.length > 5 || (source[0] && prepositions.has(source[0].lower))) continue
      if (!result.belief) {
        result.belief = span(text, [...source, word])
        result.beliefHolder = holderOf(head(source), lexicon, properNouns)
      }
      continue
    }
    // Only "said", "told" and "according to" report speech whatever stands before them; other cues need a source as subject ("the statement underscored", not "the defection underscores").
    if (cueClass === 'weak' && !isSource(head(source), lexicon, properNouns)) continue
    if (cueClass === 'speech' && source.length && !isSource(head(source), lexicon, properNouns) && !looksLikeSubject(source)) continue
    if (!real) {
      real = derive(result, 'speech', true)
      real.cue = wordSpan(text, word)
      real.source = span(text, source)
    }
  }
  // A weasel wins the report even next to a real source ("X said …, critics argue"); `attributed` still says whether a real source stands behind.
  // (`{...found, ...belief}`, in place: `real` and `weaselFound` are this function's own objects.)
  const withBelief = (found: SentenceAttribution): SentenceAttribution => {
    if (result.belief) {
      found.belief = result.belief
      found.beliefHolder = result.beliefHolder
    }
    return found
  }
  // An impersonal phrase that opens what a real source reports ("the report said there are fears that …",
  // "according to the council, it is feared …") is that source's wording, not a weasel of the writer's.
  if (weasel && real && weasel.length === 1 && impersonal().get(weasel[0].lower)?.[0] === 'adverb') return withBelief(real)
  if (weasel && real?.cue && real.cue.end <= weasel[0].start) {
    const {cue: said, source} = real
    const between = words.filter((w) => w.start >= said.end && w.end <= weasel[0].start && !(source && w.start >= source.start && w.end <= source.end))
    if (between.length <= 3 && !between.some((w) => ['and', 'but', 'while', 'although', 'though', 'whereas'].includes(w.lower))) return withBelief(real)
  }
  if (weaselFound?.weasel) {
    const before = words.filter((w) => w.end <= weaselFound!.weasel!.start)
    const last = before[before.length - 1]
    const first = words.find((w) => w.start >= weaselFound!.weasel!.start)
    const trailing = before.length >= 2 && last !== undefined && first !== undefined && boundaryBetween(text, last, first)
    weaselFound.weaselPosition = trailing ? 'trailing' : 'leading'
    weaselFound.attributed = real !== undefined
    return withBelief(weaselFound)
  }
  if (real) return withBelief(real)
  // First person outside quotation marks: the writer speaks.
  if (firstPersonSeen) return derive(result, 'first-person', true)
  return result
}

/** The words before a cue that can be its subject, back to a clause boundary. */
function backwardPhrase(words: Word[], cueIndex: number, text: string): Word[] {
  let end = cueIndex
  // Skip auxiliaries and adverbs between subject and cue ("he also said", "officials have repeatedly warned").
  while (end > 0 && verbalFillers.has(words[end - 1].lower) && !boundaryBetween(text, words[end - 1], words[end])) end--
  if (end > 0 && boundaryBetween(text, words[end - 1], words[end])) return []
  let start = end
  while (start > 0 && end - start < 10) {
    const candidate = words[start - 1]
    if (candidate.quoted || clauseStarters.has(candidate.lower)) break
    start--
    if (start > 0 && boundaryBetween(text, words[start - 1], words[start])) break
  }
  return words.slice(start, end)
}

/** "X, a spokesman, said": the phrase between the two commas before the cue (or before a relative clause). */
function appositionBefore(words: Word[], cueIndex: number, text: string): Word[] {
  let end = cueIndex
  for (let attempt = 0; attempt < 2 && end > 0; attempt++) {
    let start = end - 1
    while (start > 0 && end - start < 10 && !boundaryBetween(text, words[start - 1], words[start])) start--
    const phrase = words.slice(start, end)
    if (phrase.length && !clauseStarters.has(phrase[0].lower) && !['who', 'whose', 'whom'].includes(phrase[0].lower)) return phrase
    end = start
  }
  return []
}

/** The words after a cue that can be an inverted source ("…, said Jane Doe, an analyst"). */
function forwardPhrase(words: Word[], from: number, text: string): Word[] {
  const out: Word[] = []
  for (let j = from; j < words.length && out.length < 10; j++) {
    const word = words[j]
    if (word.quoted) break
    if (!out.length && forwardStops.has(word.lower)) break
    if (out.length && (forwardStops.has(word.lower) || boundaryBetween(text, words[j - 1], word))) break
    if (!out.length && j > from && boundaryBetween(text, words[j - 1], word)) break
    out.push(word)
  }
  return out
}

/** The head of a source phrase: before its first preposition or relative word, without determiners. */
function head(phrase: Word[]): Word[] {
  const out: Word[] = []
  for (const word of phrase) {
    if (out.length && prepositions.has(word.lower)) break
    if (determiners.has(word.lower)) continue
    out.push(word)
  }
  return out
}

function isSource(words: Word[], lexicon: Lexicon, properNouns: ProperNouns): boolean {
  for (const word of words) {
    const bare = possessive(word.lower) ? word.lower.slice(0, -2) : word.lower
    if (lexicon.sources.has(bare)) return true
    if (upperInitial(word.text) && (word.index > 0 || properNouns.has(word.lower)) && !determiners.has(word.lower)) return true
  }
  return false
}

/** A named holder (a person, a body, a pronoun) or an unnamed share of a group ("some traders", "many parents"). */
function holderOf(words: Word[], lexicon: Lexicon, properNouns: ProperNouns): 'named' | 'group' | undefined {
  if (!words.length) return undefined
  for (const word of words) {
    if (lexicon.sources.has(word.lower) && ['he', 'she', 'they', 'we', 'i', 'it', 'you'].includes(word.lower)) return 'named'
    if (upperInitial(word.text) && (word.index > 0 || properNouns.has(word.lower))) return 'named'
  }
  // "Some traders", "many parents": a share of a group, which nobody has counted. A bare plural
  // ("bankers feel", like "analysts said") names the kind of source and is left alone.
  const quantified = words.some((w) => ['some', 'many', 'most', 'few', 'several', 'numerous'].includes(w.lower))
  return quantified ? 'group' : undefined
}

/** A plausible subject noun phrase: short, no finite verb-looking words. */
function looksLikeSubject(phrase: Word[]): boolean {
  return phrase.length <= 6
}

/**
 * A source that names nobody: "critics", "some", "experts", "sources". Not
 * when a determiner points back to one already described ("the sources",
 * "a source briefed on …"), nor when a word describes it ("trade sources",
 * "EC Commission sources"). A bare quantifier ("some", "many") is a weasel
 * only with a present-tense cue ("some say"): "many said" reports a group
 * the article has just described.
 */
const presentCues = new Set(['say', 'believe', 'argue', 'think', 'claim', 'note', 'warn', 'fear', 'suggest', 'feel', 'agree', 'expect', 'contend', 'insist', 'predict', 'reckon', 'worry', 'maintain', 'doubt', 'suspect'])

function isWeaselSource(phrase: Word[], lexicon: Lexicon, cue?: Word, after: Word[] = []): boolean {
  let weasel = false
  if (phrase.length && determiners.has(phrase[0].lower)) return false
  const bare = phrase.filter((w) => !verbalFillers.has(w.lower))
  if (cue && bare.length === 1 && quantifiers.has(bare[0].lower) && !/s$/.test(cue.lower) && !presentCues.has(cue.lower)) return false
  // A bare plural group holding a view in the present ("economists reckon", "industry analysts believe"); not
  // "analysts say" (wire copy's described source), nor the past ("traders thought"), which reports a group just described.
  // A group reporting its own stance ("bankers feel that they could not sell …") is a source, not a weasel.
  const content = after[0]?.lower === 'that' ? after[1] : after[0]
  if (cue && groupOpinionCues.has(cue.lower) && isUnnamedGroup(bare) && !['they', 'we'].includes(content?.lower ?? '')) return true
  // Unnamed findings: "studies show", "research suggests", "evidence indicates" (not "the study showed", "polls found").
  if (cue && bare.length === 1 && unnamedFindings.has(bare[0].lower) && !/ed$/.test(cue.lower) && cue.lower !== 'found') return true
  // A share of such a group speaking in the present: "many economists argue", "some residents say".
  if (cue && bare.length > 1 && groupShares.has(bare[0].lower) && groupSpeechCues.has(cue.lower) && isUnnamedGroup(bare)) return true
  for (const word of phrase) {
    if (lexicon.weaselSources.has(word.lower)) {
      weasel = true
      continue
    }
    if (quantifiers.has(word.lower) || verbalFillers.has(word.lower)) continue
    return false
  }
  return weasel
}

const unnamedFindings = new Set(['studies', 'research', 'evidence', 'surveys', 'polls'])
const groupShares = new Set(['some', 'many', 'most', 'several', 'numerous', 'various', 'certain'])
const groupSpeechCues = new Set(['say', 'argue', 'claim', 'insist', 'warn', 'contend', 'maintain', 'suggest', 'complain', 'predict'])
const groupOpinionCues = new Set(['believe', 'think', 'feel', 'reckon', 'suspect', 'fear', 'contend', 'maintain'])
const cardinals = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'hundred', 'hundreds', 'thousand', 'thousands'])

/** A plural noun for people, by lexicon or agentive ending ("conservationists", "growers", "investors"). */
function isPersonPlural(lower: string): boolean {
  const groups = (weaselGroups ??= loadWordList('weasel-groups.txt'))
  if (groups.has(`!${lower}`)) return false
  return groups.has(lower) || (lower.length >= 6 && /(ists|ysts|ians|ers|ors|ants|ees|men)$/.test(lower))
}

/**
 * An unnamed group: a short bare noun phrase headed by a plural noun for
 * people, its other words quantifiers or lower-case modifiers ("industry
 * analysts", "some local traders"), with no name, number or possessive that
 * would describe who they are.
 */
function isUnnamedGroup(phrase: Word[]): boolean {
  if (!phrase.length || phrase.length > 4) return false
  if (!isPersonPlural(phrase[phrase.length - 1].lower)) return false
  return phrase.every((w) => !/\d/.test(w.text) && !possessive(w.lower) && !cardinals.has(w.lower) && !determiners.has(w.lower) && !prepositions.has(w.lower) && (w.index === 0 || !upperInitial(w.text)))
}

/** Weasel phrases by the word they can start at (a contracted "it's" also starts every "it is …" phrase), in lexicon order. */
const phraseIndexes = new WeakMap<string[][], Map<string, string[][]>>()

function phraseIndex(phrases: string[][]): Map<string, string[][]> {
  let index = phraseIndexes.get(phrases)
  if (index) return index
  index = new Map()
  const add = (key: string, phrase: string[]) => {
    const list = index!.get(key)
    if (list) list.push(phrase)
    else index!.set(key, [phrase])
  }
  for (const phrase of phrases) {
    if (phrase[0] !== undefined) add(phrase[0], phrase)
    if (phrase[0] === 'it' && phrase[1] === 'is') {
      add("it's", phrase)
      add('it’s', phrase)
    }
  }
  phraseIndexes.set(phrases, index)
  return index
}

/** The first weasel phrase, at the trigger words `at` (outside quotations). */
function findWeaselPhrase(words: Word[], at: number[], found: Trigger[]): Word[] | undefined {
  for (let n = 0; n < at.length; n++) {
    const candidates = found[n].phrases
    if (!candidates) continue
    const i = at[n]
    // "it's widely believed" reads as "it is widely believed".
    const contracted = itIs(words[i].lower)
    for (const phrase of candidates) {
      const head = contracted && phrase[0] === 'it' && phrase[1] === 'is' ? 2 : 1
      const length = phrase.length - head + 1
      if (i + length > words.length) continue
      let ok = true
      for (let k = head; k < phrase.length; k++) {
        const word = words[i + k - head + 1]
        if (word.lower !== phrase[k] || word.quoted) {
          ok = false
          break
        }
      }
      if (ok) return words.slice(i, i + length)
    }
  }
  return undefined
}

const beliefAdverbs = new Set(['not', 'never', 'widely', 'generally', 'also', 'largely', 'still', 'once'])
const perceptionAdverbs = new Set(['widely', 'generally', 'commonly', 'increasingly'])
const itAdverbs = new Set(['now', 'also', 'still', 'long', 'often'])
const itBe = new Set(['is', 'was', "'s", '’s'])
const thereBe = new Set(['is', 'are', 'was', 'were', 'remain', 'remains'])
const opinionModifiers = new Set(['a', 'an', 'some', 'growing', 'mounting', 'widespread', 'increasing', 'real', 'serious', 'deep', 'genuine', 'also', 'now', 'still', 'renewed', 'persistent', 'lingering', 'general', 'broad', 'strong', 'new', 'many', 'already', 'even', 'fresh', 'considerable'])
const perceptionVerbs = new Set(['seen', 'regarded', 'viewed', 'considered', 'perceived', 'hailed', 'billed', 'touted', 'described', 'branded', 'dismissed'])
const opinionVerbs = new Set(['holds', 'held', 'has', 'had', 'is', 'was', 'says', 'goes'])
/** Verbs (and "rife") that say an opinion is going round: "rumours abound that", "fears are growing that", "speculation is rife that". */
const spreadVerbs = new Set(['abound', 'abounds', 'rife', 'growing', 'mounting', 'grow', 'grows', 'grew', 'persist', 'persists', 'linger', 'lingers', 'lingering', 'swirl', 'swirling', 'circulate', 'circulating', 'emerged', 'surfaced', 'spread', 'spreading'])

let impersonalTriggerSet: Set<string> | undefined

/** The words an impersonal weasel can be found at: hedge adverbs, "it", "it's", forms of "be", "there", opinion and spread verbs. */
function impersonalTriggers(): Set<string> {
  if (impersonalTriggerSet) return impersonalTriggerSet
  const set = new Set<string>(['it', "it's", 'it’s', 'there', ...beForms, ...opinionVerbs, ...spreadVerbs])
  for (const [form, values] of impersonal()) if (values[0] === 'adverb') set.add(form)
  return (impersonalTriggerSet = set)
}

/**
 * Impersonal attribution by word class (lexicon `weasel-impersonal.tsv`):
 * "it is feared (that) …", "it was widely assumed that …", "there are
 * growing fears that …", "local opinion holds that …", "the consensus is
 * that …". Not "it is expected to open" (the "it" is a thing), nor "the
 * board's view is that" (a holder is named).
 */
function findImpersonalWeasel(words: Word[], text: string, at: number[], found: Trigger[]): Word[] | undefined {
  const table = impersonal()
  const classOf = (w: Word | undefined) => (w && !w.quoted ? table.get(w.lower)?.[0] : undefined)
  // Only the trigger words (outside quotations) can start anything below.
  for (let n = 0; n < at.length; n++) {
    if (!found[n].impersonal) continue
    const i = at[n]
    const word = words[i]
    const lower = word.lower
    // "the minister reportedly plans to resign": a hedge standing for a source.
    if (classOf(word) === 'adverb') return [word]
    // "it is (widely) feared (that) …", "it has been suggested …", "it's understood …"
    if (lower === 'it' || itIs(lower)) {
      let k = i + 1
      if (lower === 'it') {
        if (itBe.has(words[k]?.lower ?? '')) k++
        else if (['has', 'had'].includes(words[k]?.lower ?? '') && words[k + 1]?.lower === 'been') k += 2
        else continue
      } else if (words[k]?.lower === 'been') k++
      const verb = k
      while (k < words.length && k - i <= 4 && (words[k].lower.endsWith('ly') || itAdverbs.has(words[k].lower))) k++
      const kind = classOf(words[k])
      if (!kind?.startsWith('participle') || (k > i + 1 && boundaryBetween(text, words[k - 1], words[k]))) continue
      // "it is expected", "it is estimated that" often carry a source nearby; "it is widely expected" does not.
      if (kind === 'participle-adverb' && !words.slice(verb, k).some((w) => w.lower.endsWith('ly'))) continue
      const next = words[k + 1]
      const gap = next ? boundaryBetween(text, words[k], next) : true
      const ok = next?.lower === 'that' || (kind === 'participle' && (next ? !gap && !prepositions.has(next.lower) && !['as', 'and', 'or', 'but', 'upon', 'than'].includes(next.lower) : i > 0))
      if (ok) return words.slice(i, next?.lower === 'that' ? k + 2 : k + 1)
      continue
    }
    // "is seen by many as …", "was regarded by some as …", "is widely perceived as …": a view with an unnamed holder.
    if (beForms.has(lower) && perceptionVerbs.has(words[i + 1]?.lower ?? '')) {
      const by = words[i + 2]
      const holder = words[i + 3]
      if (by?.lower === 'by' && holder && ['many', 'some', 'most', 'others', 'critics', 'observers', 'experts'].includes(holder.lower) && words[i + 4]?.lower === 'as') return words.slice(i, i + 5)
    }
    if (beForms.has(lower) && perceptionAdverbs.has(words[i + 1]?.lower ?? '') && perceptionVerbs.has(words[i + 2]?.lower ?? '') && words[i + 3]?.lower === 'as') return words.slice(i, i + 4)
    // "there are (growing) fears that …", "there is talk of …"
    if (lower === 'there' && thereBe.has(words[i + 1]?.lower ?? '')) {
      let k = i + 2
      while (k < words.length && k - i <= 5 && opinionModifiers.has(words[k].lower)) k++
      if (classOf(words[k]) !== 'opinion') continue
      const next = words[k + 1]
      if (next && ['that', 'about', 'over', 'of', 'among'].includes(next.lower) && !boundaryBetween(text, words[k], next)) return words.slice(i, k + 2)
      continue
    }
    // "local opinion holds that …", "the consensus (among dealers) is that …", "received wisdom has it …"
    const spreading = spreadVerbs.has(lower) && words.slice(i + 1, i + 3).some((w) => w.lower === 'that')
    if ((opinionVerbs.has(lower) || spreading) && i >= 1 && i <= 8) {
      const object = words[i + 1]?.lower
      if (!(spreading || lower === 'holds' || lower === 'held' || lower === 'says' || lower === 'goes' || ((lower === 'is' || lower === 'was') && object === 'that') || ((lower === 'has' || lower === 'had') && object === 'it'))) continue
      let head = -1
      for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
        if (boundaryBetween(text, words[k], words[k + 1])) break
        if (classOf(words[k]) === 'opinion') head = k
      }
      if (head < 0) continue
      // Everything before the opinion noun is a determiner or a plain modifier: no named holder ("the board's view").
      const before = words.slice(0, head)
      if (before.length > 3 || before.some((w) => possessive(w.lower) || ['its', 'their', 'his', 'her', 'our', 'my', 'your'].includes(w.lower) || (w.index > 0 && upperInitial(w.text)) || clauseStarters.has(w.lower))) continue
      if (words.slice(head + 1, i).some((w) => upperInitial(w.text))) continue
      return words.slice(0, (lower === 'is' || lower === 'was' || lower === 'has' || lower === 'had') ? i + 2 : i + 1)
    }
  }
  return undefined
}
