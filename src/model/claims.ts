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
import {loadTable, loadWordList} from './lexicon.js'

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
  const extra = options.extraCues.map((line) => {
    const [phrase, ...values] = line.split('\t')
    return parsePattern(phrase.toLowerCase().trim(), values)
  })
  const all: CuePattern[] = []
  for (const list of baseIndex.values()) all.push(...list)
  return buildIndex([...all, ...extra])
}

function matches(word: Word, pattern: string): boolean {
  return pattern.endsWith('*') ? word.lower.startsWith(pattern.slice(0, -1)) : word.lower === pattern
}

/** Every claim cue of a sentence (outside quotation marks), strongest first. */
export function claimCues(sentence: Sentence, text: string, options: ClaimOptions = {}): ClaimCue[] {
  const index = cueIndex(options)
  const words = sentence.words
  const found: ClaimCue[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    if (word.quoted) continue
    const candidates = [...(index.get(word.lower) ?? []), ...(index.get(`*${word.lower.slice(0, 3)}`) ?? [])]
    for (const pattern of candidates) {
      if (i + pattern.words.length > words.length) continue
      let ok = true
      for (let k = 0; k < pattern.words.length; k++) {
        const w = words[i + k]
        if (w.quoted || !matches(w, pattern.words[k])) {
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
      const appraisal = loadWordList('claim-appraisal.txt')
      if (adjective && !adjective.quoted && appraisal.has(adjective.lower)) {
        const also = words[k + 1]?.lower === 'and' && appraisal.has(words[k + 2]?.lower ?? '')
        const last = also ? words[k + 2] : adjective
        found.push({kind: 'evaluation', weight: also ? 0.75 : 0.55, cue: {start: word.start, end: last.end, text: text.slice(word.start, last.end)}})
      }
    }
    // A group's future behaviour: "British voters would reject …", "consumers will shun …".
    if (groupWords.has(word.lower) && modals.has(words[i + 1]?.lower ?? '') && !words[i + 1].quoted) {
      const before = words[i - 1]
      if (before && (/^\p{Lu}/u.test(before.text) || quantifiers.has(before.lower))) {
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
          const isGroup = group.length > 0 && group.every((g) => /^\p{Lu}/u.test(g.text) || groupWords.has(g.lower) || /[^s]s$/.test(g.lower))
          if (isGroup) found.push({kind: 'generalisation', weight: 0.8, cue: {start: word.start, end: w.end, text: text.slice(word.start, w.end)}})
          break
        }
      }
    }
  }
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
