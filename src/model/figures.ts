/**
 * The figure model: every number of the article with what it counts, and
 * every vague quantity standing where a number could be.
 *
 * A figure is a number as a copy editor reads it: "1,905 Syrian officers and
 * soldiers", "$5bn", "2.5 pct of GNP", "three billion to four billion dlrs",
 * "over 1,900 military personnel", "about 2,000". Each figure knows its
 * value (or range), how it is approximated, its unit (a count, a percentage,
 * a currency), the precision it is written to (so that 1,900 can be a
 * rounding of 1,905), and the noun phrase it quantifies. Years, dates, times,
 * ages, ordinals, addresses and names with numbers (Article 5, F-16) are not
 * figures.
 *
 * A vague quantity is a phrase like "numerous", "a number of", "millions of
 * dollars", "a significant share of", with the noun it quantifies and the
 * signals around it (a casualty word, a payment verb, another figure in the
 * sentence, an idiom, an opinion verb). The rules decide what to make of them.
 *
 * Built once per file with `modelOf(file, 'figures', buildFigures)`; knows
 * only the article and its lexicons (`figure-*`, `vague-*`).
 */
import type {Article, Sentence, Zone} from '../article/types.js'
import {loadTable, loadWordList, WordKeys} from './lexicon.js'
import {quotationAt} from '../article/quotes.js'

export type Approximation = 'exact' | 'about' | 'over' | 'at-least' | 'under' | 'nearly' | 'up-to'
export type FigureKind = 'count' | 'percent' | 'points' | 'money'

/** A token of a sentence, from the model's own tokeniser (numbers stay whole: "1,905"). */
export interface Token {
  text: string
  lower: string
  start: number
  end: number
  /** No white space before this token. */
  glued: boolean
  index: number
}

/** What a figure or vague quantity counts: the noun phrase after it. */
export interface CountedThing {
  start: number
  end: number
  text: string
  /** Content words, lower-cased and singularised. */
  words: string[]
  /** The head noun (singularised), the one that says what is counted. */
  head: string | undefined
  /** Classes of the words (`military`, `people`, `weapons`…), from `figure-nouns.tsv`. */
  classes: string[]
  /** The head is a plural countable noun ("objections", "people", "members of the military"). */
  plural?: boolean
}

export interface Figure {
  start: number
  end: number
  text: string
  /** The value as written, in base units (dollars, people, percent). For a range, its middle. */
  value: number
  low: number
  high: number
  approximation: Approximation
  /** The approximating words as written ("more than", "about"), if any. */
  approximator?: string
  kind: FigureKind
  /** `count`, `percent`, `points` or an ISO currency code. */
  unit: string
  /** The precision the number is written to: 1,905 → 1; 1,900 → 100; 2.5 → 0.1; 3 mln → 1,000,000. */
  step: number
  /** Written out in words ("three"). */
  written: boolean
  /** The number with its approximation and unit, without what it counts ("over 1,900", "3 mln dlrs"). */
  amount: string
  counts: CountedThing | undefined
  /** Content words around the figure (lower-cased, singularised; rises and falls as `+up`/`+down`). */
  context: string[]
  /** Content words just before the figure ("net loss of" → `net`, `loss`). */
  subject: string[]
  sentence: Sentence
  zone: Zone
  quoted: boolean
}

export type VagueKind = 'count' | 'money' | 'share'
export type VagueStrength = 'loose' | 'weak' | 'medium' | 'likely' | 'strong' | 'bare' | 'order' | 'honest'

/** What the words around a vague quantity say. */
export interface VagueSignals {
  /** A casualty, arrest or displacement word nearby ("killed", "displaced"). */
  casualty: boolean
  /** A counted event nearby ("sold", "voted", "opening", "surveyed"). */
  event: boolean
  /** A payment word nearby ("pay", "earned", "spending"). */
  payment: boolean
  /** Another figure of the same kind in the sentence (a sum beside a sum). */
  sameKindFigure: boolean
  /** Any other figure in the sentence. */
  otherFigure: boolean
  /** Idiomatic use: "several times", "many of", "one of many", "for many". */
  idiom: boolean
  /** The counted people are sources or hold opinions ("several lawmakers said", "many Syrians remain wary"). */
  opinion: boolean
  /** Hypothetical or forecast ("could lead to billions of dollars"). */
  hypothetical: boolean
  /** A change by an amount ("increase … by billions of pounds"). */
  changeBy: boolean
  /** A body that represents or has members ("represents a number of officers"): a weaker cue. */
  membership: boolean
  /** The sentence names the things one by one ("judges in Baltimore, Seattle and Riverside"): they can be counted. */
  enumeration: boolean
  /** What is counted is a plural countable noun ("hundreds of objections"): a count could stand there. */
  countable?: boolean
  /** The counted people are sources ("a number of analysts"), not just people who said something. */
  speaker?: boolean
  /** A crowd, whose size is estimated rather than counted ("hundreds of fans gathered", "protesters"). */
  crowd?: boolean
  /** Options under consideration ("looking at a number of sites", "weighing several offers"). */
  deliberation?: boolean
  /** The phrase says how varied, not how many ("a number of different countries", "numerous other firms"). */
  variety?: boolean
  /** Negated or still to come ("not prepared to train thousands", "are likely to", "are due to"). */
  unreal?: boolean
  /** "There are numerous programs": an existence, not a count. */
  existential?: boolean
  /** Policies and measures ("numerous regulatory actions"), described more often than counted. */
  abstract?: boolean
  /** A population ("millions of Americans", "millions of viewers"): estimated, not counted. */
  population?: boolean
  /** A distance ("hundreds of miles"): a description, not a count. */
  distance?: boolean
}

export interface VagueQuantity {
  /** From the quantifier to the end of what it counts. */
  start: number
  end: number
  text: string
  /** The quantifier as written ("numerous", "a number of", "millions of"). */
  phrase: string
  phraseStart: number
  phraseEnd: number
  kind: VagueKind
  strength: VagueStrength
  counts: CountedThing | undefined
  signals: VagueSignals
  /** Content words around the quantity, as for figures. */
  context: string[]
  sentence: Sentence
  zone: Zone
  quoted: boolean
}

export interface FigureModel {
  figures: Figure[]
  vague: VagueQuantity[]
  /** Figures by sentence index. */
  figuresIn(sentence: Sentence): Figure[]
}

// ---------------------------------------------------------------------------
// Lexicons

interface Lexicons {
  units: Map<string, {kind: string; value: string}>
  quantifiers: Map<string, {kind: VagueKind; strength: VagueStrength}>
  /** The quantifiers word by word. */
  quantifierTrie: QuantifierTrie
  /** First words of the quantifiers, to skip the rest quickly. */
  firstWords: Set<string>
  /** Does a sentence's text hold a number or a quantifier at all? */
  mayHold: RegExp
  /** First letters and lengths of the first words: a word they rule out is not one. */
  firstWordKeys: WordKeys
  maxQuantifierWords: number
  shareAdjectives: Map<string, string>
  shareNouns: Map<string, string>
  cues: Map<string, string>
  idioms: Set<string>
  sources: Set<string>
  opinionVerbs: Set<string>
  nounClasses: Map<string, string[]>
  /** Collective and measure nouns of "a raft of", "vast numbers of" (singular), with their strength. */
  collectives: Map<string, VagueStrength>
  /** Words that make a vague count harmless (`crowd`, `deliberation`, `variety`, `unreal`). */
  contexts: Map<string, string>
}

type QuantifierTrie = Map<string, QuantifierNode>
interface QuantifierNode {
  entry?: {kind: VagueKind; strength: VagueStrength}
  next?: QuantifierTrie
}

let lexicons: Lexicons | undefined

function lex(): Lexicons {
  if (lexicons) return lexicons
  const units = new Map<string, {kind: string; value: string}>()
  for (const [key, [kind, value]] of loadTable('figure-units.tsv')) units.set(key, {kind, value})
  const quantifiers = new Map<string, {kind: VagueKind; strength: VagueStrength}>()
  let maxQuantifierWords = 1
  for (const [key, [kind, strength]] of loadTable('vague-quantifiers.tsv')) {
    quantifiers.set(key, {kind: kind as VagueKind, strength: strength as VagueStrength})
    maxQuantifierWords = Math.max(maxQuantifierWords, key.split(' ').length)
  }
  const quantifierTrie: QuantifierTrie = new Map()
  for (const [key, entry] of quantifiers) {
    let level = quantifierTrie
    const words = key.split(' ')
    words.forEach((word, n) => {
      let node = level.get(word)
      if (!node) level.set(word, (node = {}))
      if (n === words.length - 1) node.entry = entry
      else level = node.next ??= new Map()
    })
  }
  const shareAdjectives = new Map<string, string>()
  const shareNouns = new Map<string, string>()
  for (const [key, [role, strength]] of loadTable('vague-shares.tsv')) {
    ;(role === 'adjective' ? shareAdjectives : shareNouns).set(key, strength)
  }
  const cues = new Map<string, string>()
  for (const [key, [kind]] of loadTable('figure-cues.tsv')) cues.set(key, kind)
  const nounClasses = new Map<string, string[]>()
  for (const [cls, [words]] of loadTable('figure-nouns.tsv')) {
    for (const word of (words ?? '').split(/\s+/).filter(Boolean)) {
      const stem = singular(word.toLowerCase())
      nounClasses.set(stem, [...(nounClasses.get(stem) ?? []), cls])
    }
  }
  const collectives = new Map<string, VagueStrength>()
  for (const [key, [strength]] of loadTable('vague-collectives.tsv')) collectives.set(key, strength as VagueStrength)
  const contexts = new Map<string, string>()
  for (const [key, [kind]] of loadTable('vague-contexts.tsv')) contexts.set(key, kind)
  const firstWords = new Set<string>(['a', 'an', ...shareAdjectives.keys()])
  for (const key of quantifiers.keys()) firstWords.add(key.split(' ')[0])
  for (const key of collectives.keys()) firstWords.add(pluralOf(key))
  // A cheap test on a sentence's text: does it hold anything the model reads?
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const lead = new Set<string>()
  const afterArticle = new Set<string>(shareAdjectives.keys())
  for (const key of quantifiers.keys()) {
    const [first, second] = key.split(' ')
    if ((first === 'a' || first === 'an' || first === 'the') && second) afterArticle.add(second)
    else lead.add(first)
  }
  for (const word of Object.keys(numberWords)) lead.add(word)
  lead.add('sums')
  lead.add('sum')
  lead.add('amounts')
  const mayHold = new RegExp(
    `\\b(?:${[...lead].map(escape).join('|')})\\b|\\b(?:an?|the) (?:${[...afterArticle].map(escape).join('|')})\\b|\\b(?:${[...collectives.keys()].flatMap((k) => [k, pluralOf(k)]).map(escape).join('|')}) of\\b`,
    'i'
  )
  lexicons = {
    firstWordKeys: new WordKeys(firstWords),
    units,
    quantifiers,
    quantifierTrie,
    firstWords,
    mayHold,
    maxQuantifierWords,
    shareAdjectives,
    shareNouns,
    cues,
    idioms: loadWordList('vague-idioms.txt'),
    sources: loadWordList('vague-sources.txt'),
    opinionVerbs: loadWordList('vague-opinion-verbs.txt'),
    nounClasses,
    collectives,
    contexts
  }
  return lexicons
}

/** The kind of news cue a context word is (`casualty`, `event`, `money`, `membership`), if any. */
export function cueOf(word: string): string | undefined {
  const cues = lex().cues
  return cues.get(word) ?? cues.get(`${word}s`)
}

/** Words of a subheading that promise a count. */
export function headingCountNouns(): Set<string> {
  return loadWordList('figure-heading-nouns.txt')
}

// ---------------------------------------------------------------------------
// Words

const numberWords: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90
}

const months = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december'
])

const timeWords = new Set(['gmt', 'bst', 'est', 'edt', 'pst', 'pdt', 'cet', 'cest', 'utc', 'am', 'pm', 'a.m', 'p.m', 'hrs', 'local', "o'clock"])

const labelWords = new Set([
  'no', 'number', 'page', 'chapter', 'article', 'section', 'room', 'flight', 'route', 'terminal', 'platform',
  'grade', 'level', 'phase', 'stage', 'channel', 'version', 'model', 'type', 'rule', 'paragraph', 'item',
  'title', 'gate', 'junction', 'exit', 'district', 'ward', 'precinct', 'category', 'class', 'division', 'tier',
  'resolution', 'proposition', 'amendment', 'clause', 'bill', 'highway', 'interstate', 'apartment', 'suite',
  'unit', 'block', 'lot', 'row', 'seat', 'track', 'episode', 'season', 'series', 'volume', 'issue', 'week',
  'day', 'round', 'game', 'match', 'question', 'box', 'pier', 'berth', 'bay', 'line'
])

const streetWords = /^(street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|place|pl|square|sq|way|court|ct|terrace|crescent)$/i

const approximators: Array<[string[], Approximation]> = (
  [
    ['in excess of', 'over'], ['upwards of', 'over'], ['more than', 'over'], ['over', 'over'], ['above', 'over'],
    ['exceeding', 'over'], ['just over', 'over'], ['well over', 'over'], ['no fewer than', 'at-least'],
    ['no less than', 'at-least'], ['at least', 'at-least'], ['as many as', 'up-to'], ['as much as', 'up-to'],
    ['up to', 'up-to'], ['no more than', 'up-to'], ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'],
    ['just under', 'nearly'], ['just short of', 'nearly'], ['less than', 'under'], ['fewer than', 'under'],
    ['under', 'under'], ['below', 'under'], ['about', 'about'], ['around', 'about'], ['roughly', 'about'],
    ['some', 'about'], ['approximately', 'about'], ['an estimated', 'about'], ['estimated', 'about'],
    ['circa', 'about'], ['approx', 'about'], ['an approximate', 'about'], ['a total of', 'exact']
  ] as Array<[string, Approximation]>
)
  .map(([phrase, kind]): [string[], Approximation] => [phrase.split(' '), kind])
  .sort((a, b) => b[0].length - a[0].length)

const phrasalBefore = new Set([
  'hand', 'hands', 'handed', 'handing', 'take', 'takes', 'took', 'taken', 'taking', 'turn', 'turns', 'turned',
  'turning', 'win', 'wins', 'won', 'pass', 'passes', 'passed', 'passing', 'fight', 'fights', 'fought', 'rule',
  'rules', 'ruled', 'watch', 'watched', 'look', 'looked', 'go', 'goes', 'went', 'get', 'got', 'spill', 'spilled',
  'argue', 'argued', 'clash', 'clashes', 'clashed', 'row', 'rows', 'rowed', 'dispute', 'disputes', 'concern',
  'concerns', 'concerned', 'worry', 'worries', 'worried', 'fear', 'fears', 'talk', 'talks', 'battle', 'battles',
  'deal', 'deals', 'split', 'splits', 'probe', 'protest', 'protests', 'anger', 'outrage', 'question', 'questions',
  'asked', 'warned', 'warns', 'think', 'thinking', 'knew', 'know', 'care', 'cares', 'bring', 'brought', 'came', 'come',
  'move', 'moved', 'moves', 'sign', 'signs', 'signed', 'tower', 'towers', 'stand', 'stood', 'fly', 'flew'
])

const stopWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as',
  'into', 'onto', 'over', 'after', 'before', 'under', 'between', 'during', 'since', 'until', 'than', 'that',
  'which', 'who', 'whom', 'whose', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my',
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'should',
  'may', 'might', 'must', 'can', 'do', 'does', 'did', 'said', 'says', 'say', 'not', 'no', 'also', 'more', 'most',
  'less', 'least', 'per', 'ago', 'last', 'next', 'this', 'it', 'they', 'them', 'he', 'she', 'we', 'you', 'i',
  'there', 'here', 'when', 'where', 'while', 'if', 'because', 'so', 'such', 'all', 'some', 'any', 'each',
  'every', 'both', 'either', 'neither', 'other', 'another', 'than', 'then', 'now', 'only', 'just', 'even',
  'still', 'yet', 'about', 'around', 'across', 'against', 'among', 'amid', 'through', 'throughout', 'toward',
  'towards', 'upon', 'via', 'within', 'without', 'up', 'down', 'out', 'off', 'away', 'back', 'vs', 'versus',
  'including', 'like', 'what', 'how', 'why', 'whether', 'very', 'too', 'already', 'again', 'ever', 'never',
  'well', 'much', 'many', 'few', 'own', 'same', 'new', 'old', 'year', 'years', 'month', 'months', 'week',
  'weeks', 'day', 'days', 'earlier', 'later', 'ended', 'ending', 'outside', 'inside', 'near', 'behind', 'beside',
  'beyond', 'along', 'aboard', 'despite', 'following', 'nationwide', 'worldwide', 'online', 'overseas', 'abroad',
  'today', 'yesterday', 'tomorrow', 'tonight'
])

const upWords = new Set(['up', 'rose', 'rise', 'rises', 'risen', 'rising', 'increase', 'increased', 'increases', 'gain', 'gained', 'gains', 'higher', 'climb', 'climbed', 'climbs', 'jump', 'jumped', 'jumps', 'grew', 'grow', 'growth', 'advance', 'advanced', 'surge', 'surged', 'soar', 'soared'])
const downWords = new Set(['down', 'fell', 'fall', 'falls', 'fallen', 'falling', 'decline', 'declined', 'declines', 'drop', 'dropped', 'drops', 'lower', 'slip', 'slipped', 'decrease', 'decreased', 'off', 'slump', 'slumped', 'plunge', 'plunged', 'shrank', 'contracted', 'eased', 'dip', 'dipped'])

const verbWords = new Set([
  'remain', 'remained', 'remains', 'became', 'become', 'becomes', 'seem', 'seemed', 'seems', 'appear', 'appeared',
  'continue', 'continued', 'continues', 'face', 'faced', 'include', 'included', 'includes', 'need', 'needed',
  'get', 'got', 'go', 'went', 'come', 'came', 'make', 'made', 'take', 'took', 'know', 'knew', 'use', 'used', 'show',
  'showed', 'live', 'lived', 'work', 'worked', 'hold', 'held', 'leave', 'left', 'try', 'tried', 'keep', 'kept',
  'began', 'begin', 'begun', 'gave', 'give', 'given', 'find', 'found', 'put', 'set', 'run', 'ran', 'let', 'lose',
  'sought', 'fled', 'went', 'brought', 'bought', 'fought', 'caught', 'taught', 'rose', 'fell', 'grew', 'saw', 'won',
  'lost', 'paid', 'sent', 'spent', 'built', 'became', 'stood', 'sat', 'met', 'led', 'struck', 'drove', 'flew', 'threw',
  'wrote', 'spoke', 'broke', 'chose', 'hid', 'spread', 'joined', 'returned', 'arrived', 'crossed', 'marched',
  'gathered', 'attended', 'voted', 'died', 'remain', 'include', 'want', 'wanted', 'signed', 'lived', 'stayed', 'waited'
])

const moneyNouns = new Set(['money', 'cash', 'funding', 'fund', 'revenue', 'debt', 'capital', 'investment', 'profit', 'compensation', 'damages'])

const modalWords = new Set(['could', 'would', 'might', 'may', 'if', 'potentially', 'possibly', 'forecast', 'projected', 'predicted', 'estimate', 'likely'])

const singulars = new Map<string, string>()

/** Singular form for matching: "soldiers" → "soldier", "casualties" → "casualty". */
export function singular(word: string): string {
  let found = singulars.get(word)
  if (found === undefined) {
    // The same few thousand words come back in every article: remember them (within bounds).
    if (singulars.size > 20000) singulars.clear()
    singulars.set(word, (found = singularOf(word)))
  }
  return found
}

function singularOf(word: string): string {
  const w = word.toLowerCase().replace(/[’]/g, "'").replace(/'s$/, '')
  if (w.length <= 3) return w
  if (w === 'people') return 'person'
  if (w === 'children') return 'child'
  if (w === 'men') return 'man'
  if (w === 'women') return 'woman'
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y'
  if (/(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2)
  if (/[^su]s$/.test(w)) return w.slice(0, -1)
  return w
}

/** Plural form of a collective noun: "army" → "armies", "mass" → "masses", "host" → "hosts". */
function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  if (/(?:s|x|ch|sh)$/.test(word)) return word + 'es'
  return word + 's'
}

const irregularPlurals = new Set(['people', 'children', 'men', 'women', 'personnel', 'police', 'staff', 'cattle', 'livestock', 'folk'])

/** Is the word a plural noun ("objections", "people", "well-wishers")? */
export function isPluralNoun(word: string): boolean {
  const w = word.toLowerCase().replace(/[’]/g, "'")
  if (irregularPlurals.has(w)) return true
  if (w.length <= 3 || !w.endsWith('s') || /(?:ss|us|is|ics|ness|'s)$/.test(w)) return false
  return singular(w) !== w
}

// ---------------------------------------------------------------------------
// Tokens

const anyFigureMark = /[\d$£€¥%]/

// Tokens are those of the pattern
//   /(?:US|A|C|HK|NZ|S)?\$|[£€¥%]|\d[\d,]*\d(?:\.\d+)?|\d(?:\.\d+)?|\.\d+|[\p{L}]+(?:[.'’-][\p{L}\d]+)*|\S/gu
// (white space between them skipped), read by hand: the regular expression was the model's largest cost.

const letter = /^\p{L}$/u
const space = /^\s$/u

/** Is the character at `i` a letter (`\p{L}`)? Its length in code units (0 when it is not). */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 1
  if (code < 128 || Number.isNaN(code)) return 0
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1)
    if (next >= 0xdc00 && next <= 0xdfff) return letter.test(text.slice(i, i + 2)) ? 2 : 0
  }
  return letter.test(text[i]) ? 1 : 0
}

const isDigitCode = (code: number) => code >= 48 && code <= 57

function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true
  if (code < 128) return false
  return space.test(String.fromCharCode(code))
}

/** End of the token starting at `i` (not white space): the same tokens as the pattern above. */
function tokenEnd(text: string, i: number): number {
  const code = text.charCodeAt(i)
  // (?:US|A|C|HK|NZ|S)?\$
  if (code === 36) return i + 1
  if (code === 85 && text.charCodeAt(i + 1) === 83 && text.charCodeAt(i + 2) === 36) return i + 3
  if ((code === 65 || code === 67 || code === 83) && text.charCodeAt(i + 1) === 36) return i + 2
  if (((code === 72 && text.charCodeAt(i + 1) === 75) || (code === 78 && text.charCodeAt(i + 1) === 90)) && text.charCodeAt(i + 2) === 36) return i + 3
  // [£€¥%]
  if (code === 163 || code === 8364 || code === 165 || code === 37) return i + 1
  if (isDigitCode(code)) {
    // \d[\d,]*\d(?:\.\d+)?, else \d(?:\.\d+)?
    let k = i + 1
    let lastDigit = -1
    for (let c = text.charCodeAt(k); isDigitCode(c) || c === 44; c = text.charCodeAt(++k)) if (c !== 44) lastDigit = k
    let end = lastDigit >= 0 ? lastDigit + 1 : i + 1
    if (text.charCodeAt(end) === 46 && isDigitCode(text.charCodeAt(end + 1))) {
      end += 2
      while (isDigitCode(text.charCodeAt(end))) end++
    }
    return end
  }
  // \.\d+
  if (code === 46 && isDigitCode(text.charCodeAt(i + 1))) {
    let end = i + 2
    while (isDigitCode(text.charCodeAt(end))) end++
    return end
  }
  // [\p{L}]+(?:[.'’-][\p{L}\d]+)*
  let n = letterAt(text, i)
  if (n) {
    let end = i + n
    while ((n = letterAt(text, end))) end += n
    for (;;) {
      const c = text.charCodeAt(end)
      if (c !== 46 && c !== 39 && c !== 8217 && c !== 45) break
      const first = isDigitCode(text.charCodeAt(end + 1)) ? 1 : letterAt(text, end + 1)
      if (!first) break
      end += 1 + first
      for (;;) {
        if (isDigitCode(text.charCodeAt(end))) end++
        else if ((n = letterAt(text, end))) end += n
        else break
      }
    }
    return end
  }
  // \S: one code point.
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1)
    if (next >= 0xdc00 && next <= 0xdfff) return i + 2
  }
  return i + 1
}

const curlyApostrophe = /’/g

/** Tokenise a span of the file text; offsets are file offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  let previousEnd = -1
  const length = text.length
  let i = 0
  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === 32 || (code >= 9 && code <= 13) || (code >= 128 && isSpaceCode(code))) {
      i++
      continue
    }
    let end = -1
    let plain = true
    if (code >= 97 && code <= 122) {
      // The common case: a word of lower-case ASCII letters, ended by anything but a letter or a joiner.
      end = i + 1
      let next = text.charCodeAt(end)
      while (next >= 97 && next <= 122) next = text.charCodeAt(++end)
      if ((next >= 65 && next <= 90) || next >= 128 || next === 46 || next === 39 || next === 45) end = -1
    }
    if (end < 0) {
      end = tokenEnd(text, i)
      // Most tokens are lower-case ASCII already: no need to convert them.
      for (let k = i; k < end && plain; k++) {
        const c = text.charCodeAt(k)
        plain = c < 65 || (c > 90 && c < 128)
      }
    }
    const value = text.slice(i, end)
    let lower = value
    if (!plain) {
      lower = value.toLowerCase()
      if (lower.includes('’')) lower = lower.replace(curlyApostrophe, "'")
    }
    const start = offset + i
    tokens.push({text: value, lower, start, end: offset + end, glued: start === previousEnd, index: tokens.length})
    previousEnd = offset + end
    i = end
  }
  return tokens
}

/**
 * A number token ("1,905", "2.5", ".5"). The tokeniser makes every token that starts with a digit, or with
 * a full stop and goes on, such a number, and no other: the first characters tell.
 */
function isDigits(t: Token | undefined): boolean {
  if (!t) return false
  const code = t.text.charCodeAt(0)
  return (code >= 48 && code <= 57) || (code === 46 && t.text.length > 1)
}
const letterStart = /^\p{L}/u
function isWord(t: Token | undefined): boolean {
  if (!t) return false
  const code = t.text.charCodeAt(0)
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true
  if (code < 128) return false
  return letterStart.test(t.text)
}
const titlecase = /^\p{Lu}\p{Ll}+/u
/** A capital and a lower-case letter ("Syrian"); ASCII letters are told by their codes. */
function isTitlecase(t: Token | undefined): boolean {
  if (!t) return false
  const first = t.text.charCodeAt(0)
  const second = t.text.charCodeAt(1)
  if (first < 128 && second < 128) return first >= 65 && first <= 90 && second >= 97 && second <= 122
  if (first < 128 && !(first >= 65 && first <= 90)) return false
  return titlecase.test(t.text)
}

const numberWordMap = new Map(Object.entries(numberWords))
/** First letters of the number words: most words need no look-up. */
const numberWordStarts = new Set(Object.keys(numberWords).map((word) => word.charCodeAt(0)))

function numberWordValue(lower: string): number | undefined {
  // Number words are 3 to 9 letters ("one", "seventeen"), or two joined by a hyphen ("twenty-one", at most 13).
  if (lower.length < 3 || lower.length > 13 || !numberWordStarts.has(lower.charCodeAt(0))) return undefined
  const value = numberWordMap.get(lower)
  if (value !== undefined || lower.length < 7 || !lower.includes('-')) return value
  const dash = lower.indexOf('-')
  const tens = numberWordMap.get(lower.slice(0, dash))
  const ones = numberWordMap.get(lower.slice(dash + 1))
  return tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10 ? tens + ones : undefined
}

function scaleOf(token: Token | undefined): number | undefined {
  if (!token) return undefined
  const unit = lex().units.get(token.lower.endsWith('-plus') ? token.lower.slice(0, -5) : token.lower)
  if (unit?.kind !== 'scale') return undefined
  // A lone "m", "b" or "k" is a scale only when glued to the number ("3.5m").
  if (/^[mbk]$/.test(token.lower) && !token.glued) return undefined
  return Number(unit.value)
}

interface ParsedNumber {
  value: number
  step: number
  next: number
  written: boolean
  start: number
  end: number
}

/** A number at token `i`: digits or words, with its scale ("1.5 million", "three billion", "5bn"). */
function parseNumber(tokens: Token[], i: number): ParsedNumber | undefined {
  const token = tokens[i]
  if (!token) return undefined
  let value: number
  let step: number
  let written = false
  let j = i + 1
  if (isDigits(token)) {
    const plain = token.text.replace(/,/g, '')
    value = Number(plain)
    if (!Number.isFinite(value)) return undefined
    const point = plain.indexOf('.')
    const integer = point < 0 ? plain : plain.slice(0, point)
    // (The tokeniser gives at most one decimal point.)
    const decimals = point < 0 ? 0 : plain.length - point - 1
    if (decimals) step = 10 ** -decimals
    else {
      let zeros = 0
      while (zeros < integer.length && integer.charCodeAt(integer.length - 1 - zeros) === 48) zeros++
      step = zeros >= integer.length ? 1 : 10 ** zeros
    }
  } else {
    const word = numberWordValue(token.lower)
    if (word === undefined) return undefined
    value = word
    step = word >= 20 && word % 10 === 0 ? 10 : 1
    written = true
    if (tokens[j]?.lower === 'hundred') {
      value *= 100
      step = 100
      j++
    }
  }
  let scaled = false
  for (let guard = 0; guard < 2; guard++) {
    const scale = scaleOf(tokens[j])
    if (scale === undefined || (scale === 12 && !written)) break
    if (scale === 100 && scaled) break
    value *= scale
    step *= scale
    scaled = true
    j++
  }
  if (written && !scaled && value < 10 && (value === 1 || value === 0)) return undefined
  return {value, step, next: j, written, start: token.start, end: tokens[j - 1].end}
}

function isMonth(t: Token | undefined): boolean {
  return !!t && months.has(t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower)
}

// ---------------------------------------------------------------------------
// Noun phrases

/** The noun phrase that starts at token `i` ("Syrian officers and soldiers", "members of the Syrian military"). */
function countedThing(tokens: Token[], i: number, allowOf = true): CountedThing | undefined {
  const words: Token[] = []
  let j = i
  let usedOf = false
  while (j < tokens.length && words.length < 6) {
    const t = tokens[j]
    if (!isWord(t)) break
    const lower = t.lower
    if (lower === 'and' || lower === 'or') {
      if (words.length && isWord(tokens[j + 1]) && !stopWords.has(tokens[j + 1].lower) && !tokens[j + 1].lower.endsWith('ed') && !tokens[j + 1].lower.endsWith('ly')) {
        j++
        continue
      }
      break
    }
    if (lower === 'of' && allowOf && !usedOf && words.length) {
      usedOf = true
      j++
      if (['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our'].includes(tokens[j]?.lower ?? '')) j++
      continue
    }
    // "new pilots", "old stock": an adjective here, before the noun.
    const modifier = (lower === 'new' || lower === 'old') && isWord(tokens[j + 1]) && !stopWords.has(tokens[j + 1].lower)
    if (!modifier && (stopWords.has(lower) || months.has(lower) || verbWords.has(lower) || lex().opinionVerbs.has(lower))) break
    // A name after a common noun starts something else: "several children Nora, Hasna and Guy".
    if (words.length && isTitlecase(t) && !isTitlecase(words[words.length - 1]) && !/^(?:of|the)$/.test(tokens[j - 1]?.lower ?? '')) break
    if (lower.length > 4 && (lower.endsWith('ed') || lower.endsWith('ing'))) {
      const following = tokens[j + 1]
      if (!isWord(following) || stopWords.has(following.lower)) break
      // After a plural noun, a word in -ed is its verb: "shops closed early", "workers employed there".
      if (lower.endsWith('ed') && words.length && isPluralNoun(words[words.length - 1].text)) break
    }
    if (lower.length > 4 && lower.endsWith('ly') && lower !== 'family' && lower !== 'supply' && lower !== 'italy') break
    words.push(t)
    j++
  }
  if (!words.length) return undefined
  const stems = words.map((w) => singular(w.lower))
  const classes = new Set<string>()
  for (const stem of stems) for (const cls of lex().nounClasses.get(stem) ?? []) classes.add(cls)
  // The head: the last word before "of", unless it is a generic noun ("members of the military").
  let ofIndex = -1
  for (let k = i; k < j; k++) {
    if (tokens[k].lower === 'of') {
      ofIndex = k - i
      break
    }
  }
  const before = ofIndex < 0 ? words : words.filter((w) => w.start < tokens[i + ofIndex].start)
  let head = before.length ? singular(before[before.length - 1].lower) : stems[stems.length - 1]
  if (['member', 'group', 'number', 'share', 'part', 'percent', 'pct', 'lot', 'kind', 'type'].includes(head) && words.length > before.length) {
    head = stems[stems.length - 1]
  }
  const last = words[words.length - 1]
  const headToken = before.length ? before[before.length - 1] : last
  // A plural before the last word still counts things: "burglaries hit" (a verb the phrase took in).
  const plural = isPluralNoun(headToken.text) || (before.length > 1 && isPluralNoun(before[before.length - 2].text) && !isPluralNoun(headToken.text) && !/s$/.test(headToken.lower))
  return {start: words[0].start, end: last.end, text: '', words: stems, head, classes: [...classes], plural}
}

// The context word of each token of the sentence being read (windows of nearby figures overlap).
let contextTokens: Token[] | undefined
let contextOfToken: Array<string | null | undefined> = []

/** What token `k` adds to a context: `+up`, `+down`, its singular, or nothing (null). */
function contextWordAt(tokens: Token[], k: number): string | null {
  if (tokens !== contextTokens) {
    contextTokens = tokens
    contextOfToken = []
  }
  let word = contextOfToken[k]
  if (word === undefined) {
    const t = tokens[k]
    if (!isWord(t)) word = null
    else if (upWords.has(t.lower)) word = '+up'
    else if (downWords.has(t.lower)) word = '+down'
    else if (!stopWords.has(t.lower) && !lex().units.has(t.lower)) word = singular(t.lower)
    else word = null
    contextOfToken[k] = word
  }
  return word
}

function contextWords(tokens: Token[], from: number, to: number, skip?: Span): string[] {
  // A window is a few words: an array kept free of repeats (in first-seen order) is cheaper than a set.
  const words: string[] = []
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    const word = contextWordAt(tokens, k)
    if (word === null) continue
    const t = tokens[k]
    if (skip && t.start >= skip.start && t.end <= skip.end && !(t.start >= skip.countsStart)) continue
    if (!words.includes(word)) words.push(word)
  }
  return words
}

// ---------------------------------------------------------------------------
// Figures

interface Span {
  start: number
  end: number
  countsStart: number
}

/** The approximators by their last word, longest first as in `approximators`: only those can end right before a number. */
const approximatorsByLast = new Map<string, Array<[string[], Approximation]>>()
for (const entry of approximators) {
  const last = entry[0][entry[0].length - 1]
  approximatorsByLast.set(last, [...(approximatorsByLast.get(last) ?? []), entry])
}

function approximationBefore(tokens: Token[], i: number): {approximation: Approximation; start: number; text: string} | undefined {
  const candidates = i > 0 ? approximatorsByLast.get(tokens[i - 1].lower) : undefined
  if (!candidates) return undefined
  for (const [words, approximation] of candidates) {
    const from = i - words.length
    if (from < 0) continue
    let ok = true
    for (let k = 0; k < words.length; k++) if (tokens[from + k].lower !== words[k]) ok = false
    // "hands over 1,905 soldiers", "row over 300 jobs", "talks about 500 jobs": a preposition, not an approximation.
    if (ok && words.length === 1 && ['over', 'under', 'about', 'around'].includes(words[0]) && phrasalBefore.has(tokens[from - 1]?.lower ?? '')) return undefined
    if (ok) return {approximation, start: tokens[from].start, text: words.join(' ')}
  }
  return undefined
}

function currencyAt(token: Token | undefined): string | undefined {
  if (!token) return undefined
  const unit = lex().units.get(token.lower.endsWith('.') ? token.lower.slice(0, -1) : token.lower)
  return unit?.kind === 'currency' ? unit.value : undefined
}

/** The word without a final full stop ("Sept." → "Sept"). */
const withoutStop = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word)

/** Four ASCII digits and nothing else ("1986"). */
function fourDigits(text: string): boolean {
  if (text.length !== 4) return false
  for (let k = 0; k < 4; k++) {
    const code = text.charCodeAt(k)
    if (code < 48 || code > 57) return false
  }
  return true
}

/** The approximators of one word ("over", "about"): a title-cased one before a number is not a name. */
const oneWordApproximators = new Set(approximators.filter(([w]) => w.length === 1).map(([w]) => w[0]))

/** Is the number at `i` a year, date, time, age, ordinal, address or a name ("Article 5")? */
function notAFigure(tokens: Token[], i: number, parsed: ParsedNumber, hasUnit: boolean, zone: Zone): boolean {
  const token = tokens[i]
  const previous = tokens[i - 1]
  const next = tokens[parsed.next]
  // Glued to letters: "G20", "COVID-19", ordinals "1st", decades "1980s".
  if (previous && token.glued && (isWord(previous) || ['-', '/', '.', ':'].includes(previous.text))) return true
  if (next && next.glued && isWord(next) && !scaleOf(next) && !lex().units.has(next.lower)) return true
  if (next && next.glued && (next.text === "'" || next.text === '’')) return true
  if (hasUnit) return false
  // Years.
  if (!token.text.includes(',') && fourDigits(token.text) && Number(token.text) >= 1000 && Number(token.text) <= 2100 && parsed.next === i + 1) return true
  // Dates.
  if (isMonth(previous) || isMonth(next) || (next?.lower === 'of' && isMonth(tokens[parsed.next + 1]))) return true
  // "Sept. 19", "Feb. 29": the abbreviation's full stop stands between.
  if (previous?.text === '.' && isMonth(tokens[i - 2])) return true
  // Times.
  if (next && (next.text === ':' || timeWords.has(withoutStop(next.lower)))) return true
  if (next?.text === '.' && next.glued && isDigits(tokens[parsed.next + 1]) && tokens[parsed.next + 1].glued) return true
  // Ages: "20-year-old", "aged 34", "English, 34,".
  if (next?.text === '-' && /^years?(?:-old)?$|^year-old$/.test(tokens[parsed.next + 1]?.lower ?? '')) return true
  if (next && (next.lower === 'year-old' || next.lower === 'years-old')) return true
  // Durations as modifiers: "a 9-day strike", "the 17-day stoppage", "a 24-hour vigil".
  if (next?.text === '-' && next.glued && /^(?:second|minute|hour|day|night|week|month|year|decade)$/.test(tokens[parsed.next + 1]?.lower ?? '') && tokens[parsed.next + 1].glued) return true
  if ((next?.lower === 'years' || next?.lower === 'year') && tokens[parsed.next + 1]?.lower === 'old') return true
  if (previous && ['aged', 'age', 'ages'].includes(previous.lower)) return true
  if (previous?.text === ',' && isTitlecase(tokens[i - 2]) && (next?.text === ',' || next?.text === ')' || next?.text === '.') && parsed.value < 120 && !parsed.written) return true
  if (previous?.text === '(' && next?.text === ')' && parsed.value < 120) return true
  // Labels and names: "Article 5", "No. 10", "Terminal 5", "Boeing 747".
  if (previous && labelWords.has(withoutStop(previous.lower))) return true
  if (previous?.text === '.' && tokens[i - 2]?.lower === 'no') return true
  if (previous?.text === '#') return true
  if (previous && isTitlecase(previous) && zone !== 'headline' && i - 1 > 0 && !oneWordApproximators.has(previous.lower) && !isMonth(previous) && !currencyAt(previous)) return true
  // Addresses: "10 Downing Street".
  if (next && isTitlecase(next) && streetWords.test(tokens[parsed.next + 1]?.text ?? '')) return true
  // Scores and votes written "3-1", "11-10": leave alone when nothing is counted.
  return false
}

function figuresOfSentence(sentence: Sentence, tokens: Token[], quotedAt: (offset: number) => boolean): Figure[] {
  const figures: Figure[] = []
  const units = lex().units
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]
    const code = token.text.charCodeAt(0)
    const digit = (code >= 48 && code <= 57) || (code === 46 && token.text.length > 1)
    if (digit ? !isDigits(token) : numberWordValue(token.lower) === undefined) {
      i++
      continue
    }
    const first = parseNumber(tokens, i)
    if (!first) {
      i++
      continue
    }
    let start = token.start
    let currency = currencyAt(tokens[i - 1]) && /[$£€¥]|^rs\.?$/i.test(tokens[i - 1].text) ? currencyAt(tokens[i - 1]) : undefined
    const symbolBefore = Boolean(currency)
    if (currency) start = tokens[i - 1].start
    const approx = approximationBefore(tokens, currency ? i - 1 : i)
    let low = first.value
    let high = first.value
    let step = first.step
    let j = first.next
    let approximation: Approximation = approx?.approximation ?? 'exact'
    if (tokens[i - 1]?.lower === 'between' || tokens[i - 2]?.lower === 'between') approximation = 'exact'
    // Ranges: "3 to 4 billion", "three billion to four billion dlrs", "20-25", "between 10 and 12".
    const joiner = tokens[j]
    const between = tokens[i - 1]?.lower === 'between' || (currency && tokens[i - 2]?.lower === 'between')
    if (joiner && (joiner.text === '-' || joiner.text === '–' || joiner.lower === 'to' || (between && joiner.lower === 'and'))) {
      let k = j + 1
      if (currencyAt(tokens[k]) && /[$£€¥]/.test(tokens[k].text)) k++
      const second = isDigits(tokens[k]) || numberWordValue(tokens[k]?.lower ?? '') !== undefined ? parseNumber(tokens, k) : undefined
      if (second && second.value > 0) {
        let firstValue = first.value
        // "3 to 4 billion": the scale of the second applies to the first.
        if (second.next > k + 1 && first.next === i + 1 && firstValue < second.value / 10) {
          const scale = second.value / Number((tokens[k].text.replace(/,/g, '')) || 1)
          if (Number.isFinite(scale) && scale > 1) {
            firstValue *= scale
            step = first.step * scale
          }
        }
        if (second.value >= firstValue) {
          low = firstValue
          high = second.value
          step = Math.min(step, second.step)
          j = second.next
        }
      }
    }
    // Units after the number.
    let kind: FigureKind = 'count'
    let unit = 'count'
    const after = tokens[j]
    const afterTwo = after && tokens[j + 1] ? `${after.lower} ${tokens[j + 1].lower}` : ''
    if (after && (units.get(afterTwo)?.kind === 'percent' || units.get(afterTwo)?.kind === 'points')) {
      kind = units.get(afterTwo)!.kind as FigureKind
      unit = kind
      j += 2
    } else if (after && (units.get(after.lower)?.kind === 'percent')) {
      kind = 'percent'
      unit = 'percent'
      j++
    } else if (after && !currency && currencyAt(after) && !/[$£€¥]/.test(after.text)) {
      currency = currencyAt(after)
      j++
    }
    if (currency) {
      kind = 'money'
      unit = currency
    }
    const hasUnit = kind !== 'count' || first.next > i + 1
    if (notAFigure(tokens, i, first, hasUnit, sentence.zone)) {
      i = first.next
      continue
    }
    let end = tokens[j - 1].end
    // What it counts.
    let counts: CountedThing | undefined
    if (kind === 'count') counts = countedThing(tokens, j)
    else if (tokens[j]?.lower === 'of') {
      let k = j + 1
      if (['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(tokens[k]?.lower ?? '')) k++
      counts = countedThing(tokens, k, false)
    }
    if (counts) counts.text = sentenceText(sentence, counts.start, counts.end)
    // A bare small written number with nothing counted is rarely a figure ("the two", "one of").
    if (first.written && !counts && kind === 'count' && first.next === i + 1) {
      i = j
      continue
    }
    if (kind === 'count' && counts && sentence.zone !== 'headline') {
      // End of the figure expression: the counted noun is part of it ("1,905 Syrian officers").
      end = Math.max(end, counts.end)
    }
    const figureStart = approx ? Math.min(approx.start, start) : start
    figures.push({
      start: figureStart,
      end,
      text: sentenceText(sentence, figureStart, end),
      value: (low + high) / 2,
      low,
      high,
      approximation,
      approximator: approx?.text,
      kind,
      unit,
      step,
      written: first.written,
      amount: sentenceText(sentence, figureStart, tokens[j - 1].end),
      counts,
      context: contextWords(tokens, i - 8, (counts ? tokens.findIndex((t) => t.start >= counts!.end) + 1 || tokens.length + 1 : j + 1) + 4, {start: figureStart, end, countsStart: counts?.start ?? end}),
      subject: contextWords(tokens, (approx ? tokens.findIndex((t) => t.start === approx.start) : symbolBefore ? i - 1 : i) - 3, approx ? tokens.findIndex((t) => t.start === approx.start) : symbolBefore ? i - 1 : i),
      sentence,
      zone: sentence.zone,
      quoted: quotedAt(token.start)
    })
    i = j
  }
  return figures
}

function sentenceText(sentence: Sentence, start: number, end: number): string {
  return sentence.text.slice(start - sentence.start, end - sentence.start)
}

// ---------------------------------------------------------------------------
// Vague quantities

function vagueOfSentence(sentence: Sentence, tokens: Token[], figures: Figure[], quotedAt: (offset: number) => boolean): VagueQuantity[] {
  const found: VagueQuantity[] = []
  const {quantifierTrie, maxQuantifierWords, shareAdjectives, shareNouns} = lex()
  const {firstWords, firstWordKeys} = lex()
  let i = 0
  while (i < tokens.length) {
    const lower = tokens[i].lower
    if (!firstWordKeys.mayHave(lower) || !firstWords.has(lower)) {
      i++
      continue
    }
    let matched: {phrase: string; length: number; kind: VagueKind; strength: VagueStrength} | undefined
    // "a significant share of", "a substantial portion of"
    if ((tokens[i].lower === 'a' || tokens[i].lower === 'an') && shareAdjectives.has(tokens[i + 1]?.lower ?? '')) {
      const noun = tokens[i + 2]?.lower ?? ''
      const nounStrength = shareNouns.get(noun)
      const withOf = tokens[i + 3]?.lower === 'of'
      // "a hefty sum" needs no "of"; "a large share" without "of" is not a quantity of anything.
      if (nounStrength && (withOf || nounStrength === 'money')) {
        const adjective = shareAdjectives.get(tokens[i + 1].lower)!
        const kind: VagueKind = nounStrength === 'money' ? 'money' : noun === 'number' ? 'count' : 'share'
        const strength: VagueStrength =
          adjective === 'strong' && (nounStrength === 'strong' || nounStrength === 'money')
            ? 'strong'
            : adjective === 'medium' && nounStrength === 'strong'
              ? 'likely'
              : adjective === 'weak'
                ? 'weak'
                : 'medium'
        const length = withOf ? 4 : 3
        matched = {phrase: tokens.slice(i, i + length).map((t) => t.text).join(' '), length, kind, strength}
      }
    }
    // "a six-figure sum", "a tidy sum": any modifier before "sum" makes a vague sum (not "a lump sum of $5,000").
    if (!matched && (tokens[i].lower === 'a' || tokens[i].lower === 'an')) {
      for (let n = 1; n <= 2 && !matched; n++) {
        if (tokens[i + n + 1]?.lower !== 'sum' || tokens[i + n + 2]?.lower === 'of') continue
        const modifiers = tokens.slice(i + 1, i + n + 1)
        if (!modifiers.every((t) => isWord(t) && !stopWords.has(t.lower))) break
        const unknown = modifiers.some((t) => lex().contexts.get(t.lower) === 'unknown')
        matched = {phrase: tokens.slice(i, i + n + 2).map((t) => t.text).join(' '), length: n + 2, kind: 'money', strength: unknown ? 'honest' : 'medium'}
      }
    }
    // "large sums", "substantial sums of money", "huge amounts of cash"
    if (!matched && shareAdjectives.has(tokens[i].lower) && /^(?:sums|amounts)$/.test(tokens[i + 1]?.lower ?? '')) {
      const adjective = shareAdjectives.get(tokens[i].lower)!
      const ofMoney = tokens[i + 2]?.lower === 'of' && moneyNouns.has(tokens[i + 3]?.lower ?? '')
      if (ofMoney || tokens[i + 1].lower === 'sums') {
        const length = ofMoney ? 4 : 2
        matched = {phrase: tokens.slice(i, i + length).map((t) => t.text).join(' '), length, kind: 'money', strength: adjective === 'weak' ? 'weak' : 'medium'}
      }
    }
    if (!matched) {
      // The longest quantifier of up to `maxQuantifierWords` words here, walking the quantifiers word by word.
      let level: QuantifierTrie | undefined = quantifierTrie
      let longest = 0
      let entry: {kind: VagueKind; strength: VagueStrength} | undefined
      for (let n = 0; n < Math.min(maxQuantifierWords, tokens.length - i); n++) {
        if (!isWord(tokens[i + n])) break
        const node: QuantifierNode | undefined = level.get(tokens[i + n].lower)
        if (!node) break
        if (node.entry) {
          longest = n + 1
          entry = node.entry
        }
        level = node.next
        if (!level) break
      }
      if (entry) matched = {phrase: tokens.slice(i, i + longest).map((t) => t.text).join(' '), length: longest, ...entry}
    }
    // "a whole host of", "a vast quantity of", "large numbers of", "hordes of": a collective noun and "of".
    let productive = false
    if (!matched) {
      matched = collectiveAt(tokens, i)
      productive = Boolean(matched)
    }
    if (!matched || matched.strength === 'honest') {
      i += matched?.length ?? 1
      continue
    }
    const phraseStart = tokens[i].start
    const phraseEnd = tokens[i + matched.length - 1].end
    let j = i + matched.length
    let kind = matched.kind
    let strength = matched.strength
    // "hundreds of millions of dollars", "tens of thousands of families": an order of magnitude.
    if (/^(?:hundreds|tens|dozens) of$/.test(matched.phrase.toLowerCase()) && /^(?:thousands|millions|billions)$/.test(tokens[j]?.lower ?? '')) {
      strength = 'order'
      j++
      if (tokens[j]?.lower === 'of') j++
    }
    if (strength === 'bare' && tokens[j]?.lower === 'of') {
      i = j
      continue
    }
    let end = phraseEnd
    let counts: CountedThing | undefined
    if (currencyAt(tokens[j]) && !/[$£€¥]/.test(tokens[j].text) && kind === 'count') {
      kind = 'money'
      end = tokens[j].end
      j++
    } else if (kind !== 'share') {
      counts = countedThing(tokens, j)
      if (counts) end = counts.end
    } else {
      let k = j
      if (['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(tokens[k]?.lower ?? '')) k++
      counts = countedThing(tokens, k, false)
    }
    if (counts) counts.text = sentenceText(sentence, counts.start, counts.end)
    // A collective read from its class counts only plural nouns ("a raft of measures", not "a pile of rubble").
    if (productive && (kind !== 'count' || !counts?.plural)) {
      i += matched.length
      continue
    }
    // "a lot of money", "a significant amount of cash": a sum.
    if (counts && moneyNouns.has(counts.head ?? '') && kind !== 'money') {
      kind = 'money'
      if (strength === 'weak') strength = 'medium'
    }
    const signals = signalsOf(tokens, i, j, counts, matched.phrase.toLowerCase(), kind, figures)
    if (strength === 'bare' && (signals.payment || tokens[j - 1]?.lower === 'millions' || tokens[j - 1]?.lower === 'billions') && !counts && !signals.casualty) {
      if (signals.payment) kind = 'money'
    }
    found.push({
      start: phraseStart,
      end,
      text: sentenceText(sentence, phraseStart, end),
      phrase: matched.phrase,
      phraseStart,
      phraseEnd,
      kind,
      strength,
      counts,
      signals,
      context: contextWords(tokens, i - 8, (counts ? tokens.findIndex((t) => t.start >= counts!.end) + 1 || tokens.length + 1 : j + 1) + 4, {start: phraseStart, end, countsStart: counts?.start ?? end}),
      sentence,
      zone: sentence.zone,
      quoted: quotedAt(phraseStart)
    })
    i += matched.length
  }
  return found
}

/** "a(n) <up to two modifiers> <collective> of" or "<modifier> <plural collective> of" at token `i`. */
function collectiveAt(tokens: Token[], i: number): {phrase: string; length: number; kind: VagueKind; strength: VagueStrength} | undefined {
  const {collectives, contexts, shareAdjectives} = lex()
  const withArticle = tokens[i].lower === 'a' || tokens[i].lower === 'an'
  const previous = tokens[i - 1]
  if (!withArticle && previous && (isDigits(previous) || numberWordValue(previous.lower) !== undefined)) return undefined
  let k = withArticle ? i + 1 : i
  // The collective comes at most two modifiers on, and "of" right after it: without an "of" there, nothing.
  if (tokens[k + 1]?.lower !== 'of' && tokens[k + 2]?.lower !== 'of' && tokens[k + 3]?.lower !== 'of') return undefined
  const modifiers: string[] = []
  const collectiveAtK = () => {
    const lower = tokens[k]?.lower ?? ''
    if (tokens[k + 1]?.lower !== 'of') return undefined
    if (withArticle) return collectives.has(lower) ? {noun: lower, plural: false} : undefined
    const one = singular(lower)
    return one !== lower && collectives.has(one) ? {noun: one, plural: true} : undefined
  }
  let found = collectiveAtK()
  while (!found && modifiers.length < 2 && isWord(tokens[k]) && !stopWords.has(tokens[k].lower) && numberWordValue(tokens[k].lower) === undefined) {
    modifiers.push(tokens[k].lower)
    k++
    found = collectiveAtK()
  }
  if (!found) return undefined
  let strength = collectives.get(found.noun)!
  const sizes = modifiers.map((m) => shareAdjectives.get(m)).filter(Boolean)
  if (modifiers.some((m) => contexts.get(m) === 'unknown')) strength = 'honest'
  else if (modifiers.some((m) => contexts.get(m) === 'growth')) strength = strength === 'loose' ? 'loose' : 'weak'
  else if ((found.noun === 'number' || found.noun === 'quantity') && sizes.includes('strong')) strength = 'strong'
  else if (found.plural && (found.noun === 'number' || found.noun === 'quantity') && !sizes.length) strength = 'weak'
  const length = k + 2 - i
  return {phrase: tokens.slice(i, i + length).map((t) => t.text).join(' '), length, kind: 'count', strength}
}

/** Words that introduce examples rather than a list ("including", "such as"). */
const exampleWords = new Set(['including', 'such', 'like', 'among', 'especially', 'notably', 'mainly', 'mostly'])
/** What stands between the names of a list. */
const nameJoiners = new Set([',', 'and', '-', '–', '—', 'from', 'in'])

function signalsOf(
  tokens: Token[],
  i: number,
  j: number,
  counts: CountedThing | undefined,
  phrase: string,
  kind: VagueKind,
  figures: Figure[]
): VagueSignals {
  const {cues, idioms, sources, opinionVerbs} = lex()
  const signals: VagueSignals = {
    casualty: false,
    event: false,
    payment: false,
    sameKindFigure: false,
    otherFigure: false,
    idiom: false,
    opinion: false,
    hypothetical: false,
    changeBy: false,
    membership: false,
    enumeration: false
  }
  // The clause around the quantity: up to 6 words back and 5 after what it counts, inside commas.
  const from = Math.max(0, i - 6)
  const countsEnd = counts ? tokens.findIndex((t) => t.start >= counts.end) : j
  const after = countsEnd < 0 ? tokens.length : countsEnd
  const to = Math.min(tokens.length, after + 5)
  for (let k = from; k < to; k++) {
    if (k >= i && k < after) {
      const cue = cues.get(tokens[k].lower)
      if (cue === 'casualty') signals.casualty = true
      if (cue === 'event' && k >= j) signals.event = true
      continue
    }
    const t = tokens[k]
    const cue = cues.get(t.lower)
    if (cue === 'casualty') signals.casualty = true
    else if (cue === 'event') signals.event = true
    else if (cue === 'money' || (cue === 'sum' && kind === 'money')) signals.payment = true
    else if (cue === 'membership') signals.membership = true
    // "In May" is a month, not a modal.
    if (modalWords.has(t.lower) && k < i && t.text !== 'May') signals.hypothetical = true
  }
  if (tokens[i - 1]?.lower === 'by' && tokens.slice(Math.max(0, i - 14), i).some((t) => /^(?:increase|cut|reduc|raise|lower|boost|rise|rose|fell|fall|grow|grew)/.test(t.lower))) signals.changeBy = true
  // Idioms.
  const next = tokens[j]
  const head = counts?.head
  const firstWord = counts ? singular(tokens.find((t) => t.start === counts.start)?.lower ?? '') : ''
  const previous = tokens[i - 1]?.lower
  if (next && (next.lower === 'of' || idioms.has(next.lower))) signals.idiom = true
  if (head && (idioms.has(head) || idioms.has(head + 's'))) signals.idiom = true
  if (firstWord && (idioms.has(firstWord) || idioms.has(firstWord + 's'))) signals.idiom = true
  if (previous && ['how', 'so', 'too', 'as', 'not'].includes(previous)) signals.idiom = true
  if (previous && ['for', 'the', 'of', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'in'].includes(previous) && ['many', 'several', 'few', 'multiple', 'various', 'numerous'].includes(phrase)) signals.idiom = true
  if (!counts && kind === 'count' && !['millions', 'billions', 'thousands', 'hundreds', 'dozens', 'scores'].includes(phrase)) signals.idiom = true
  // Opinion and sourcing.
  if (counts && (sources.has(tokens.find((t) => t.start === counts.start)?.lower ?? '') || sources.has(head ?? '') || sources.has((head ?? '') + 's'))) {
    const window = tokens.slice(Math.max(0, i - 3), Math.min(tokens.length, after + 4)).map((t) => t.lower)
    if (window.some((w) => opinionVerbs.has(w)) || ['citing', 'by', 'quoted', 'according'].includes(previous ?? '')) signals.opinion = true
  }
  const verbAfter = tokens.slice(after, Math.min(tokens.length, after + 3)).map((t) => t.lower)
  if (verbAfter.some((w) => opinionVerbs.has(w))) signals.opinion = true
  if (['citing', 'quoted', 'according'].includes(previous ?? '') || (previous === 'by' && tokens[i - 2]?.lower === 'accused')) signals.opinion = true
  // A list of names after the quantity, not introduced as examples ("including", "such as").
  let names = 0
  for (let k = after; k < Math.min(tokens.length, after + 30); k++) {
    const t = tokens[k]
    if (exampleWords.has(t.lower)) break
    if (isTitlecase(t) && (k === after || nameJoiners.has(tokens[k - 1]?.lower ?? ''))) names++
  }
  if (names >= 3) signals.enumeration = true
  // What is counted, and the words that make a vague count harmless.
  if (counts && kind === 'count') {
    const {contexts} = lex()
    const kindAt = (k: number) => contexts.get(tokens[k]?.lower ?? '')
    const countsFrom = tokens.findIndex((t) => t.start === counts.start)
    signals.countable = Boolean(counts.plural)
    const headRaw = tokens.find((t) => t.end <= counts.end && t.start >= counts.start && singular(t.lower) === head && isPluralNoun(t.text))?.lower
    if (headRaw && contexts.get(headRaw) === 'abstract') signals.abstract = true
    if (headRaw && contexts.get(headRaw) === 'crowd') signals.crowd = true
    if (headRaw && contexts.get(headRaw) === 'distance') signals.distance = true
    const firstLower = tokens[countsFrom]?.lower ?? ''
    signals.speaker = sources.has(firstLower) || sources.has(head ?? '') || sources.has(`${head}s`)
    // Crowd verbs make a crowd of people ("hundreds of fans gathered"), not of things ("gathered signatures").
    const person = counts.classes.length > 0 || signals.speaker || (headRaw !== undefined && (irregularPlurals.has(headRaw) || /(?:ers|ors|ists|ants|ents|ians|ees|fans)$/.test(headRaw)))
    if (person) for (let k = from; k < to; k++) if (kindAt(k) === 'crowd') signals.crowd = true
    for (let k = Math.max(0, i - 5); k < i; k++) {
      if (k >= i - 3 && kindAt(k) === 'deliberation' && (!/^look/.test(tokens[k].lower) || tokens[k + 1]?.lower === 'at')) signals.deliberation = true
      if (kindAt(k) === 'unreal' || kindAt(k) === 'future') signals.unreal = true
    }
    for (let k = countsFrom; k >= 0 && k < after; k++) if (kindAt(k) === 'variety') signals.variety = true
    if (kindAt(j) === 'variety') signals.variety = true
    // "are likely to", "are due to", "is unlikely to" after what is counted.
    for (let k = after; k < Math.min(tokens.length, after + 3); k++) {
      if (kindAt(k) === 'future' || (modalWords.has(tokens[k].lower) && tokens[k].lower !== 'if' && tokens[k].text !== 'May')) signals.unreal = true
    }
    for (let k = Math.max(0, i - 3); k < i; k++) {
      if (tokens[k].lower === 'there' && /^(?:are|were|is|was|be|been|remain|remained|exist)$/.test(tokens[k + 1]?.lower ?? '')) signals.existential = true
    }
    // Millions of anything (viewers, passengers, Americans) are an estimate of a population.
    if (/^(?:millions|billions|tens of millions|hundreds of millions)\b/.test(phrase)) signals.population = true
  }
  // Other figures in the sentence.
  const figureKind = kind === 'money' ? 'money' : kind === 'share' ? 'percent' : 'count'
  for (const figure of figures) {
    if (figure.quoted) continue
    if (figure.counts && (idioms.has(figure.counts.head ?? '') || idioms.has(`${figure.counts.head}s`))) continue
    // Wire copy drops the currency after the first sum: "at 125 mln" beside "200 mln dlrs".
    const bareSum = figure.kind === 'count' && !figure.counts && figure.step >= 1e6
    if (figure.kind === figureKind || (figureKind === 'money' && bareSum)) signals.sameKindFigure = true
    else signals.otherFigure = true
  }
  return signals
}

// ---------------------------------------------------------------------------
// The model

export function buildFigures(article: Article): FigureModel {
  const figures: Figure[] = []
  const vague: VagueQuantity[] = []
  const bySentence = new Map<number, Figure[]>()
  const quotations = article.quotations
  const quotedAt = (offset: number) => quotationAt(quotations, offset) !== undefined
  const {mayHold} = lex()
  for (const sentence of article.sentences) {
    if (!anyFigureMark.test(sentence.text) && !mayHold.test(sentence.text)) continue
    const tokens = tokenize(sentence.text, sentence.start)
    // Words of the dateline ("WASHINGTON, March 31 -") are not the sentence's.
    const dateline = article.dateline
    let usable = tokens
    if (dateline && sentence.start < dateline.end && sentence.end > dateline.start) {
      usable = tokens.filter((t) => t.start >= dateline.end || t.end <= dateline.start)
      usable.forEach((t, k) => (t.index = k))
    }
    const own = figuresOfSentence(sentence, usable, quotedAt)
    figures.push(...own)
    bySentence.set(sentence.index, own)
    vague.push(...vagueOfSentence(sentence, usable, own, quotedAt))
  }
  return {figures, vague, figuresIn: (sentence) => bySentence.get(sentence.index) ?? []}
}

// ---------------------------------------------------------------------------
// Comparing figures

/** The values a figure allows, given its approximation and the precision it is written to. */
export function rangeOf(figure: Pick<Figure, 'low' | 'high' | 'step' | 'approximation'>): [number, number] {
  const half = figure.step / 2
  switch (figure.approximation) {
    case 'about': {
      const slack = Math.max(half, figure.high * 0.1)
      return [figure.low - slack, figure.high + slack]
    }
    case 'over':
      return [figure.low, Infinity]
    case 'at-least':
      return [figure.low, Infinity]
    case 'under':
      return [0, figure.high]
    case 'up-to':
      return [0, figure.high]
    case 'nearly':
      return [figure.high * 0.85, figure.high]
    default:
      return [figure.low - half, figure.high + half]
  }
}

/** Can both figures be true of the same quantity? Honours approximations and rounding. */
export function figuresAgree(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || (a.kind === 'money' && a.unit !== b.unit)) return true
  const [aLow, aHigh] = rangeOf(a)
  const [bLow, bHigh] = rangeOf(b)
  const epsilon = 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value))
  return aLow < bHigh - epsilon && bLow < aHigh - epsilon
}

/** Do two counted things look like the same thing? 0 (no) to 1 (same words). */
export function sameThing(a: CountedThing | undefined, b: CountedThing | undefined): number {
  if (!a || !b) return 0
  const generic = new Set(['person', 'member', 'group', 'number', 'total', 'share', 'other', 'more'])
  const aWords = a.words.filter((w) => !generic.has(w))
  const bWords = new Set(b.words.filter((w) => !generic.has(w)))
  const shared = aWords.filter((w) => bWords.has(w)).length
  const headMatch = a.head && b.head && a.head === b.head ? 1 : 0
  const classMatch = a.classes.some((c) => b.classes.includes(c)) ? 1 : 0
  const aOnly = aWords.filter((w) => !bWords.has(w)).length
  const bOnly = [...bWords].filter((w) => !aWords.includes(w)).length
  // "pending enforcement actions" and "litigation actions": the same head, different things.
  if (headMatch && aOnly && bOnly && shared <= 1) return 0.5
  if (headMatch && (shared >= 1 || a.words.length === 1 || b.words.length === 1)) return 1
  if (classMatch && shared >= 1) return 0.9
  if (headMatch) return 0.8
  if (classMatch) return 0.6
  if (shared >= 2) return 0.6
  return 0
}

/** How a figure reads in a message: "1,905", "$5bn", "2.5 pct". */
export function formatValue(figure: Figure): string {
  return figure.text
}
