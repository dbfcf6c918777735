/**
 * unattributed-claim: claims that need a source and have none, and weasel
 * attribution ("critics say", "it is widely believed").
 *
 * Thin: the attribution model (src/model/attribution.ts) says which
 * sentences are attributed, quoted or carried over; the claim model
 * (src/model/claims.ts) says which unattributed sentences assert causes,
 * judgements, group feelings or predictions. Documentation:
 * rules/unattributed-claim.md.
 */
import {defineRule} from '../src/rule.js'
import type {Sentence} from '../src/article/types.js'
import {attributionOf, type AttributionModel} from '../src/model/attribution.js'
import {claimCues, statesCheckableFact, type ClaimCue, type ClaimKind} from '../src/model/claims.js'

export interface UnattributedClaimOptions {
  /** More weasel phrases ("word has it"). */
  extraWeasels: string[]
  /** More reporting cues (verb forms such as "opined"). */
  extraCues: string[]
  /** More claim cues: `phrase` or `phrase<TAB>kind<TAB>weight`. */
  extraClaimCues: string[]
  /** Report weasel attribution. */
  weasels: boolean
  /** Also report a leading weasel that frames an opinion ("Critics say the plan is unfair"), as info. */
  opinionWeasels: boolean
  /** Claims below this confidence are not reported. */
  minConfidence: number
}

const questions: Record<ClaimKind, (cue: string) => string> = {
  causal: (cue) => `Causal claim with no source ('${cue}'): who says that is the cause?`,
  evaluation: (cue) => `Analysis stated as fact ('${cue}'): whose judgement is this?`,
  generalisation: (cue) => `Claim about what a group thinks or feels ('${cue}'): who says so, on what evidence?`,
  prediction: (cue) => `Prediction with no source ('${cue}'): who expects this?`,
  agentless: (cue) => `Judgement with no one behind it ('${cue}'): by whom?`
}

const notes: Record<ClaimKind, string> = {
  causal: 'An explanation of why something happened is analysis: attribute it (an official, an analyst, a report) or cut it.',
  evaluation: 'An assessment in the reporter’s voice reads as the publication’s opinion: attribute it or cut it.',
  generalisation: 'What a whole group thinks needs a poll, a survey or a named observer.',
  prediction: 'A forecast needs someone who makes it: attribute it or cut it.',
  agentless: 'The sentence states a view without saying whose: name who frames it or who is concerned.'
}

export default defineRule<UnattributedClaimOptions>(
  {
    id: 'unattributed-claim',
    category: 'attribution',
    description: 'Claims that need a source and have none, and weasel attribution.',
    level: 'warn',
    recommended: true,
    schema: {
      properties: {
        extraWeasels: {type: 'array', items: {type: 'string'}},
        extraCues: {type: 'array', items: {type: 'string'}},
        extraClaimCues: {type: 'array', items: {type: 'string'}},
        weasels: {type: 'boolean'},
        opinionWeasels: {type: 'boolean'},
        minConfidence: {type: 'number', minimum: 0, maximum: 1}
      }
    },
    defaults: {extraWeasels: [], extraCues: [], extraClaimCues: [], weasels: true, opinionWeasels: false, minConfidence: 0.6}
  },
  ({article, file, options, report}) => {
    const model = attributionOf(file, {extraCues: options.extraCues, extraWeasels: options.extraWeasels})
    for (const sentence of article.sentences) {
      if (sentence.zone !== 'body') continue
      if (sentence.terminal.startsWith('?') || sentence.quoted === 'full') continue
      const attribution = model.sentences[sentence.index]
      if (attribution.kind === 'weasel' && attribution.weasel) {
        if (!options.weasels) continue
        const weasel = attribution.weasel
        // Impersonal weasels ("it is widely believed", no source at all) and weasels in the attribution slot
        // ("…, critics argue.") always; a leading "Critics say …" only when what follows is a checkable fact,
        // not a view framed as a view.
        // Unnamed "sources" and "insiders" vouch for facts, not views: never a framed opinion.
        const impersonal = attribution.source === undefined || /\b(sources?|insiders?)\b/i.test(attribution.source.text)
        const factual = statesCheckableFact(sentence, weasel.end)
        // Only a side named by its stance ("critics", "sceptics") frames a view; "experts", "observers",
        // "many" claim authority or consensus, and a belief ("many believe") is a claim about a group.
        const stance = /\b(critics?|sceptics?|skeptics?)\b/i.test(attribution.source?.text ?? '') && !attribution.belief
        const opinion = attribution.weaselPosition === 'leading' && !impersonal && !factual && stance
        // "Some say that …": a formal report of a proposition, not a framed view; reported, as info.
        const formal = opinion && followedByThat(sentence, weasel.end)
        if (opinion && !formal && !options.opinionWeasels) continue
        report({
          message: `Weasel attribution ('${attribution.weasel.text}'): who, exactly? Name or describe the source.`,
          start: attribution.weasel.start,
          end: attribution.weasel.end,
          note: 'A claim put in the mouth of unnamed critics, observers, experts or “sources” is unsourced: say who (a named person, or a described source such as “two officials involved in the talks”).',
          weak: opinion,
          kind: 'weasel-attribution',
          confidence: opinion ? 0.5 : 0.85
        })
        continue
      }
      if (attribution.kind !== 'none' && attribution.kind !== 'carried-over') continue
      // A sentence that quotes someone has a speaker nearby: its claims are theirs.
      if (sentence.quoted !== 'none') continue
      if (attribution.kind === 'none') {
        const echo = laterAttributionEcho(sentence, article.sentences, model)
        if (echo) {
          report({
            message: `Reported claim with no source: the next sentence says '${echo.text}', but who says this one?`,
            ...claimSpan(sentence),
            note: 'The following sentence continues a source (“also said”) that this one never names: the attribution seems to have been cut. Restore it.',
            related: [{start: echo.start, end: echo.end, message: 'the source is only named here'}],
            kind: 'missing-attribution',
            confidence: 0.75
          })
          continue
        }
      }
      const cues = claimCues(sentence, article.text, {extraCues: options.extraClaimCues})
      // "Industry analysts believe …", "some traders fear …": a group's mind, with no one named.
      if (attribution.beliefHolder === 'group' && attribution.belief) {
        cues.unshift({kind: 'generalisation', weight: 0.75, cue: attribution.belief})
        cues.sort((a, b) => b.weight - a.weight)
      }
      if (!cues.length) continue
      // A carried-over sentence continues its speaker, unless it makes a strong claim of its own
      // ("It may also set X, according to a source. It is also likely to set Y.": whose forecast is Y?).
      if (attribution.kind === 'carried-over' && cues[0].weight < carriedOverBar) continue
      const confidence = confidenceOf(cues) - (attribution.kind === 'carried-over' ? 0.1 : 0)
      if (confidence < options.minConfidence) continue
      const best = cues[0]
      const {start, end} = claimSpan(sentence)
      const carried = attribution.kind === 'carried-over'
      const speaker = carried && attribution.source ? ` If it is ${attribution.source.text}’s, say so.` : carried ? ' If it continues the source before it, say so.' : ''
      report({
        message: (best.kind === 'causal' ? causalQuestion(sentence, best.cue.start) : undefined) ?? questions[best.kind](best.cue.text) + speaker,
        start,
        end,
        weak: carried || confidence < 0.7,
        note: notes[best.kind],
        kind: best.kind,
        confidence
      })
    }
  }
)

/** A carried-over sentence is checked only for claims at least this strong. */
const carriedOverBar = 0.8

/** How sure the rule is that this unattributed sentence needs a source. */
function confidenceOf(cues: ClaimCue[]): number {
  let confidence = cues[0].weight
  // Two clear cues of different kinds (a cause and a judgement) make the sentence surely analysis; weak cues do not add up.
  const clear = cues.filter((c) => c.weight >= 0.6)
  if (new Set(clear.map((c) => c.kind)).size > 1 || clear.length > 2) confidence += 0.1
  return Math.max(0, Math.min(1, confidence))
}

const beForms = new Set(['was', 'were', 'is', 'are', 'been', 'be'])
const irregular: Record<string, string> = {driven: 'drove', caused: 'caused', brought: 'brought', led: 'led'}
const lowerable = new Set(['the', 'his', 'her', 'its', 'their', 'a', 'an', 'this', 'that', 'these', 'those', 'our'])

/**
 * "His fall was precipitated by a rapid offensive" → "Causal claim with no
 * source: who says a rapid offensive precipitated his fall?" (passive causal
 * cues with a short subject and agent; otherwise the general question).
 */
function causalQuestion(sentence: Sentence, cueStart: number): string | undefined {
  const words = sentence.words
  const at = words.findIndex((w) => w.start === cueStart)
  if (at < 1 || words[at + 1]?.lower !== 'by' || !beForms.has(words[at - 1].lower)) return undefined
  let subjectEnd = at - 1
  if (words[subjectEnd - 1]?.lower === 'has' || words[subjectEnd - 1]?.lower === 'have') subjectEnd--
  const subject = words.slice(0, subjectEnd)
  const agent: typeof words = []
  for (let k = at + 2; k < words.length && agent.length < 9; k++) {
    if (['who', 'which', 'that', 'and', 'but', 'while'].includes(words[k].lower)) break
    if (agent.length && /[,;:(—–]/.test(sentence.text.slice(words[k - 1].end - sentence.start, words[k].start - sentence.start))) break
    agent.push(words[k])
  }
  if (!subject.length || subject.length > 8 || !agent.length || agent.length > 8) return undefined
  const slice = (list: typeof words) => sentence.text.slice(list[0].start - sentence.start, list[list.length - 1].end - sentence.start)
  if (/[,;:]/.test(slice(subject))) return undefined
  let subjectText = slice(subject)
  if (lowerable.has(subject[0].lower)) subjectText = subjectText[0].toLowerCase() + subjectText.slice(1)
  const verb = (Object.hasOwn(irregular, words[at].lower) ? irregular[words[at].lower] : undefined) ?? words[at].lower
  return `Causal claim with no source: who says ${slice(agent)} ${verb} ${subjectText}?`
}

/** The sentence without its trailing white space. */
function claimSpan(sentence: Sentence): {start: number; end: number} {
  const trimmed = sentence.text.replace(/\s+$/, '')
  return {start: sentence.start, end: sentence.start + trimmed.length}
}

/**
 * "They also said …" or "He added …" opening the next sentence presumes that
 * this sentence was already attributed to them.
 */
function laterAttributionEcho(sentence: Sentence, sentences: Sentence[], model: AttributionModel): {start: number; end: number; text: string} | undefined {
  const next = sentences[sentence.index + 1]
  if (!next || next.zone !== 'body' || next.paragraph - sentence.paragraph > 1) return undefined
  const attribution = model.sentences[next.index]
  if (attribution.kind !== 'speech' || !attribution.cue) return undefined
  const words = next.words
  const cueAt = words.findIndex((w) => w.start === attribution.cue!.start)
  // "They also said …", "He added …": both presume the source spoke just before.
  const continues = words[cueAt]?.lower === 'added' || words[cueAt]?.lower === 'adds'
  if (cueAt < 1 || cueAt > 4 || (words[cueAt - 1].lower !== 'also' && !continues)) return undefined
  // Only a personal pronoun presumes a source named before ("They also said"); "The company also said" may open one.
  const subject = words.slice(0, words[cueAt - 1].lower === 'also' ? cueAt - 1 : cueAt).filter((w) => !['but', 'and', 'however'].includes(w.lower))
  if (subject.length !== 1 || !['he', 'she', 'they'].includes(subject[0].lower)) return undefined
  const first = words[0]
  return {start: first.start, end: words[cueAt].end, text: next.text.slice(0, words[cueAt].end - next.start)}
}

/** Is the weasel cue followed by "that" ("observers note that …")? */
function followedByThat(sentence: Sentence, after: number): boolean {
  const next = sentence.words.find((w) => w.start >= after)
  return next?.lower === 'that'
}
