/**
 * Claim detection: which sentences assert something a reader needs a source
 * for, as opposed to the reporter's own description of events.
 *
 * Kinds, with the cue that shows them (lexicon `claim-cues.tsv`):
 * - `causal`: explanation stated as fact ("was precipitated by", "led to",
 *   "the main factor"),
 * - `evaluation`: analysis or judgement stated as fact ("underscores",
 *   "reflects", "represents a monumental shift", "probably the largest",
 *   "are weakened and divided": lexicon `claim-appraisal.txt`),
 * - `generalisation`: what a group thinks or feels ("many Syrians remain
 *   wary", "most voters fear"),
 * - `prediction`: what will or may happen ("is likely to", "might", "is
 *   shaping up to be"),
 * - `agentless`: a judgement with its holder left out ("has been framed as",
 *   "raises concerns").
 *
 * Works per sentence on its words outside quotation marks. Knows nothing of
 * attribution or messages: the rule combines them.
 */
import type {Sentence, TextSpan, Word} from '../article/types.js'
import {keysOf, loadTable, loadWordList} from './lexicon.js'
import {upperInitial} from './grammar.js'

export type ClaimKind = 'causal' | 'evaluation' | 'generalisation' | 'prediction' | 'agentless'

export interface ClaimCue {
  kind: ClaimKind
  /** The words that show the claim. */
  cue: TextSpan
  /** 0..1: how surely this wording makes a claim that needs a source. */
  weight: number
}

interface CuePattern {
  words: string[]
  kind: ClaimKind
  weight: number
  /** Per word: the stem a `*` pattern starts with, or undefined for an exact word. */
  stems?: (string | undefined)[]
}

export interface ClaimOptions {
  /** More cues: `phrase` (as `evaluation`, 0.7) or `phrase<TAB>kind<TAB>weight`. */
  extraCues?: string[]
}

const quantifiers = new Set(['many', 'most', 'few', 'some', 'numerous'])
const mindVerbs = new Set([
  'remain', 'remains', 'fear', 'fears', 'feel', 'feels', 'believe', 'believes', 'think', 'thinks', 'worry', 'worries', 'distrust',
  'distrusts', 'resent', 'resents', 'oppose', 'opposes', 'welcome', 'welcomes', 'support', 'supports', 'want', 'wants', 'doubt', 'doubts',
  'see', 'sees', 'view', 'views', 'regard', 'regards', 'suspect', 'suspects', 'blame', 'blames', 'expect', 'expects', 'hope', 'hopes'
])
const groupWords = new Set(['people', 'residents', 'citizens', 'voters', 'observers', 'analysts', 'experts', 'critics', 'fans', 'investors', 'consumers', 'users', 'workers', 'businesses', 'families', 'parents', 'students', 'viewers', 'readers', 'locals', 'members', 'officials', 'shoppers', 'taxpayers', 'motorists', 'patients', 'savers', 'homeowners', 'buyers', 'employers', 'farmers', 'producers', 'exporters', 'importers', 'traders', 'teenagers', 'fans', 'audiences', 'gamers'])

const rankers = new Set(['main', 'major', 'key', 'chief', 'principal', 'primary', 'biggest', 'single', 'leading', 'decisive', 'underlying', 'root'])
const singleRankers = new Set(['main', 'chief', 'principal', 'primary', 'single', 'root'])
const causeNouns = new Set(['factor', 'factors', 'reason', 'reasons', 'cause', 'causes', 'driver', 'drivers', 'culprit'])
const hedges = new Set(['probably', 'arguably', 'possibly', 'perhaps', 'undoubtedly', 'easily'])
const notSuperlatives = new Set(['best', 'interest', 'west', 'test', 'rest', 'request', 'protest', 'contest', 'quest', 'guest', 'nest', 'chest', 'forest', 'harvest', 'honest', 'modest', 'earnest', 'suggest', 'invest', 'digest', 'arrest', 'manifest', 'midwest', 'northwest', 'southwest'])

function isSuperlative(word: string): boolean {
  return word === 'best' || word === 'worst' || (word.length > 5 && word.endsWith('est') && !notSuperlatives.has(word))
}

const beForms = new Set(['was', 'were', 'is', 'are', 'been', 'be'])
const copulas = new Set(['is', 'are', 'was', 'were', 'remain', 'remains', 'remained', 'seems', 'seem', 'appears', 'appear', 'looks', 'look', 'became', 'become', 'becomes'])
const intensifiers = new Set(['now', 'still', 'deeply', 'increasingly', 'badly', 'seriously', 'hopelessly', 'utterly', 'bitterly', 'very', 'too', 'so', 'largely', 'fundamentally', 'clearly', 'also', 'more', 'ever'])

const modals = new Set(['would', 'will', 'might', 'could', 'may'])

let baseIndex: Map<string, CuePattern[]> | undefined

function buildIndex(patterns: CuePattern[]): Map<string, CuePattern[]> {
  const index = new Map<string, CuePattern[]>()
  for (const pattern of patterns) {
    const first = pattern.words[0].replace(/\*$/, '')
    const key = pattern.words[0].endsWith('*') ? `*${first.slice(0, 3)}` : first
    const list = index.get(key) ?? []
    list.push(pattern)
    index.set(key, list)
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length)
  return index
}

function parsePattern(phrase: string, values: string[]): CuePattern {
  return {
    words: phrase.split(/\s+/).filter(Boolean),
    kind: (values[0] as ClaimKind) || 'evaluation',
    weight: values[1] ? Number(values[1]) : 0.7
  }
}

function cueIndex(options: ClaimOptions): Map<string, CuePattern[]> {
  if (!baseIndex) baseIndex = buildIndex([...loadTable('claim-cues.tsv')].map(([phrase, values]) => parsePattern(phrase, values)))
  if (!options.extraCues?.length) return baseIndex
  const key = JSON.stringify(options.extraCues)
  const known = extraIndexes.get(key)
  if (known) return known
  const extra = options.extraCues.map((line) => {
    const [phrase, ...values] = line.split('\t')
    return parsePattern(phrase.toLowerCase().trim(), values)
  })
  const all: CuePattern[] = []
  for (const list of baseIndex.values()) all.push(...list)
  const built = buildIndex([...all, ...extra])
  if (extraIndexes.size > 100) extraIndexes.clear()
  extraIndexes.set(key, built)
  return built
}

function stemsOf(pattern: CuePattern): (string | undefined)[] {
  return (pattern.stems ??= pattern.words.map((w) => (w.endsWith('*') ? w.slice(0, -1) : undefined)))
}

/**
 * The patterns to try at a word: those indexed by the word itself, then those
 * indexed by its first three letters (`*abc`), in that order; memoised per
 * word form.
 */
const noPatterns: CuePattern[] = []
/** Words (besides cue patterns) some check of `claimCues` can start at. */
const wordTriggers = new Set([...rankers, ...hedges, ...copulas, ...groupWords, ...quantifiers])

/** What the scans of a sentence can start at a word form; only words of the lexicons have an entry. */
interface Trigger {
  /** `index.get(word)`. */
  exact: CuePattern[] | undefined
  /** The loop of `claimCues` has something to do at it (besides `*` patterns). */
  claim: boolean
  /** `classCues` has something to do at it. */
  classed: boolean
}

interface Triggers {
  words: Map<string, Trigger>
  /** An index's `*abc` entries by their three letters (`index.get('*' + x)` is `prefixes.get(x)`). */
  prefixes: Map<string, CuePattern[]>
  /** First letters (char codes) of the prefixes; undefined when an empty prefix matches any word. */
  prefixStarts: Set<number> | undefined
  /** The three-letter ASCII prefixes by a number (`prefixCode`): looked up without a new string. */
  prefixesByCode: Map<number, CuePattern[]>
}

/** A number for a word's first three letters when they are ASCII, else -1. */
function prefixCode(word: string): number {
  if (word.length < 3) return -1
  const a = word.charCodeAt(0)
  const b = word.charCodeAt(1)
  const c = word.charCodeAt(2)
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1
}

const triggerSets = new WeakMap<Map<string, CuePattern[]>, Triggers>()

function triggersOf(index: Map<string, CuePattern[]>): Triggers {
  let triggers = triggerSets.get(index)
  if (triggers) return triggers
  const prefixes = new Map<string, CuePattern[]>()
  for (const [key, list] of index) {
    for (const pattern of list) stemsOf(pattern)
    if (key.startsWith('*')) prefixes.set(key.slice(1), list)
  }
  let prefixStarts: Set<number> | undefined = new Set()
  for (const key of prefixes.keys()) {
    if (!key.length) prefixStarts = undefined
    else prefixStarts?.add(key.charCodeAt(0))
  }
  const table = (classTable ??= loadTable('claim-classes.tsv'))
  const classed = new Set([...table.keys(), 'will', 'going', 'no', ...universals, ...moodCopulas, ...normCopulas, ...verdictVerbs])
  const words = new Map<string, Trigger>()
  for (const form of [...index.keys(), ...wordTriggers, ...classed]) {
    if (words.has(form)) continue
    const exact = index.get(form)
    words.set(form, {exact, claim: exact !== undefined || wordTriggers.has(form), classed: classed.has(form)})
  }
  const prefixesByCode = new Map<number, CuePattern[]>()
  for (const [key, list] of prefixes) if (prefixCode(key) >= 0 && key.length === 3) prefixesByCode.set(prefixCode(key), list)
  triggers = {words, prefixes, prefixStarts, prefixesByCode}
  triggerSets.set(index, triggers)
  return triggers
}

/** Cue indexes with extra cues, by their lines. */
const extraIndexes = new Map<string, Map<string, CuePattern[]>>()

let appraisalList: Set<string> | undefined
let classTable: Map<string, string[]> | undefined
let sourceList: Set<string> | undefined
let groupList: Set<string> | undefined


/** Every claim cue of a sentence (outside quotation marks), strongest first. */
export function claimCues(sentence: Sentence, text: string, options: ClaimOptions = {}): ClaimCue[] {
  const index = cueIndex(options)
  const {words: triggers, prefixes, prefixStarts, prefixesByCode} = triggersOf(index)
  const words = sentence.words
  // One look-up a word: where (outside quotations) the scans below can start anything.
  const claimAt: number[] = []
  const prefixedAt: (CuePattern[] | undefined)[] = []
  const exactAt: (CuePattern[] | undefined)[] = []
  const classAt: number[] = []
  const keys = keysOf(triggers)
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    if (word.quoted) continue
    const lower = word.lower
    const trigger = keys.mayHave(lower) ? triggers.get(lower) : undefined
    const code = prefixCode(lower)
    const prefixed =
      prefixes.size && (prefixStarts === undefined || prefixStarts.has(lower.charCodeAt(0)))
        ? code >= 0
          ? prefixesByCode.get(code)
          : prefixes.get(lower.slice(0, 3))
        : undefined
    if (prefixed || trigger?.claim) {
      claimAt.push(i)
      exactAt.push(trigger?.exact)
      prefixedAt.push(prefixed)
    }
    if (trigger?.classed) classAt.push(i)
  }
  const found: ClaimCue[] = []
  for (let n = 0; n < claimAt.length; n++) {
    const i = claimAt[n]
    const word = words[i]
    const exact = exactAt[n]
    const prefixed = prefixedAt[n]
    const candidates = exact && prefixed ? [...exact, ...prefixed] : exact ?? prefixed ?? noPatterns
    for (const pattern of candidates) {
      if (i + pattern.words.length > words.length) continue
      const stems = pattern.stems!
      let ok = true
      for (let k = 0; k < pattern.words.length; k++) {
        const w = words[i + k]
        const stem = stems[k]
        if (w.quoted || !(stem === undefined ? w.lower === pattern.words[k] : w.lower.startsWith(stem))) {
          ok = false
          break
        }
      }
      if (!ok) continue
      const last = words[i + pattern.words.length - 1]
      let weight = pattern.weight
      // A passive cause with its verb ("was driven by", "were caused by") states the cause outright.
      if (pattern.kind === 'causal' && pattern.words[pattern.words.length - 1] === 'by' && beForms.has(words[i - 1]?.lower ?? '')) weight = Math.max(weight, 0.8)
      found.push({kind: pattern.kind, weight, cue: {start: word.start, end: last.end, text: text.slice(word.start, last.end)}})
      break
    }
    // A cause singled out: "the main factor", "a key reason", "the biggest driver".
    if (rankers.has(word.lower) && causeNouns.has(words[i + 1]?.lower ?? '') && !words[i + 1].quoted) {
      // "The main factor" names the explanation; "a key cause" offers one of several.
      const definite = words[i - 1]?.lower === 'the' || singleRankers.has(word.lower)
      found.push({kind: 'causal', weight: definite ? 0.8 : 0.7, cue: {start: word.start, end: words[i + 1].end, text: text.slice(word.start, words[i + 1].end)}})
    }
    // A hedged or absolute superlative: "probably the largest", "arguably the best", "the biggest … ever".
    if (hedges.has(word.lower)) {
      let k = i + 1
      if (words[k]?.lower === 'the') k++
      const target = words[k]
      if (target && !target.quoted && (isSuperlative(target.lower) || target.lower === 'most')) {
        found.push({kind: 'evaluation', weight: 0.85, cue: {start: word.start, end: target.end, text: text.slice(word.start, target.end)}})
      }
    }
    // An assessment after a copula: "the armed forces are weakened and divided", "the truce remains fragile".
    if (copulas.has(word.lower)) {
      let k = i + 1
      while (k < words.length && k - i <= 3 && intensifiers.has(words[k].lower)) k++
      const adjective = words[k]
      const appraisal = (appraisalList ??= loadWordList('claim-appraisal.txt'))
      if (adjective && !adjective.quoted && appraisal.has(adjective.lower)) {
        const also = words[k + 1]?.lower === 'and' && appraisal.has(words[k + 2]?.lower ?? '')
        const last = also ? words[k + 2] : adjective
        found.push({kind: 'evaluation', weight: also ? 0.75 : 0.55, cue: {start: word.start, end: last.end, text: text.slice(word.start, last.end)}})
      }
    }
    // A group's future behaviour: "British voters would reject …", "consumers will shun …".
    if (groupWords.has(word.lower) && modals.has(words[i + 1]?.lower ?? '') && !words[i + 1].quoted) {
      const before = words[i - 1]
      if (before && (upperInitial(before.text) || quantifiers.has(before.lower))) {
        const from = before
        found.push({kind: 'generalisation', weight: 0.75, cue: {start: from.start, end: words[i + 1].end, text: text.slice(from.start, words[i + 1].end)}})
      }
    }
    // Generalisation: "many Syrians remain …", "most voters fear …".
    if (quantifiers.has(word.lower) && word.lower !== 'some') {
      for (let k = i + 1; k < Math.min(words.length, i + 4); k++) {
        const w = words[k]
        if (w.quoted) break
        if (mindVerbs.has(w.lower)) {
          const group = words.slice(i + 1, k)
          const isGroup = group.length > 0 && group.every((g) => upperInitial(g.text) || groupWords.has(g.lower) || /[^s]s$/.test(g.lower))
          if (isGroup) found.push({kind: 'generalisation', weight: 0.8, cue: {start: word.start, end: w.end, text: text.slice(word.start, w.end)}})
          break
        }
      }
    }
  }
  found.push(...classCues(words, text, classAt))
  return found.sort((a, b) => b.weight - a.weight)
}

const numberWords = new Set([
  'percent', 'per', 'pct', 'million', 'billion', 'trillion', 'thousand', 'thousands', 'hundred', 'hundreds', 'dozen', 'dozens',
  'half', 'third', 'quarter', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twice', 'double', 'majority', 'minority'
])
const eventCues = new Set(['said', 'told', 'says', 'announced', 'reported', 'wrote', 'signed', 'voted', 'approved', 'agreed', 'met', 'resigned', 'ordered', 'filed', 'paid', 'sold', 'bought'])

/**
 * Does the sentence, from `from` on, state a checkable fact (a figure, or an
 * event such as who told whom what) rather than an opinion? A weasel source
 * for a fact ("Some say 20 percent approved") is a sourcing failure; one for
 * an opinion ("Critics say it is racist") is the usual way to frame a view.
 */
export function statesCheckableFact(sentence: Sentence, from: number): boolean {
  let seen = 0
  const words = sentence.words
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    if (word.start < from || word.quoted) continue
    // The content ends where another source takes over ("…, but advocates say …").
    const gap = i > 0 ? sentence.text.slice(words[i - 1].end - sentence.start, word.start - sentence.start) : ''
    if (seen++ > 0 && (word.lower === 'but' || word.lower === 'while' || word.lower === 'whereas') && gap.includes(',')) break
    if (/\d/.test(word.text) || numberWords.has(word.lower) || eventCues.has(word.lower)) return true
  }
  return false
}

const subjectFillers = new Set(['has', 'have', 'had', 'also', 'clearly', 'only', 'further', 'now', 'already', 'simply', 'effectively', 'thus', 'therefore', 'again', 'merely', 'surely', 'certainly', 'arguably', 'largely', 'partly', 'mainly', 'itself', 'themselves'])
const subjectPrepositions = new Set(['of', 'from', 'in', 'at', 'on', 'for', 'with', 'by', 'about', 'over', 'among', 'across', 'into', 'under', 'behind'])
const subjectStops = new Set(['and', 'but', 'that', 'as', 'because', 'while', 'when', 'if', 'although', 'though', 'whereas', 'since', 'so', 'or', 'after', 'before', 'who', 'whom', 'until', 'unless', 'once', 'where', 'than', 'whether', 'till'])
const personalPronouns = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it'])
const complementStarts = new Set(['that', 'how', 'why', 'what', 'whether', 'the', 'a', 'an', 'just', 'again', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'once', 'no', 'little', 'both', 'yet', 'once', 'how', 'where', 'who', 'all', 'more', 'some', 'deep', 'growing', 'serious', 'real'])
const futureFillers = new Set(['soon', 'inevitably', 'only', 'surely', 'eventually', 'never', 'also', 'further', 'quickly', 'certainly', 'not', 'increasingly', 'gradually', 'ultimately', 'still', 'simply', 'likely', 'probably', 'undoubtedly', 'almost', 'effectively', 'permanently', 'fundamentally', 'dramatically'])
const strongFuture = new Set(['soon', 'inevitably', 'surely', 'eventually', 'never', 'ultimately', 'certainly', 'undoubtedly', 'permanently', 'fundamentally', 'dramatically'])
const normCopulas = new Set(['is', 'are', 'was', 'were', 'become', 'becomes', 'became', 'becoming', 'remain', 'remains', "'s", '’s'])
const normFillers = new Set(['now', 'increasingly', 'firmly', 'already', 'fast', 'quickly', 'still', 'simply', 'very', 'effectively', 'the', 'a', 'an', 'new', 'accepted', 'established', 'widely', 'almost', 'largely', 'clearly', 'surely', 'truly', 'all', 'but', 'part', 'of'])
const normNext = new Set(['of', 'for', 'in', 'and', 'now', 'since', 'across', 'among', 'at', 'to', 'rather', 'not', 'on'])
const ordinals = /^(first|second|third|fourth|fifth|last|latest|\d+(st|nd|rd|th)|anniversary)$/
const activeObjects = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'up', 'down', 'higher', 'lower', 'much', 'most', 'some', 'many', 'demand', 'prices', 'growth', 'sales', 'inflation'])
const moodCopulas = new Set(['is', 'are', 'was', 'were', 'remain', 'remains', 'remained', 'feel', 'feels', 'seem', 'seems', 'appear', 'appears', 'grow', 'grows', 'become', 'becomes'])
const scheduleWords = new Set(['on', 'at', 'from', 'next', 'this', 'until', 'by', 'after', 'before', 'tomorrow', 'today', 'tonight', 'later', 'in', 'during', 'over'])
const verdictVerbs = new Set(['marks', 'marked', 'represents', 'represented', 'proved', 'proves', 'constitutes'])
const universals = new Set(['everyone', 'everybody', 'nobody', 'noone'])
const universalMinds = new Set(['knows', 'agrees', 'believes', 'thinks', 'expects', 'wants', 'doubts', 'accepts', 'likes', 'trusts', 'cares', 'remembers', 'feels'])
const boundaryRe = /[,;:()\[\]"“”—–]/
const passiveBe = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be'])

/**
 * Claims found by word class (lexicon `claim-classes.tsv`) rather than by
 * phrase: a conclusion drawn from an abstract subject ("the closure exposes
 * how fragile …"), a cause assigned by an active or passive causal verb
 * ("speculation fuelled the surge", "was sparked by"), a confident forecast
 * ("will transform", "will soon be forced to", "will keep rising", "will hand
 * the party a lasting edge"), a settled state asserted ("are the future of",
 * "has become the norm") and a feeling given to a community ("has given the
 * town a confidence").
 */
function classCues(words: Word[], text: string, at: number[]): ClaimCue[] {
  const table = (classTable ??= loadTable('claim-classes.tsv'))
  const sources = (sourceList ??= loadWordList('attribution-sources.txt'))
  const classOf = (w: Word | undefined) => (w && !w.quoted ? table.get(w.lower)?.[0] : undefined)
  const weightOf = (w: Word) => Number(table.get(w.lower)?.[1] ?? 0.65)
  const cue = (kind: ClaimKind, weight: number, from: Word, to: Word): ClaimCue => ({kind, weight, cue: {start: from.start, end: to.end, text: text.slice(from.start, to.end)}})
  const boundary = (a: Word, b: Word) => {
    // Nothing or a single space between them: no boundary.
    if (b.start <= a.end || (b.start === a.end + 1 && text.charCodeAt(a.end) === 32)) return false
    return boundaryRe.test(text.slice(a.end, b.start))
  }
  // The subject before a verb, if it is abstract: not a person, a pronoun, a name, a source or a record ("the footage shows").
  const abstractSubject = (at: number): boolean => {
    let end = at
    while (end > 0 && subjectFillers.has(words[end - 1].lower)) end--
    let start = end
    while (start > 0 && end - start < 8 && !boundary(words[start - 1], words[start]) && !subjectStops.has(words[start - 1].lower)) start--
    if (end === start) return false
    const subject = words.slice(start, end)
    // "…, which shows how …": the clause before is the subject, and it is an event.
    if (subject[0].lower === 'which') return subject.length === 1
    // The head stands before any prepositional phrase ("footage from the opening shows").
    const of = subject.findIndex((w, n) => n > 0 && subjectPrepositions.has(w.lower))
    const head = subject[(of > 0 ? of : subject.length) - 1]
    if (subject.some((w) => w.quoted)) return false
    if (personalPronouns.has(head.lower) || sources.has(head.lower.replace(/['’]s$/, '')) || classOf(head) === 'record') return false
    if (head.index > 0 && upperInitial(head.text)) return false
    if (subject[subject.length - 1].index > 0 && upperInitial(subject[subject.length - 1].text)) return false
    // A single capitalised word opening the sentence is a name ("Smith drove …") unless it looks abstract ("Speculation fuelled …").
    if (subject.length === 1 && upperInitial(head.text) && !/(tion|sion|ism|ity|ness|ment|ance|ence|ing|ure|age|cy)$/.test(head.lower)) return false
    if (head.lower.length >= 6 && /(ists|ysts|ians|ers|ors|ants|ees|men|people)$/.test(head.lower)) return false
    return true
  }
  // The subject before a verb, if it is a whole group or community: "parents of pupils", "the town", "many shoppers".
  const groupSubject = (at: number): boolean => {
    let start = at
    while (start > 0 && at - start < 6 && !boundary(words[start - 1], words[start]) && !subjectStops.has(words[start - 1].lower)) start--
    const subject = words.slice(start, at)
    if (!subject.length || subject.some((w, n) => (n > 0 || w.index > 0) && upperInitial(w.text))) return false
    const of = subject.findIndex((w, n) => n > 0 && subjectPrepositions.has(w.lower))
    const head = subject[(of > 0 ? of : subject.length) - 1].lower
    const groups = (groupList ??= loadWordList('weasel-groups.txt'))
    if (groups.has(`!${head}`)) return false
    return classOf(subject[(of > 0 ? of : subject.length) - 1]) === 'collective' || groups.has(head) || (head.length >= 6 && /(ists|ysts|ians|ers|ors|ants|ees|men)$/.test(head))
  }
  const out: ClaimCue[] = []
  // Only the trigger words (outside quotations) can start anything below.
  for (const i of at) {
    const word = words[i]
    const kind = classOf(word)
    const next = words[i + 1]
    // A forecast: "will transform", "will soon be forced to", "will keep rising", "will hand the party an edge".
    if (word.lower === 'will' || (word.lower === 'going' && next?.lower === 'to' && passiveBe.has(words[i - 1]?.lower ?? ''))) {
      let k = word.lower === 'will' ? i + 1 : i + 2
      let strong = false
      while (k < words.length && k - i <= 4 && futureFillers.has(words[k].lower)) strong ||= strongFuture.has(words[k++].lower)
      let passive = false
      if (words[k]?.lower === 'be') {
        passive = true
        k++
        while (k < words.length && k - i <= 5 && futureFillers.has(words[k].lower)) strong ||= strongFuture.has(words[k++].lower)
      }
      const verb = words[k]
      const verbClass = classOf(verb)
      if (!verb || words.slice(i, k + 1).some((w) => w.quoted)) continue
      let weight = 0
      if (passive) {
        if (verbClass === 'outcome-passive' || (verbClass === 'outcome' && /ed$|^hit$/.test(verb.lower))) weight = weightOf(verb)
      } else if (verbClass === 'outcome') {
        // "will keep rising", "will continue to grow": not "will continue on Monday", "will keep its doors open".
        if (['keep', 'continue'].includes(verb.lower) && !(words[k + 1]?.lower === 'to' || /ing$/.test(words[k + 1]?.lower ?? ''))) continue
        // "the clocks will change on Sunday", "restrictions will ease from May": a timetable, not a forecast.
        if (scheduleWords.has(words[k + 1]?.lower ?? '')) continue
        weight = weightOf(verb)
      } else if (verbClass === 'outcome-to') {
        if (words[k + 1]?.lower === 'to') weight = weightOf(verb)
      } else if (verbClass === 'outcome-state') {
        // "will make it harder to …", "will leave hundreds homeless": not "will make a decision", "will leave on Monday".
        if (words.slice(k + 1, k + 4).some((w) => classOf(w) === 'state')) weight = weightOf(verb)
      } else if (verbClass === 'outcome-object' || verbClass === 'lift') {
        // "will hand the Alliance a lasting advantage", "will give the group a decisive edge": not "will give a speech".
        const object = words.slice(k + 1, k + 7)
        if (object.some((w) => classOf(w) === 'advantage' || w.lower === 'boost') && !object.some((w, n) => n > 0 && boundary(object[n - 1], w))) weight = verbClass === 'lift' ? 0.7 : weightOf(verb)
      }
      if (weight) out.push(cue('prediction', Math.min(0.85, weight + (strong ? 0.1 : 0)), word, verb))
      continue
    }
    // A conclusion: "the closure shows how …", "the ruling exposes the weakness of …", "has laid bare".
    if (kind === 'evaluative' && next && !next.quoted && (i === 0 || !['the', 'a', 'an', 'its', 'their', 'his', 'her', 'high', 'top', 'low'].includes(words[i - 1].lower))) {
      if (word.lower === 'laid' || word.lower === 'lays') {
        if (next.lower === 'bare' && abstractSubject(i)) out.push(cue('evaluation', weightOf(word), word, next))
        continue
      }
      if (!complementStarts.has(next.lower) || boundary(word, next)) continue
      if (/^mark/.test(word.lower) && words.slice(i + 1, i + 4).some((w) => ordinals.test(w.lower))) continue
      if (!abstractSubject(i)) continue
      // A medium verb in the past ("the test showed") often reports a finding, and before a plain noun phrase
      // ("the exhibition shows the life of …") it often describes: weaker, unless a conclusion follows ("shows how").
      const concluding = ['that', 'how', 'why', 'what', 'whether', 'just'].includes(next.lower)
      const weight = weightOf(word) - (weightOf(word) < 0.7 && (/ed$/.test(word.lower) || !concluding) ? 0.1 : 0)
      out.push(cue('evaluation', weight, word, next))
      continue
    }
    if (kind === 'causal') {
      // Passive: "was sparked by", "were largely driven by".
      let b = i - 1
      while (b > 0 && /ly$/.test(words[b].lower)) b--
      // (Not after a modal: "will be driven by" forecasts, and a forecast has its own cues.)
      if (next?.lower === 'by' && (/ed$/.test(word.lower) || word.lower === 'driven') && b >= 0 && b < i && passiveBe.has(words[b].lower) && words[b].lower !== 'be') {
        out.push(cue('causal', 0.8, word, next))
        continue
      }
      // Active, from an abstract subject: "speculation fuelled the surge", "lower costs drove profit higher".
      if (!next || boundary(word, next) || next.quoted) continue
      if (word.lower.startsWith('weigh') && next.lower !== 'on') continue
      if (word.lower.startsWith('drag') && !words.slice(i + 1, i + 4).some((w) => w.lower === 'down')) continue
      if (['by', 'to', 'in', 'on', 'at', 'for', 'from', 'with', 'as', 'and', 'or'].includes(next.lower) && !word.lower.startsWith('weigh')) continue
      // "drives", "sparks", "causes" are nouns too ("hard drives providing"): the present form needs an object it plainly governs.
      if (/s$/.test(word.lower) && !activeObjects.has(next.lower)) continue
      if (abstractSubject(i)) out.push(cue('causal', weightOf(word), word, next))
      continue
    }
    // The writer's comment on what follows: "Worryingly, …", "But tellingly, …".
    if (kind === 'comment' && next && boundary(word, next) && (i === 0 || (i === 1 && ['but', 'and', 'yet', 'so'].includes(words[0].lower)))) {
      out.push(cue('evaluation', weightOf(word), word, word))
      continue
    }
    // A universal claim about minds: "everyone in the valley knows …", "nobody believes …".
    if (universals.has(word.lower) || (word.lower === 'no' && next?.lower === 'one')) {
      for (let k = i + (word.lower === 'no' ? 2 : 1); k < Math.min(words.length, i + 6); k++) {
        if (words[k].quoted || boundary(words[k - 1], words[k])) break
        if (universalMinds.has(words[k].lower)) {
          out.push(cue('generalisation', 0.7, word, words[k]))
          break
        }
      }
    }
    // A community's mood stated as fact: "parents are anxious about …", "the town is proud of …".
    if (moodCopulas.has(word.lower)) {
      let k = i + 1
      while (k < words.length && k - i <= 3 && intensifiers.has(words[k].lower)) k++
      if (classOf(words[k]) === 'mood' && !words.slice(i, k + 1).some((w) => w.quoted) && groupSubject(i)) {
        out.push(cue('generalisation', 0.7, word, words[k]))
        continue
      }
    }
    // A cause named after a copula: "the shortage is a direct consequence of …", "was the product of years of …";
    // a verdict: "the ruling is a major blow to …", "marks a setback for …".
    if ((normCopulas.has(word.lower) || verdictVerbs.has(word.lower)) && ['a', 'an', 'the'].includes(next?.lower ?? '')) {
      let k = i + 2
      const verdict = (w: Word | undefined) => classOf(w) === 'verdict' || w?.lower === 'boost'
      while (k < words.length && k - i <= 4 && classOf(words[k]) !== 'result' && !verdict(words[k]) && !boundary(words[k - 1], words[k]) && /^[a-z-]+$/.test(words[k].text)) k++
      const noun = words[k]
      const quoted = words.slice(i, k + 2).some((w) => w.quoted)
      if (!quoted && classOf(noun) === 'result' && words[k + 1]?.lower === 'of' && normCopulas.has(word.lower)) {
        out.push(cue('causal', 0.7, word, words[k + 1]))
        continue
      }
      if (!quoted && verdict(noun) && next?.lower !== 'the' && ['for', 'to', 'in', 'against'].includes(words[k + 1]?.lower ?? '')) {
        out.push(cue('evaluation', 0.7, word, noun))
        continue
      }
    }
    // A settled state: "are the future of …", "has become the norm", "are a thing of the past".
    if (normCopulas.has(word.lower)) {
      let k = i + 1
      while (k < words.length && k - i <= 4 && normFillers.has(words[k].lower)) k++
      const noun = words[k]
      if (!noun || classOf(noun) !== 'norm' || words.slice(i, k + 1).some((w) => w.quoted)) continue
      const after = words[k + 1]
      if (after && !normNext.has(after.lower) && !boundary(noun, after)) continue
      if (noun.lower === 'thing' && !(after?.lower === 'of' && words[k + 3]?.lower === 'past')) continue
      if (['answer', 'solution', 'key'].includes(noun.lower) && after?.lower !== 'to') continue
      // "was routine" describes; "has become routine", "is now the norm" asserts a change.
      const settled = /^becom|^became/.test(word.lower) || words.slice(i + 1, k).some((w) => ['now', 'increasingly', 'firmly', 'already', 'fast'].includes(w.lower))
      if (!settled && !['future', 'answer', 'solution', 'key', 'backbone', 'lifeblood', 'thing', 'inevitable'].includes(noun.lower)) continue
      out.push(cue('evaluation', weightOf(noun), word, noun))
      continue
    }
    // A feeling given to a community: "has given the town a confidence", "restored a sense of pride".
    if (kind === 'lift' || kind === 'causal' || kind === 'outcome') {
      for (let k = i + 1; k < Math.min(words.length, i + 7); k++) {
        if (boundary(words[k - 1], words[k]) || words[k].quoted) break
        if (classOf(words[k]) === 'feeling' && !(words[k - 2]?.lower === 'vote' && words[k - 1].lower === 'of')) {
          out.push(cue('generalisation', 0.65, word, words[k]))
          break
        }
      }
    }
  }
  return out
}
