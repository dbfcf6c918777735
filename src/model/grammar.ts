/**
 * English word classes that a rule can ask about without a tagger: the
 * closed classes (determiners, prepositions, conjunctions, auxiliaries,
 * complementisers, pronouns). Each class is a small read-only set of
 * lower-case words; `wordClasses(word)` tells which classes a word belongs
 * to (a word can be in several: "that" is a determiner, a pronoun and a
 * complementiser).
 *
 * ```ts
 * import {isIn, wordClasses} from '../src/model/grammar.js'
 * isIn('the', 'determiner')          // true
 * wordClasses('that')                // ['determiner', 'complementiser', 'pronoun']
 * ```
 */

export type WordClass =
  | 'article'
  | 'determiner'
  | 'possessive'
  | 'preposition'
  | 'coordinator'
  | 'subordinator'
  | 'auxiliary'
  | 'modal'
  | 'complementiser'
  | 'pronoun'
  | 'infinitive-marker'

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** "a", "an", "the". */
export const articles = set('a an the')

/** Possessive determiners. */
export const possessives = set('my your his her its our their whose')

/** Determiners, including articles, possessives, demonstratives and quantifiers. */
export const determiners = set(`
  a an the this that these those my your his her its our their whose
  each every either neither some any no another such what which
  both all few many much several most more less fewer enough`)

/** Prepositions (single words), including the ones that double as particles. */
export const prepositions = set(`
  of in on at to for from by with without within into onto upon about above across after
  against along alongside amid amidst among amongst around as before behind below beneath beside
  besides between beyond despite during except inside like near off out outside over past per
  since than through throughout toward towards under underneath unlike until till up via versus vs
  regarding concerning including excluding following pending plus minus`)

/** Coordinating conjunctions. */
export const coordinators = set('and or but nor yet')

/** Subordinating conjunctions. */
export const subordinators = set(`
  although though because since unless whereas while whilst if whether until till
  once lest so than`)

/** Primary auxiliaries (forms of be, have, do). */
export const auxiliaries = set(`
  be am is are was were been being have has had having do does did`)

/** Modal auxiliaries. */
export const modals = set('can could may might must shall should will would')

/** Complementisers: words that open a clause. */
export const complementisers = set('that whether if')

/** Personal, relative and interrogative pronouns. */
export const pronouns = set(`
  i me you he him she her it we us they them myself yourself himself herself itself
  ourselves themselves who whom whose which that what`)

const classes: Array<[WordClass, ReadonlySet<string>]> = [
  ['article', articles],
  ['determiner', determiners],
  ['possessive', possessives],
  ['preposition', prepositions],
  ['coordinator', coordinators],
  ['subordinator', subordinators],
  ['auxiliary', auxiliaries],
  ['modal', modals],
  ['complementiser', complementisers],
  ['pronoun', pronouns],
  ['infinitive-marker', set('to')]
]

/** The closed word classes of `word` (case-insensitive); empty for open-class words. */
export function wordClasses(word: string): WordClass[] {
  const lower = word.toLowerCase()
  return classes.filter(([, words]) => words.has(lower)).map(([name]) => name)
}

/** Is `word` (case-insensitive) in word class `wordClass`? */
export function isIn(word: string, wordClass: WordClass): boolean {
  const words = classesByName.get(wordClass)
  return words ? words.has(word.toLowerCase()) : false
}

const classesByName = new Map(classes)

/** Is `word` a closed-class (function) word? */
export function isFunctionWord(word: string): boolean {
  return functionWords.has(word.toLowerCase())
}

/** Every word of a closed class, for `isFunctionWord`. */
const functionWords: ReadonlySet<string> = new Set(classes.flatMap(([, words]) => [...words]))

const upperInitialRe = /^\p{Lu}/u

/** Does `text` start with a capital letter (`/^\p{Lu}/u`, without the regex for ASCII)? */
export function upperInitial(text: string): boolean {
  const c = text.charCodeAt(0)
  if (c >= 65 && c <= 90) return true
  if (c < 128) return false
  return upperInitialRe.test(text)
}
