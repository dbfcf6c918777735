/**
 * truncated-sentence: sentences and paragraphs cut short in editing.
 * Documentation: rules/truncated-sentence.md.
 *
 * Patterns (each reported at the last words of the sentence or paragraph):
 * - `complement-noun`: the sentence ends on a noun that needs a complement
 *   ("…demonstrated a commitment.", "…in a bid.", "…showed little
 *   inclination.", "…will give farmers an undertaking.");
 * - `function-word`: the sentence ends on a determiner, preposition,
 *   conjunction or complementiser ("…published by the.", "…talks with.",
 *   "…said in court that.", "…which was founded in.", "…resigned after.");
 * - `unfinished-paragraph`: the article's last body paragraph (or a paragraph
 *   ending on a function word) stops with no terminal punctuation;
 * - `unclosed-quotation` / `unclosed-parenthesis`: at the end of the article;
 * - `trailing-ellipsis`: narration (not a quoted trailing-off) ends on "...".
 * A section whose only paragraph ends on a truncated sentence right after its
 * heading is the strongest signal, and the message says so.
 */
import {defineRule, type RuleContext} from '../src/rule.js'
import type {Article, Paragraph, Sentence, Word} from '../src/article/types.js'
import {closingRun, quotationAt} from '../src/article/index.js'
import {loadTable, loadWordList} from '../src/model/lexicon.js'
import {articles, auxiliaries, coordinators, determiners, isFunctionWord, modals, possessives, prepositions, pronouns, subordinators} from '../src/model/grammar.js'

export interface TruncatedSentenceOptions {
  /** Extra nouns that need a complement (`"pledge"`, or `"pledge:to"` to name the complement). */
  complementNouns: string[]
  /** Nouns never to flag at sentence end, whatever the lexicon says. */
  ignoreNouns: string[]
  /** Minimum lexicon strength (0..1) for a complement noun after "a"/"an". */
  minStrength: number
  /** Flag a final body paragraph with no terminal punctuation. */
  checkLastParagraph: boolean
  /** Flag a trailing ellipsis in narration. */
  checkEllipsis: boolean
}

interface NounEntry {
  complements: string[]
  strength: number
  sources: string
}

let lexicon: Map<string, NounEntry> | undefined
function complementLexicon(): Map<string, NounEntry> {
  if (!lexicon) {
    lexicon = new Map()
    for (const [noun, [complements = 'to', strength = '1', sources = '']] of loadTable('complement-nouns.txt')) {
      lexicon.set(noun, {complements: complements.split(','), strength: Number(strength), sources})
    }
  }
  return lexicon
}

/** Words after which a final "to" is an infinitive with its verb left out ("she wanted to."). */
const toInfinitiveCore = new Set(['going', 'got', 'gotten', 'ought', 'used', 'supposed', 'not', 'have', 'has', 'had', 'want', 'wants', 'wanted', 'like', 'love', 'hate'])

/** Words after which a final "by" is an adverb, not a preposition ("Residents stood by.", "…a school close by."). */
const byAdverb = new Set(['stand', 'stood', 'standing', 'stands', 'come', 'came', 'comes', 'coming', 'go', 'went', 'goes', 'going', 'gone', 'pass', 'passed', 'passing', 'passes', 'drop', 'dropped', 'stop', 'stopped', 'get', 'got', 'swing', 'swung', 'close', 'near', 'nearby', 'put', 'set', 'lay', 'laid', 'abide', 'walk', 'walked', 'drive', 'drove', 'driven', 'run', 'ran', 'fly', 'flew', 'swim', 'swam', 'ride', 'rode', 'sail', 'sailed', 'rush', 'rushed', 'hurry', 'hurried', 'zoom', 'zoomed', 'roll', 'rolled', 'wander', 'wandered'])

/** Reporting verbs: "…said that." is a cut clause. */
const reportingVerbs = new Set(['said', 'says', 'say', 'added', 'adds', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims', 'warned', 'warns', 'stated', 'states', 'announced', 'announces', 'insisted', 'insists', 'told', 'tells', 'believe', 'believes', 'believed', 'reported', 'reports', 'confirmed', 'confirms', 'suggested', 'suggests', 'acknowledged', 'admitted', 'explained', 'stressed', 'emphasised', 'emphasized', 'indicated', 'indicates', 'showed', 'shows', 'found', 'finds', 'concluded', 'ruled', 'decided', 'agreed', 'hoped', 'hopes', 'expects', 'expected', 'feared', 'fears', 'thought', 'thinks'])

/** Verbs of inverted attribution: "…, said a report.", "…, according to a survey." */
const invertingVerbs = new Set(['said', 'says', 'added', 'adds', 'noted', 'notes', 'wrote', 'writes', 'according', 'reported', 'reports', 'showed', 'shows', 'found', 'finds', 'suggested', 'suggests', 'warned', 'warns'])

/** Light verbs after which a complement noun often stands alone ("made a decision.", "poses a threat."). */
const lightVerbs = new Set(['make', 'makes', 'made', 'making', 'reach', 'reached', 'reaches', 'reaching', 'issue', 'issued', 'issues', 'issuing', 'pose', 'posed', 'poses', 'posing', 'file', 'filed', 'files', 'filing', 'submit', 'submitted', 'submits', 'sign', 'signed', 'signs', 'strike', 'struck', 'strikes', 'win', 'won', 'wins', 'lose', 'lost', 'loses', 'take', 'took', 'taken', 'takes', 'get', 'got', 'gets', 'give', 'gave', 'given', 'gives', 'receive', 'received', 'receives', 'accept', 'accepted', 'accepts', 'reject', 'rejected', 'rejects', 'deny', 'denied', 'denies', 'face', 'faced', 'faces', 'send', 'sent', 'sends', 'have', 'has', 'had', 'is', 'was', 'be', 'been', 'are', 'were', 'hold', 'held', 'holds', 'open', 'opened', 'opens', 'deliver', 'delivered', 'delivers', 'write', 'wrote', 'written', 'publish', 'published', 'release', 'released', 'releases', 'call', 'called', 'calls', 'calling', 'approve', 'approved', 'approves', 'grant', 'granted', 'grants', 'need', 'needed', 'needs', 'seek', 'sought', 'seeks', 'want', 'wanted', 'wants'])

/**
 * Determiners and possessives that never end a sentence: "…by the.". ("This",
 * "that", "all", "more" and the like can stand as pronouns; "her" and "his"
 * as pronouns too.)
 */
const danglingDeterminers = new Set([...articles, ...[...possessives].filter((w) => w !== 'his' && w !== 'her' && w !== 'whose'), 'every'])
/** Prepositions that end a sentence only when stranded ("what it consists of."), never as particles. */
const danglingPrepositions = new Set(['of', 'to', 'for', 'with', 'from', 'at', 'into', 'onto', 'upon', 'among', 'amongst', 'between', 'amid', 'amidst', 'despite', 'during', 'toward', 'towards', 'via', 'including', 'regarding', 'concerning', 'than', 'as', 'by', 'per'])
/** "…a rise in.": the word before the last is a lower-case noun right after an article or a possessive. */
function afterNoun(words: Word[], modifier = false): boolean {
  const previous = words[words.length - 2]
  if (previous.text !== previous.lower || isFunctionWord(previous.lower)) return false
  // A determiner right before it, or (`modifier`) one modifier and then a determiner: "the rise", "the possible action".
  for (const at of modifier ? [words.length - 3, words.length - 4] : [words.length - 3]) {
    const word = words[at]
    if (!word) return false
    if (nounDeterminers.has(word.lower)) return true
    if (word.text !== word.lower || isFunctionWord(word.lower)) return false
  }
  return false
}

/** Determiners that are never pronouns, so that the next word is a noun or its modifier ("all" is not: "We've all done that."). */
const nounDeterminers = new Set([...articles, ...possessives, 'this', 'these', 'those', 'every', 'each', 'another'])

/** Verbs whose particle can follow their object: "turned the lights on.", "kept the pressure on.", "handed the keys over." */
const separableVerbs = new Set(['put', 'turn', 'switch', 'take', 'keep', 'leave', 'try', 'get', 'carry', 'bring', 'hand', 'pass', 'move', 'call', 'phase', 'roll', 'draw', 'pull', 'push', 'let', 'send', 'sign', 'hold', 'have', 'spur', 'egg', 'urge', 'win', 'talk', 'think', 'look', 'turn', 'fill', 'hand', 'pass', 'bring'])
/** Is the final particle separated from its verb by the object ("…turned the lights on.")? */
function particleObject(words: Word[]): boolean {
  for (const at of [words.length - 4, words.length - 5]) {
    const word = words[at]
    if (word && baseForms(word.lower).some((base) => separableVerbs.has(base))) return true
  }
  return false
}

/** "…on Friday in.", "…in 2010 in.": a name or a number cannot take a particle. */
function afterName(words: Word[]): boolean {
  const previous = words[words.length - 2]
  if (previous.index === 0 || /^\p{Lu}+$/u.test(previous.text)) return false
  return /^[\p{Lu}\d]/u.test(previous.text) || /[$£€]\s*$/.test(previous.text)
}

const comparisonWords = new Set(['than', 'as', 'so', 'if', 'whether', 'where', 'how', 'what', 'who', 'which', 'when', 'why', 'whatever', 'wherever', 'though', 'although', 'because', 'since', 'unless', 'until', 'while'])
/**
 * A comparison, a condition, a wh-clause or a coordinated clause before the
 * end lets an auxiliary stand for its verb phrase: "…than the forecast was.",
 * "…where the money is.", "Analysts expected a rally, and the markets did."
 */
function ellipsisBefore(words: Word[]): boolean {
  return words.slice(0, -3).some((w) => comparisonWords.has(w.lower) || coordinators.has(w.lower))
}

const relativePronouns = new Set(['which', 'who', 'whom', 'whose'])

/** Prepositions that double as particles: dangling only after a noun ("a rise in.") or a name. */
const particlePrepositions = new Set(['in', 'on', 'about', 'over', 'across', 'within', 'under', 'toward', 'towards'])
/**
 * Auxiliaries that can be left hanging after their subject ("…said the figure
 * was."); not "be", "been", "being" ("for the time being.") nor the modals that
 * are also nouns ("a living will.", "an absolute must.").
 */
const hangingAuxiliaries = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'would', 'could', 'should', 'shall'])
const danglingConjunctions = new Set([...coordinators, ...subordinators].filter((w) => !['yet', 'so', 'since', 'once', 'though', 'than', 'while'].includes(w)))


export default defineRule<TruncatedSentenceOptions>(
  {
    id: 'truncated-sentence',
    category: 'truncation',
    description: 'Sentences and paragraphs cut short in editing.',
    level: 'warn',
    recommended: true,
    schema: {
      properties: {
        complementNouns: {type: 'array', items: {type: 'string'}},
        ignoreNouns: {type: 'array', items: {type: 'string'}},
        minStrength: {type: 'number', minimum: 0, maximum: 1},
        checkLastParagraph: {type: 'boolean'},
        checkEllipsis: {type: 'boolean'}
      }
    },
    defaults: {complementNouns: [], ignoreNouns: [], minStrength: 0.2, checkLastParagraph: true, checkEllipsis: true}
  },
  ({article, options, report}) => {
    const extra = new Map<string, NounEntry>()
    for (const entry of options.complementNouns ?? []) {
      const [noun, complement] = entry.toLowerCase().split(':')
      extra.set(noun.trim(), {complements: complement ? complement.split(',') : ['to'], strength: 1, sources: 'config'})
    }
    const ignored = new Set((options.ignoreNouns ?? []).map((n) => n.toLowerCase()))
    const lastBody = lastBodyParagraph(article)
    const flaggedParagraphs = new Set<number>()

    for (const sentence of article.sentences) {
      if (sentence.zone !== 'body' || sentence.words.length < 3) continue
      for (const words of missedStops(sentence, article)) {
        const finding = danglingEnd(words, article)
        const last = words[words.length - 1]
        if (!finding) continue
        report({
          message: finding.message,
          start: finding.start,
          end: last.end + 1,
          quoted: last.quoted,
          note: finding.note,
          actual: article.text.slice(finding.start, last.end + 1),
          confidence: 0.8,
          kind: finding.kind
        })
      }
      const finding = endsOnFunctionWord(sentence, article) ?? endsOnComplementNoun(sentence, article, extra, ignored, options)
      if (!finding) continue
      const paragraph = article.paragraphs[sentence.paragraph]
      const strongest = sectionEndsHere(article, paragraph, sentence)
      if (finding.needsContext && !strongest) continue
      if (paragraph.sentences[paragraph.sentences.length - 1] === sentence) flaggedParagraphs.add(paragraph.index)
      const last = sentence.words[sentence.words.length - 1]
      report({
        message: finding.message + (strongest ? ` ${strongestNote(article, paragraph)}` : ''),
        start: finding.start,
        end: sentence.end,
        quoted: last.quoted,
        weak: finding.weak && !strongest,
        note: finding.note,
        actual: article.text.slice(finding.start, sentence.end),
        confidence: strongest ? 0.95 : finding.weak ? 0.5 : 0.8,
        kind: finding.kind
      })
    }

    checkQuotationEnds(article, report)

    for (const paragraph of article.paragraphs) {
      if (paragraph.zone !== 'body' || flaggedParagraphs.has(paragraph.index)) continue
      const isLast = paragraph === lastBody
      checkParagraphEnd(article, paragraph, isLast, options, report)
    }
  }
)

interface Finding {
  message: string
  note: string
  start: number
  kind: string
  weak: boolean
  /** Only worth reporting when the section ends right here. */
  needsContext?: boolean
}

/** Text between the last word and the sentence end: the terminal and closing marks, nothing else. */
function tailOf(sentence: Sentence, article: Article): string {
  const last = sentence.words[sentence.words.length - 1]
  const tail = article.text.slice(last.end, sentence.end)
  // HTML: inline tags may close between the last word and the full stop ("a <a>commitment</a>.").
  return (article.format === 'html' ? tail.replace(/<[^>]*>/g, '') : tail).trim()
}

/** Does the sentence end with a full stop right after its last word (an ordinary statement)? */
function endsWithFullStop(sentence: Sentence, article: Article): boolean {
  const tail = tailOf(sentence, article)
  if (!/^\.["'”’»)\]]*$/.test(tail)) return false
  // A split after an abbreviation ("Chelsea vs. Arsenal"): the next sentence starts lower-case.
  const next = article.sentences[sentence.index + 1]
  if (next && next.paragraph === sentence.paragraph && /^[\p{Ll}\d]/u.test(next.text.trim())) return false
  return true
}

function endsOnFunctionWord(sentence: Sentence, article: Article): Finding | undefined {
  const words = sentence.words
  const last = words[words.length - 1]
  // The tokenizer keeps the full stop on words it takes for abbreviations ("in." for inches, "a.").
  if (/^\p{Ll}+\.$/u.test(last.text) && tailOf(sentence, article) === '') return danglingEnd([...words.slice(0, -1), withoutStop(last)], article)
  if (!endsWithFullStop(sentence, article)) return undefined
  return danglingEnd(words, article)
}

function withoutStop(word: Word): Word {
  return {...word, text: word.text.slice(0, -1), lower: word.lower.slice(0, -1), end: word.end - 1}
}

/**
 * Full stops the sentence splitter took for abbreviations ("…a rise in. The
 * bank…", "…bought a. Shares…"): a lower-case function word, a full stop, and
 * a capital. Returns the words of each missed sentence.
 */
function missedStops(sentence: Sentence, article: Article): Word[][] {
  const found: Word[][] = []
  const words = sentence.words
  for (let i = 2; i < words.length - 1; i++) {
    let word = words[i]
    // Both patterns need a full stop: at the end of the word ("in.") or right after it.
    if (word.text.charCodeAt(word.text.length - 1) !== 46 && article.text.charCodeAt(word.end) !== 46) continue
    const gap = article.text.slice(word.end, words[i + 1].start)
    if (/^\p{Ll}+\.$/u.test(word.text) && /^\s+$/.test(gap)) word = withoutStop(word)
    else if (!/^\.["'”’]?\s+$/.test(gap)) continue
    if (word.text !== word.lower || !(danglingDeterminers.has(word.lower) || particlePrepositions.has(word.lower) || danglingPrepositions.has(word.lower))) continue
    if (!/^\p{Lu}/u.test(words[i + 1].text)) continue
    found.push([...words.slice(0, i), word])
  }
  return found
}

/** Time adverbs that can stand between a reporting verb and its "that" ("said yesterday that"). */
const timeAdverbs = new Set(['yesterday', 'today', 'tonight', 'later', 'earlier', 'again', 'previously', 'recently', 'repeatedly', 'publicly', 'privately', 'separately', 'afterwards', 'subsequently', 'then', 'once', 'last', 'this', 'on', 'week', 'month', 'year', 'night', 'morning', 'evening', 'afternoon'])
/**
 * "…said in court that.", "…told reporters on Monday that.": a reporting verb,
 * then only an adverbial (a prepositional phrase, a time word) or, after
 * "told", an object noun, then "that" and nothing: the reported clause was cut.
 * (Not after a preposition: "…said in reply to that." is a pronoun.)
 */
function reportedAcross(words: Word[], article: Article): boolean {
  const previous = words[words.length - 2]
  if (prepositions.has(previous.lower) || pronouns.has(previous.lower)) return false
  for (let i = words.length - 3; i >= Math.max(0, words.length - 7); i--) {
    if (article.text.slice(words[i].end, words[i + 1].start).includes(',')) return false
    const word = words[i]
    if (!reportingVerbs.has(word.lower) || word.text !== word.lower) continue
    const first = words[i + 1]
    const between = words.slice(i + 1, -1)
    const opensAdverbial = prepositions.has(first.lower) || timeAdverbs.has(first.lower)
    const object = /^(?:told|tells|tell|warned|warns|reminded|assured|informed)$/.test(word.lower) && !pronouns.has(first.lower)
    if (!opensAdverbial && !object) return false
    // Only the adverbial's own words: function words, nouns, names and numbers, no verb of a new clause.
    return between.every((w) => !auxiliaries.has(w.lower) && !modals.has(w.lower) && !reportingVerbs.has(w.lower) && !coordinators.has(w.lower) && !subordinators.has(w.lower) && w.lower !== 'that' && !(pronouns.has(w.lower) && subjectPronouns.has(w.lower)))
  }
  return false
}

/** Words after which a final "after" is an adverb of time: "soon after.", "the day after.", "happily ever after." */
const afterAdverb = new Set(['sought', 'soon', 'shortly', 'long', 'ever', 'immediately', 'just', 'right', 'straight', 'not', 'and', 'or', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'morning', 'night', 'evening', 'hours', 'minutes', 'moments', 'time', 'decade', 'decades', 'season', 'weekend', 'years', 'afternoon'])

/**
 * "…in the company's.", "…of the government's.": a lower-case possessive noun
 * after a determiner and a preposition that does not name a place ("at the
 * doctor's." and "to the chemist's." are shops).
 */
function genitiveAfterPreposition(words: Word[]): boolean {
  const determiner = words[words.length - 2]
  const preposition = words[words.length - 3]
  if (!determiner || !preposition || !nounDeterminers.has(determiner.lower) || possessives.has(determiner.lower)) return false
  return prepositions.has(preposition.lower) && !['at', 'to', 'from', 'near', 'outside', 'inside', 'into', 'round', 'around', 'past', 'by'].includes(preposition.lower)
}

let particleVerbs: Set<string> | undefined
/**
 * "…which was founded in.": a form of "be", a past participle and "in", where
 * the verb does not take "in" as a particle (WordNet's "swear in", "call in")
 * and is not a verb of motion ("were flown in.").
 */
function passiveWithoutParticle(words: Word[]): boolean {
  const participle = words[words.length - 2]
  const be = words[words.length - 3]
  if (!be || !['is', 'was', 'are', 'were', 'been', 'being', 'be'].includes(be.lower)) return false
  if (participle.text !== participle.lower || isFunctionWord(participle.lower)) return false
  irregularVerbs ??= loadTable('complement-irregular-verbs.txt')
  if (!/(?:ed|en)$/.test(participle.lower) && !irregularVerbs.has(participle.lower)) return false
  particleVerbs ??= loadWordList('complement-particle-verbs.txt')
  const bases = baseForms(participle.lower)
  return !bases.some((base) => particleVerbs!.has(base))
}

function danglingEnd(words: Word[], article: Article): Finding | undefined {
  const last = words[words.length - 1]
  const previous = words[words.length - 2]
  const word = last.lower
  let wordClass: string | undefined
  if (danglingDeterminers.has(word)) {
    // "Plan A.", "Vitamin A.", "Category A." are names.
    if (last.text === 'A' && /^\p{Lu}/u.test(previous.text)) return undefined
    wordClass = word === 'the' || word === 'a' || word === 'an' ? 'an article' : 'a determiner'
  } else if (word === 'while') {
    // "for a while." is a noun.
    if (determiners.has(previous.lower) || previous.lower === 'worth') return undefined
    wordClass = 'a conjunction'
  } else if (danglingConjunctions.has(word)) {
    if (word === 'if' && (previous.lower === 'as' || previous.lower === 'what')) return undefined
    if (word === 'or' && previous.lower === 'less') return undefined
    wordClass = 'a conjunction'
  } else if (word === 'that') {
    if (last.quoted) return undefined
    // "…said that.", "…so that.", "…the fact that." (but "He said that." can be a pronoun: only after a reporting verb)
    if (!reportingVerbs.has(previous.lower) && !['so', 'such', 'but', 'and', 'now'].includes(previous.lower) && !afterNoun(words, true) && !reportedAcross(words, article)) return undefined
    wordClass = 'a complementiser'
  } else if (relativePronouns.has(word) && (/,\s*$/.test(article.text.slice(previous.end, last.start)) || afterNoun(words, true) || afterName(words))) {
    // "…the company, which." opens a relative clause that never comes.
    if (last.quoted) return undefined
    wordClass = 'a relative pronoun'
  } else if (word === 'his' && !beForms.has(previous.lower) && previous.lower !== 'of') {
    // ("a friend of his." is complete.)
    // "…was his." is complete; "…met his." is not.
    wordClass = 'a determiner'
  } else if (word === 'in' && !last.quoted && passiveWithoutParticle(words)) {
    // "…the team, which was founded in.": a passive keeps its "in" only as a particle ("was sworn in.", "were flown in.").
    wordClass = 'a preposition'
  } else if (particlePrepositions.has(word) && words.length >= 3 && (afterNoun(words) || afterName(words)) && !particleObject(words)) {
    // "…reported a rise in.", "…imposed a ban on.", "…was found dead on Friday in.": after a
    // noun or a name these need an object (after a verb they are particles: "moved in.").
    if (last.quoted) return undefined
    wordClass = 'a preposition'
  } else if (hangingAuxiliaries.has(word) && (coordinators.has(previous.lower) || ((afterNoun(words, true) || afterName(words)) && !ellipsisBefore(words)))) {
    // "…said the figure was.": a subject and its auxiliary, and nothing after
    // (but "…than the forecast was.", "…where the money is." are complete).
    if (last.quoted) return undefined
    wordClass = 'an auxiliary verb'
  } else if (word === 'after' && !last.quoted && verbLike(words, words.length - 2) && !afterAdverb.has(previous.lower) && !stranded(words, article)) {
    // "The minister resigned after.", "…postponed until after.": "after" stands alone only as an
    // adverb of time ("soon after.", "the day after.", "ever after.") or after a verb that selects it ("looked after.").
    wordClass = 'a preposition'
  } else if (previous.lower === 'until' && word === 'after' && !last.quoted) {
    wordClass = 'a preposition'
  } else if (/^\p{Ll}+['’]s?$/u.test(last.text) && /s['’]$|['’]s$/.test(last.text) && !last.quoted && genitiveAfterPreposition(words)) {
    // "…bought shares in the company's.": a possessive noun after a preposition, and its noun cut.
    wordClass = 'a possessive'
  } else if (danglingPrepositions.has(word)) {
    // Speech strands prepositions freely; quoted words are not the editor's to finish.
    if (last.quoted || stranded(words, article)) return undefined
    wordClass = 'a preposition'
  } else return undefined
  if (/\p{Lu}/u.test(last.text.slice(1)) || (last.text !== last.lower && last.index > 0 && word !== 'a')) return undefined
  return {
    message: `The sentence ends on ${wordClass}, '${last.text}': something after it was cut. Restore the missing words or end the sentence earlier.`,
    note: `A sentence cannot end on '${last.text}'. Cuts made in editing or by a CMS leave such stubs, and spell-checkers never see them.`,
    start: (previous && article.text.slice(previous.end, last.start).trim() === '' ? previous : last).start,
    kind: 'function-word',
    weak: false
  }
}

/** Prepositions that common verbs and adjectives select, so that they can be stranded ("nothing to worry about."). */
const selectedPrepositions: Record<string, string> = {
  deal: 'with', cope: 'with', contend: 'with', agree: 'with', work: 'with', live: 'with', comply: 'with', disagree: 'with',
  talk: 'to,about,with', listen: 'to', lead: 'to', point: 'to', amount: 'to', relate: 'to', respond: 'to', speak: 'to,about,of,with', refer: 'to', belong: 'to', object: 'to', look: 'at,for,after,into', stare: 'at',
  hear: 'of,about', approve: 'of', consist: 'of', think: 'of,about', dream: 'of,about', know: 'of,about', worry: 'about', care: 'about,for',
  vote: 'for', wait: 'for', hope: 'for', ask: 'for,about', pay: 'for', account: 'for', search: 'for', apply: 'for', fight: 'for', argue: 'about,for,with',
  rely: 'on', depend: 'on', count: 'on', focus: 'on', come: 'from', suffer: 'from', benefit: 'from', recover: 'from', choose: 'from',
  aware: 'of', afraid: 'of', proud: 'of', ashamed: 'of', capable: 'of', sure: 'of', certain: 'of', fond: 'of', rid: 'of', tired: 'of', scared: 'of',
  grateful: 'for', responsible: 'for', happy: 'with', familiar: 'with', used: 'to', accustomed: 'to', worth: 'of'
}

let prepositionalVerbs: Map<string, string[]> | undefined
/** Does `word` (an inflected verb or an adjective) select preposition `preposition`? */
function selects(word: string, preposition: string): boolean {
  prepositionalVerbs ??= new Map([...loadTable('complement-prepositional-verbs.txt')].map(([verb, [preps = '']]) => [verb, preps.split(',')]))
  for (const base of baseForms(word)) {
    if (Object.hasOwn(selectedPrepositions, base) && selectedPrepositions[base].split(',').includes(preposition)) return true
    if (prepositionalVerbs.get(base)?.includes(preposition)) return true
  }
  return false
}

/** Could `word` be the noun a bare relative clause hangs on ("the concessions [they asked for]"), not a verb ("said [they asked for]")? */
function headNoun(word: Word): boolean {
  irregularVerbs ??= loadTable('complement-irregular-verbs.txt')
  return word.text === word.lower && !isFunctionWord(word.lower) && !/(?:ed|ing)$/.test(word.lower) && !irregularVerbs.has(word.lower) && !reportingVerbs.has(word.lower)
}
const subjectPronouns = new Set(['i', 'we', 'you', 'he', 'she', 'they'])
const beForms = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', 'getting'])
/** Object relatives and indefinite pronouns that can leave a preposition at the end of their clause. */
const objectWords = new Set(['what', 'which', 'who', 'whom', 'whatever', 'whoever', 'whichever', 'something', 'anything', 'nothing', 'everything', 'someone', 'anyone', 'nobody', 'somebody', 'anybody', 'everybody', 'everyone', 'much', 'little', 'more', 'less', 'plenty', 'that', 'lot', 'lots', 'one', 'ones', 'things', 'thing', 'people', 'place', 'kind', 'sort', 'way'])

/**
 * Is the final preposition stranded legitimately ("what it consists of.",
 * "nothing to worry about.", "the bill was paid for.")? Only after a verb or
 * adjective that selects it, and only in a clause that moved its object away:
 * an object relative, an infinitive relative, or a passive.
 */
function stranded(words: Word[], article: Article): boolean {
  const last = words[words.length - 1]
  const previous = words[words.length - 2]
  const word = last.lower
  if (word === 'by' && byAdverb.has(previous.lower)) return true
  if (word === 'to' && infinitiveEllipsis(words)) return true
  if (word === 'as' || word === 'than') return false
  // "few and far between.", "in between."
  if (word === 'between' && (previous.lower === 'far' || previous.lower === 'in')) return true
  const before = words[words.length - 3]
  // Infinitive relative, the preposition right after its verb: "nothing to worry about.", "to begin with."
  if (before && before.lower === 'to') return true
  const selected = selects(previous.lower, word)
  // Passive: "was paid for.", "is accounted for." (but not "was charged with.")
  if (selected && before && beForms.has(before.lower) && !previous.lower.endsWith('ing')) return true
  for (let i = words.length - 3; i >= Math.max(0, words.length - 12); i--) {
    if (article.text.slice(words[i].end, words[i + 1].start).includes(',')) break
    // Infinitive relative further back: "a form to send the money to." (when the verb selects it)
    if (words[i].lower === 'to' && words[i + 1] && selects(words[i + 1].lower, word)) return true
    // A relative clause without "that": "the concessions they asked for.", "the unit he belonged to."
    if (subjectPronouns.has(words[i].lower) && i > 0 && headNoun(words[i - 1])) return true
    if (!objectWords.has(words[i].text)) continue
    const next = words[i + 1]
    // A subject relative ("a person who can react to.", "which voted … for.") does not strand anything.
    if (next && (auxiliaries.has(next.lower) || modals.has(next.lower) || /(?:ed|s)$/.test(next.lower))) continue
    // "said that …", "the suggestion that …": a complementiser, not a relative pronoun.
    if (words[i].lower === 'that' && i > 0 && (reportingVerbs.has(words[i - 1].lower) || complementLexicon().get(words[i - 1].lower)?.complements.includes('that'))) continue
    // Object relative: "what it consists of.", "the people he worked with.", "the sizes they expand to."
    // (a pronoun or an auxiliary right before means the last word is the relative clause's verb)
    if (selected || pronouns.has(before.lower) || modals.has(before.lower) || auxiliaries.has(before.lower)) return true
  }
  return false
}

/**
 * Is a final "to" an infinitive whose verb is left out ("She said she wanted
 * to.", "He was asked to resign but declined to.")? After a few verbs always;
 * after other verbs that take "to" only when a subject or an auxiliary comes
 * right before them: "they refuse to." is elliptic, "producers are unable to."
 * and "rejected plans to." are cut.
 */
function infinitiveEllipsis(words: Word[]): boolean {
  const previous = words[words.length - 2]
  const before = words[words.length - 3]
  if (toInfinitiveCore.has(previous.lower)) return true
  if (!before || !(pronouns.has(before.lower) || modals.has(before.lower) || ellipsisLeads.has(before.lower))) return false
  const bases = baseForms(previous.lower)
  ellipsisWords ??= loadWordList('complement-ellipsis-verbs.txt')
  // (Not any verb: "…who can react to.", "…has turned to." are cut, their "to" a preposition.)
  return bases.some((base) => toInfinitive().has(base) || ellipsisWords!.has(base) || wordnetGaps.has(base))
}
let ellipsisWords: Set<string> | undefined
/** Common verbs that take "to INFINITIVE" but have no such frame in WordNet 3.1 ("he hoped to.", "they did not need to."). */
const wordnetGaps = new Set(['hope', 'need', 'prefer', 'deserve', 'claim', 'wish', 'intend', 'tend', 'opt', 'dare'])
const ellipsisLeads = new Set(['not', 'never', 'but', 'and', 'or', 'also', 'still', 'then', 'has', 'have', 'had', 'do', 'does', 'did', 'if', 'once'])

let toWords: Set<string> | undefined
function toInfinitive(): Set<string> {
  toWords ??= loadWordList('complement-verbs.txt')
  return toWords
}

/** Candidate base forms of an inflected word ("hoped" → "hope", "planning" → "plan", "tries" → "try"). */
let irregularVerbs: Map<string, string[]> | undefined
function baseForms(word: string): string[] {
  irregularVerbs ??= loadTable('complement-irregular-verbs.txt')
  const forms = [word, ...(irregularVerbs.get(word) ?? []).slice(0, 1)]
  if (word.endsWith('ies') || word.endsWith('ied')) forms.push(word.slice(0, -3) + 'y')
  if (word.endsWith('es')) forms.push(word.slice(0, -2))
  if (word.endsWith('s')) forms.push(word.slice(0, -1))
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1), word.slice(0, -3))
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), word.slice(0, -3) + 'e', word.slice(0, -4))
  return forms
}

/** Does `words[i]` look like a verb: an inflected form, an irregular past, or a base form after a modal, "to" or a subject pronoun? */
function verbLike(words: Word[], i: number): boolean {
  const word = words[i]
  if (word.text !== word.lower || isFunctionWord(word.lower)) return false
  irregularVerbs ??= loadTable('complement-irregular-verbs.txt')
  if (/(?:ed|en|ing|s)$/.test(word.lower) || irregularVerbs.has(word.lower)) return true
  const previous = words[i - 1]
  return previous !== undefined && (modals.has(previous.lower) || previous.lower === 'to' || verbLeads.has(previous.lower))
}
const verbLeads = new Set(['not', 'never', 'also', 'still', 'often', 'i', 'we', 'they', 'you', 'he', 'she', 'it'])

function endsOnComplementNoun(
  sentence: Sentence,
  article: Article,
  extra: Map<string, NounEntry>,
  ignored: Set<string>,
  options: TruncatedSentenceOptions
): Finding | undefined {
  if (!endsWithFullStop(sentence, article)) return undefined
  const words = sentence.words
  const last = words[words.length - 1]
  if (last.text !== last.lower || ignored.has(last.lower)) return undefined
  const entry = extra.get(last.lower) ?? complementLexicon().get(last.lower)
  if (!entry) return undefined
  // The noun phrase: a determiner, at most one modifier, the noun.
  let determinerIndex = -1
  for (let i = words.length - 2; i >= Math.max(0, words.length - 3); i--) {
    if (determiners.has(words[i].lower)) {
      determinerIndex = i
      break
    }
  }
  if (determinerIndex < 0 || (quantifiers.has(words[determinerIndex].lower) && determinerIndex === words.length - 2)) {
    // "…had shown little inclination.", "…showed no willingness.": a quantifier, the noun, nothing after.
    return quantifiedObject(words, entry, extra.has(last.lower))
  }
  const determiner = words[determinerIndex]
  const indefinite = determiner.lower === 'a' || determiner.lower === 'an'
  const before = words[determinerIndex - 1]
  const phrase = words.slice(determinerIndex).map((w) => w.text).join(' ')
  const complement = entry.complements.includes('to') ? 'to' : entry.complements[0]
  const configured = entry.sources === 'config'
  // "in a bid.", "in an effort.": the idiom, with nouns that take "to" on their own evidence.
  // ("…as part of an effort.", "…part of a bid." too.)
  const idiomPreposition = before?.lower === 'in' || (before?.lower === 'of' && words[determinerIndex - 2]?.lower === 'part')
  const inIdiom = idiomPreposition && (configured || /[CD]/.test(entry.sources) || entry.strength >= 0.9)
  // "…, said a report.": the noun phrase is the subject of an inverted attribution.
  // ("showed", "found" and the like invert only after a comma or a quotation: "…, a survey showed a report." is not "showed a reluctance.")
  if (before && invertingVerbs.has(before.lower) && (/^(?:said|says|added|adds|wrote|writes|according)$/.test(before.lower) || /[,"'”’]\s*$/.test(article.text.slice(words[determinerIndex - 2]?.end ?? 0, before.start)))) return undefined
  if (before && (before.lower === 'such' || before.lower === 'to')) return undefined
  // "a firm commitment.": a modifier makes a complete phrase likely.
  if (determinerIndex !== words.length - 2) return undefined
  if (!inIdiom) {
    const verb = words[determinerIndex - 2]
    // "…will give farmers an undertaking.", "…gave them an assurance.": a promise made to someone,
    // in a noun made from a verb of promising (or configured): it says what is promised.
    const recipient = before !== undefined && before.text === before.lower && (objectPronouns.has(before.lower) || !isFunctionWord(before.lower))
    if (indefinite && verb !== undefined && recipient && recipientVerb(verb.lower) && (configured || entry.sources.includes('P'))) {
      return complementFinding(determiner, phrase, last, complement, false, false)
    }
    // Otherwise the noun phrase must be the object of a verb ("launched an effort."), not of a
    // preposition ("the creation of a concordance.") nor a second object ("gave the door a shove.")…
    if (!before || !verbLike(words, determinerIndex - 1)) return undefined
    // …and not of a light verb ("made a decision.", "gave them a chance.", "call it a failure.").
    if (isLightVerb(before.lower)) return undefined
    if (verb && isLightVerb(verb.lower) && (pronouns.has(before.lower) || !verbLike(words, determinerIndex - 1))) return undefined
  }

  const strong = configured || entry.strength >= options.minStrength
  let weak = false
  let needsContext = false
  if (!indefinite) {
    // "The company kept its commitment.": a definite noun phrase usually points back;
    // only nouns made from adjectives that take "to" (willing to, ready to) rarely stand alone: "its willingness."
    if (firstMention(article, last.lower) < sentence.index || !((entry.sources.includes('D') && entry.strength >= 0.6) || disposition(last.lower, entry))) return undefined
    if (possessives.has(determiner.lower)) weak = true
    // "…has shown the ability.": only where the section ends.
    else if (determiner.lower === 'the') needsContext = true
    else return undefined
  } else {
    // "…a marker from a comment.": a weak noun inside a prepositional phrase is a complete thought.
    const inPhrase = before !== undefined && prepositions.has(before.lower)
    if (complement !== 'to' && !configured) {
      // "issued a statement." is complete more often than not: only where the section ends.
      if (entry.strength < 0.5 || inPhrase) return undefined
      needsContext = true
    } else if (!strong) {
      if (entry.strength < 0.1 || (inPhrase && !inIdiom)) return undefined
      needsContext = true
    }
  }
  return complementFinding(determiner, phrase, last, complement, weak, needsContext)
}

function complementFinding(first: Word, phrase: string, last: Word, complement: string, weak: boolean, needsContext: boolean): Finding {
  const question = complement === 'that' ? `${phrase} that … what?` : complement === 'whether' ? `${phrase} whether … what?` : `${phrase} ${complement} what?`
  return {
    message: `'${phrase}' usually takes a complement: ${question} The rest of the sentence seems to have been cut.`,
    note: `'${last.text}' normally says ${complement === 'to' ? `to what or to do what` : complement === 'of' ? 'of what' : `${complement} what`}; ending the sentence on it leaves the reader asking. Restore the missing words, or rephrase.`,
    start: first.start,
    kind: 'complement-noun',
    weak,
    needsContext
  }
}

function isLightVerb(word: string): boolean {
  return lightVerbs.has(word) || baseForms(word).some((base) => lightVerbs.has(base))
}

/** Verbs that give something to a recipient: "give farmers an undertaking", "offered staff an assurance". */
function recipientVerb(word: string): boolean {
  return baseForms(word).some((base) => ['give', 'offer', 'provide', 'hand', 'send', 'owe', 'promise'].includes(base))
}

/** Object pronouns that can be the recipient of a promise: "gave them an undertaking." */
const objectPronouns = new Set(['me', 'you', 'him', 'her', 'us', 'them'])

/** Quantifiers and intensifiers that can stand for the determiner of a complement noun: "little inclination", "great reluctance". */
const quantifiers = new Set(['no', 'little', 'much', 'great', 'real', 'genuine', 'growing', 'considerable', 'strong', 'clear', 'new', 'renewed', 'any', 'some'])

/**
 * "…the board had shown little inclination.", "…showed no willingness.": a
 * quantifier or an intensifier before the noun, the object of a verb that is
 * not a light verb ("had no intention." is an idiom). Only for nouns that
 * strongly need "to" (see `needsTo`).
 */
function quantifiedObject(words: Word[], entry: NounEntry, configured: boolean): Finding | undefined {
  const last = words[words.length - 1]
  const quantifier = words[words.length - 2]
  // A bare noun right after its verb: "…the club showed reluctance."
  const bare = !quantifiers.has(quantifier.lower)
  const verbAt = bare ? words.length - 2 : words.length - 3
  if (verbAt < 1) return undefined
  if (!configured && !needsTo(last.lower, entry)) return undefined
  irregularVerbs ??= loadTable('complement-irregular-verbs.txt')
  // (an inflected verb, nothing between: not "the players' reluctance.")
  if (bare && ((!/(?:ed|s)$/.test(words[verbAt].lower) && !irregularVerbs.has(words[verbAt].lower)) || words[verbAt].end !== last.start - 1)) return undefined
  if (!verbLike(words, verbAt) || isLightVerb(words[verbAt].lower) || words[verbAt].lower === 'with') return undefined
  const first = bare ? last : quantifier
  return complementFinding(first, bare ? last.text : `${quantifier.text} ${last.text}`, last, 'to', false, false)
}

/** A disposition noun (see `needsTo`) made from an adjective: "its willingness.", "their reluctance." rarely stand alone. */
function disposition(noun: string, entry: NounEntry): boolean {
  return /(?:ness|ance|ence)$/.test(noun) && needsTo(noun, entry)
}

/**
 * Does the noun strongly need "to": it takes "to" in most of its uses
 * (strength 0.5 or more), by its own examples or an adjective it is made from
 * (sources C, D, E), and it names a disposition to act, made with a suffix
 * from a word that takes "to INFINITIVE" ("inclination" from "incline to",
 * "eagerness" from "eager to", "reluctance" from "reluctant to") or from a
 * participle adjective ("willingness")? Not capacities ("great ability." is
 * complete).
 */
function needsTo(noun: string, entry: NounEntry): boolean {
  if (!entry.complements.includes('to') || entry.strength < 0.5 || !/[CDE]/.test(entry.sources)) return false
  // "willingness", "unwillingness": made from a participle adjective that takes "to".
  if (/ingness$/.test(noun)) return true
  const stems = [noun.replace(/iness$/, 'y'), noun.replace(/ness$/, ''), noun.replace(/ation$/, 'e'), noun.replace(/ation$/, ''), noun.replace(/ance$/, 'ant'), noun.replace(/ence$/, 'ent'), noun.replace(/ion$/, 'e')]
  return stems.some((stem) => stem !== noun && toInfinitive().has(stem))
}

const firstMentions = new WeakMap<Article, Map<string, number>>()
/** Index of the first sentence that uses `word` (computed once per article). */
function firstMention(article: Article, word: string): number {
  let mentions = firstMentions.get(article)
  if (!mentions) {
    mentions = new Map()
    for (const sentence of article.sentences) for (const w of sentence.words) if (!mentions.has(w.lower)) mentions.set(w.lower, sentence.index)
    firstMentions.set(article, mentions)
  }
  return mentions.get(word) ?? Infinity
}

/** The last body paragraph, not counting sign-offs, captions and other trailing matter. */
function lastBodyParagraph(article: Article): Paragraph | undefined {
  for (let i = article.paragraphs.length - 1; i >= 0; i--) {
    const paragraph = article.paragraphs[i]
    if (paragraph.zone === 'body') return paragraph
    if (paragraph.zone === 'blockquote' || paragraph.zone === 'list-item') return undefined
  }
  return undefined
}

/**
 * The strongest signal: the sentence closes a section that has a heading and
 * only this one paragraph — the section ends right after its heading.
 */
function sectionEndsHere(article: Article, paragraph: Paragraph, sentence: Sentence): boolean {
  const section = article.sections[paragraph.section]
  if (!section?.heading || section.paragraphs.length !== 1 || section.paragraphs[0] !== paragraph) return false
  return paragraph.sentences[paragraph.sentences.length - 1] === sentence && paragraph.sentences.length <= 3
}

function strongestNote(article: Article, paragraph: Paragraph): string {
  const heading = article.sections[paragraph.section].heading
  const title = heading ? heading.text.trim() : ''
  return `The section${title ? ` '${title}'` : ''} ends here, one short paragraph after its heading: the rest of it was probably cut too.`
}

const terminalEnd = /[.?!…]["'”’»)\]]*$|[.?!…]\s*["'”’»)\]]$/
const ellipsisEnd = /(?:\.\.\.|…)\s*$/

type Report = RuleContext<TruncatedSentenceOptions>['report']

function isDangling(word: Word): boolean {
  return danglingDeterminers.has(word.lower) || danglingConjunctions.has(word.lower) || danglingPrepositions.has(word.lower) || word.lower === 'that'
}

/** Paragraph-level patterns: the article ends mid-sentence, an unclosed quotation or parenthesis, a trailing ellipsis. */
function checkParagraphEnd(article: Article, paragraph: Paragraph, isLast: boolean, options: TruncatedSentenceOptions, report: Report): void {
  const text = paragraph.text.trimEnd()
  const end = paragraph.start + text.length
  // The patterns below are anchored at the end and match closing punctuation only.
  const closing = closingRun(text)
  // Markdown: inline code, link targets or a table row can follow the last prose word on its line.
  if (article.format === 'markdown') {
    const blankLine = /\n[ \t]*(?:\n|$)/g
    blankLine.lastIndex = paragraph.end
    const blockEnd = blankLine.exec(article.text)?.index
    const rest = article.text.slice(paragraph.end, blockEnd).trim()
    if (rest && (/[.?!…:|]/.test(rest) || !ellipsisEnd.test(closing))) return
  }
  // The paragraph's words are read only at the end (and all of them only for the last paragraph):
  // count them and reach back through the sentences instead of concatenating them.
  const sentences = paragraph.sentences
  let wordCount = 0
  for (const sentence of sentences) wordCount += sentence.words.length
  if (wordCount === 0) return
  /** The `n`th word from the end of the paragraph (1 is the last). */
  const fromEnd = (n: number): Word => {
    for (let s = sentences.length - 1; s >= 0; s--) {
      const sentenceWords = sentences[s].words
      if (n <= sentenceWords.length) return sentenceWords[sentenceWords.length - n]
      n -= sentenceWords.length
    }
    throw new Error('unreachable')
  }
  const last = fromEnd(1)
  const startOfLastWords = fromEnd(Math.min(3, wordCount)).start
  const lastWords = article.text.slice(startOfLastWords, end)
  const openQuotation = isLast ? article.quotations.find((q) => q.start >= paragraph.start && q.start < paragraph.end && !q.closed) : undefined

  if (terminalEnd.test(closing) && !ellipsisEnd.test(closing)) {
    if (!isLast) return
    // Unclosed quotation or parenthesis at the end of the article.
    if (openQuotation) {
      report({
        message: 'The quotation opened here is never closed, and the article ends: the end of the quote, or of the article, may have been cut.',
        start: openQuotation.start,
        end: openQuotation.start + 1,
        note: 'A quotation left open at the end of an article means the closing words, or the rest of the article, are missing. Close the quotation or restore the cut text.',
        related: [{start: last.start, end, message: 'the article ends here'}],
        confidence: 0.7,
        kind: 'unclosed-quotation'
      })
      return
    }
    const open = unclosedParenthesis(text)
    if (open >= 0) {
      report({
        message: 'The parenthesis opened here is never closed, and the article ends: something after it may have been cut.',
        start: paragraph.start + open,
        end: paragraph.start + open + 1,
        note: 'An open parenthesis at the end of an article means the closing words, or the rest of the article, are missing. Close it or restore the cut text.',
        related: [{start: last.start, end, message: 'the article ends here'}],
        confidence: 0.7,
        kind: 'unclosed-parenthesis'
      })
    }
    return
  }

  // Trailing ellipsis in narration (not a quoted trailing-off).
  if (ellipsisEnd.test(closing)) {
    if (!options.checkEllipsis || last.quoted || /["'”’»]\s*(?:\.\.\.|…)?\s*$/.test(closing)) return
    if (quotationAt(article.quotations, end - 1) || quotationAt(article.quotations, end - 4)) return
    const strong = isLast || isDangling(last)
    report({
      message: `The paragraph trails off in an ellipsis outside any quotation${isDangling(last) ? `, on '${last.text}'` : ''}: was the rest cut?`,
      start: startOfLastWords,
      end,
      actual: lastWords,
      weak: !strong,
      note: 'An ellipsis in a reporter’s own words usually marks a cut, not a style. End the sentence, or restore what follows.',
      confidence: strong ? 0.75 : 0.4,
      kind: 'trailing-ellipsis'
    })
    return
  }

  // No terminal punctuation.
  if (/:\s*$/.test(text) && !isLast) return
  // An editor's note in parentheses after the last sentence: "(This story has been refiled …)".
  if (/(?:^|[.?!…"”’]\s*)\([^()]+\)$/.test(text)) return
  // A paragraph broken in two: the next one carries on in lower case.
  const next = article.paragraphs[paragraph.index + 1]
  if (next && /^\p{Ll}/u.test(next.text.trim())) return
  // Links, handles and copyright lines end without a full stop.
  if (/(?:https?:\/\/|www\.|@\w|©|#\w|\b[\w-]+\.[a-z]{2,}\/)\S*\s*$/i.test(text)) return
  const dangling = isDangling(last)
  if (isLast && options.checkLastParagraph) {
    // A short title-cased line ("More From Our Correspondents") is trailing matter, not a sentence.
    let lowerCaseWord = false
    for (let n = 1; n <= Math.min(3, wordCount) && !lowerCaseWord; n++) {
      const w = fromEnd(n)
      lowerCaseWord = w.text === w.lower && /\p{L}/u.test(w.text)
    }
    if (wordCount < 6 || (!lowerCaseWord && !dangling)) return
    // A table of figures ("Shr 1.20 dlrs vs 1.10 dlrs Net 5.6 mln vs 4.3 mln") has no full stops.
    let withDigits = 0
    for (const sentence of sentences) for (const w of sentence.words) if (/\d/.test(w.text)) withDigits++
    if (withDigits * 3 >= wordCount || /\d\s+vs\.?\s+\S*\d/.test(text)) return
    report({
      message: `The article ends mid-sentence: '${lastWords}' has no full stop, and nothing follows.${openQuotation ? ' The quotation is not closed either.' : ''} The end of the paragraph was cut.`,
      start: startOfLastWords,
      end,
      actual: lastWords,
      quoted: last.quoted,
      note: 'The last paragraph stops without terminal punctuation, so the end of the story is missing. Restore the cut text, or end the sentence.',
      confidence: dangling ? 0.95 : 0.85,
      kind: 'unfinished-paragraph'
    })
    return
  }
  if (!isLast && dangling && wordCount >= 4) {
    report({
      message: `The paragraph stops mid-clause on '${last.text}', with no full stop: the rest of it was cut.`,
      start: startOfLastWords,
      end,
      actual: lastWords,
      quoted: last.quoted,
      note: 'A paragraph that ends on a function word without punctuation lost its last words in editing.',
      confidence: 0.85,
      kind: 'unfinished-paragraph'
    })
  }
}

/** Offset in `text` of the last "(" that no ")" closes, or -1. */
function unclosedParenthesis(text: string): number {
  if (!text.includes('(')) return -1
  const open: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 40) open.push(i)
    else if (code === 41) open.pop()
  }
  return open.length > 0 ? open[open.length - 1] : -1
}

/**
 * A quotation that ends on an article or a conjunction ("…for us and for the,"
 * said …): the speaker's words were cut. Info only: quoted words are not the
 * editor's to finish, but the cut may be the editor's.
 */
function checkQuotationEnds(article: Article, report: Report): void {
  for (const sentence of article.sentences) {
    if (sentence.zone !== 'body' || sentence.quoted === 'none') continue
    const words = sentence.words
    for (let i = 1; i < words.length; i++) {
      const word = words[i]
      if (!word.quoted || (words[i + 1] && words[i + 1].quoted)) continue
      if (!danglingDeterminers.has(word.lower) && !coordinators.has(word.lower)) continue
      if (word.lower === 'yet' || word.text !== word.lower) continue
      const quotation = quotationAt(article.quotations, word.start)
      if (!quotation || !quotation.closed) continue
      // Only punctuation between the word and the closing mark.
      const between = article.text.slice(word.end, quotation.end)
      if (/[\p{L}\p{N}]/u.test(between)) continue
      // "…and then…" or "and—": a speaker trailing off or interrupted, not a cut.
      if (/\.\.\.|…|[-–—]/.test(between)) continue
      const previous = words[i - 1]
      report({
        message: `The quotation ends on '${word.text}': the speaker's words seem to have been cut. Check the quote against the notes or the recording.`,
        start: previous.start,
        end: quotation.end,
        actual: article.text.slice(previous.start, quotation.end),
        quoted: true,
        note: 'Nobody ends a sentence on an article or a conjunction; a quotation that does lost its last words, in the notes or in editing.',
        confidence: 0.7,
        kind: 'function-word'
      })
    }
  }
}
