/**
 * missing-figure: a vague quantity where news would give a figure.
 * Documentation: rules/missing-figure.md.
 *
 * Thin: the figure model (`src/model/figures.ts`) finds every vague quantity
 * with what it counts and the signals around it; this rule weighs them and
 * reports. A subheading that promises a count ("Weapons Confiscated") whose
 * section gives none is an info finding.
 */
import {defineRule} from '../src/rule.js'
import type {ReportInput} from '../src/message.js'
import {modelOf} from '../src/article/index.js'
import type {Article, Section} from '../src/article/types.js'
import {buildFigures, cueOf, headingCountNouns, sameThing, singular, tokenize, type Figure, type FigureModel, type VagueQuantity} from '../src/model/figures.js'

export interface MissingFigureOptions {
  /** How much evidence a vague quantity needs before it is reported (about 1). */
  threshold: number
  /** Also report vague quantities inside direct quotations (as info). */
  quoted: boolean
  /** Check that a subheading promising a count ("Casualties") is followed by one. */
  sections: boolean
  /** Phrases to leave alone ("a handful of"), lower-case. */
  ignore: string[]
}

const base: Record<string, number> = {strong: 1, likely: 1, medium: 0.5, weak: 0.3, bare: 0.4, order: 0.3, loose: 0, honest: 0}
/** What a plural countable noun adds to each strength. */
const countableWeight: Record<string, number> = {medium: 0.5, order: 0.3}

/** The lede: the first sentence of the body. */
function ledeSentence(article: Article): number | undefined {
  return article.sentences.find((s) => s.zone === 'body')?.index
}

const cuesOf = new WeakMap<Figure, string[]>()
const cues = (words: string[]) => words.filter((w) => cueOf(w) === 'casualty' || cueOf(w) === 'event')
const indexes = new WeakMap<Figure[], Map<string, Figure[]>>()

/** Figures by what they count (head noun and noun classes), built once per article. */
function indexOf(figures: Figure[]): Map<string, Figure[]> {
  let index = indexes.get(figures)
  if (!index) {
    index = new Map()
    for (const figure of figures) {
      if (!figure.counts) continue
      const keys = new Set([`${figure.kind}:${figure.counts.head}`, ...figure.counts.classes.map((c) => `${figure.kind}:class:${c}`)])
      for (const key of keys) {
        const list = index.get(key) ?? []
        // A few places are enough to find the figure: keep long articles linear.
        if (list.length < 50) list.push(figure)
        index.set(key, list)
      }
    }
    indexes.set(figures, index)
  }
  return index
}

/** A figure elsewhere in the article for the same thing, if any. */
export function figureFor(vague: VagueQuantity, figures: Figure[]): Figure | undefined {
  if (!vague.counts) return undefined
  const kind = vague.kind === 'share' ? 'percent' : vague.kind
  let best: {figure: Figure; score: number} | undefined
  const vagueCues = cues(vague.context)
  const index = indexOf(figures)
  const candidates = new Set([...(index.get(`${kind}:${vague.counts.head}`) ?? []), ...vague.counts.classes.flatMap((c) => index.get(`${kind}:class:${c}`) ?? [])])
  for (const figure of candidates) {
    if (figure.sentence === vague.sentence || figure.kind !== kind || !figure.counts) continue
    // "Scores of passengers were killed" is not given by "212 passengers" aboard, nor by "87 rescued".
    let figureCues = cuesOf.get(figure)
    if (!figureCues) cuesOf.set(figure, (figureCues = cues(figure.context)))
    if (vagueCues.length && !vagueCues.some((w) => figureCues.includes(w))) continue
    const near = vague.context.filter((w) => figure.context.includes(w)).length + (vagueCues.length ? 2 : 0)
    const score = sameThing(vague.counts, figure.counts) + 0.02 * near + (figure.quoted ? -0.05 : 0) + (figure.zone === 'headline' ? -0.01 : 0)
    if (score >= 0.8 + 0.02 * near && (!best || score > best.score)) best = {figure, score}
  }
  return best?.figure
}

/** How strongly a vague quantity stands where a figure is expected (report at 1 or more). */
export function weigh(vague: VagueQuantity, context: {lede: boolean; elsewhere: boolean}): number {
  const s = vague.signals
  let score = base[vague.strength] ?? 0
  if (vague.kind === 'money' && (vague.strength === 'medium' || vague.strength === 'weak')) score = 0.7
  if (vague.kind === 'share') {
    if (s.sameKindFigure) score += 0.4
    else if (s.otherFigure) score += 0.2
  } else {
    if (s.casualty) score += 0.7
    if (s.event) score += 0.7
    else if (s.membership) score += 0.5
    if (s.payment) score += vague.kind === 'money' ? 0.5 : 0.3
    if (s.changeBy) score += 0.6
    if (s.enumeration) score += 0.6
    if (s.sameKindFigure) score += 0.4
    else if (s.otherFigure) score += 0.2
  }
  if (vague.kind === 'count') {
    // A plural countable noun: a count could stand there ("hundreds of objections were lodged").
    if (s.countable) score += countableWeight[vague.strength] ?? 0
    // Crowds and populations are estimated, not counted, unless something happened to them.
    if ((s.crowd || s.population) && !s.casualty && !s.event) score -= 0.5
    if (s.variety) score -= 0.6
    if (s.abstract) score -= 0.3
    if (s.deliberation || s.existential || s.distance) score -= 0.5
    if (s.unreal || s.hypothetical) score -= 0.5
  }
  if (context.lede || vague.zone === 'headline') score += 0.5
  if (context.elsewhere) score += vague.strength === 'weak' ? 0.5 : 0.8
  if (s.hypothetical && vague.kind === 'money') score -= 0.5
  // Sources and opinion holders ("several analysts said") are a sourcing matter; others who speak
  // ("a number of businesses said") still stand for a count.
  if (s.opinion) score -= s.speaker === false && vague.strength !== 'weak' ? 0 : 1
  if (s.idiom) score -= 2
  if (vague.strength === 'loose' || vague.strength === 'honest') score = Math.min(score, 0)
  return score
}

function describe(vague: VagueQuantity): string {
  if (vague.kind === 'share') return 'give the percentage or proportion'
  if (vague.kind === 'money') return 'give the sum'
  if (vague.signals.casualty) return 'give the number, with its source'
  return 'give the number'
}

export default defineRule<MissingFigureOptions>(
  {
    id: 'missing-figure',
    category: 'figures',
    description: 'Vague quantities where a figure is expected: “numerous members”, “millions of dollars”, “a significant share of”.',
    level: 'warn',
    recommended: true,
    schema: {
      properties: {
        threshold: {type: 'number', minimum: 0},
        quoted: {type: 'boolean'},
        sections: {type: 'boolean'},
        ignore: {type: 'array', items: {type: 'string'}}
      }
    },
    defaults: {threshold: 1, quoted: false, sections: true, ignore: []}
  },
  ({article, file, options, report}) => {
    const model: FigureModel = modelOf(file, 'figures', buildFigures)
    const lede = ledeSentence(article)
    const ignore = new Set(options.ignore.map((phrase) => phrase.toLowerCase()))
    for (const vague of model.vague) {
      if (!['body', 'headline', 'list-item'].includes(vague.zone)) continue
      if (vague.quoted && !options.quoted) continue
      if (ignore.has(vague.phrase.toLowerCase())) continue
      const context = {lede: vague.sentence.index === lede, elsewhere: false}
      // Look for the figure elsewhere only when it could tip the balance.
      const figure = weigh(vague, {...context, elsewhere: true}) >= options.threshold ? figureFor(vague, model.figures) : undefined
      const score = weigh(vague, {...context, elsewhere: Boolean(figure)})
      if (score < options.threshold) continue
      const what = vague.text
      if (figure) {
        const expected = figure.approximation === 'exact' ? `${figure.amount}${what.slice(vague.phrase.length)}` : undefined
        report({
          message: `'${what}' is vague: the article gives ${figure.text} elsewhere; use the figure`,
          start: vague.start,
          end: vague.end,
          quoted: vague.quoted,
          note: 'A reader trusts a number more than an impression, and the article already has it. Say how many, as the other paragraph does, or say why the two differ.',
          actual: what,
          expected: expected ? [expected] : undefined,
          related: [{start: figure.start, end: figure.end, message: `the figure is given here: ${figure.text}`}],
          confidence: Math.min(0.95, 0.5 + score / 4),
          kind: 'vague-quantity'
        })
        continue
      }
      report({
        message: `'${what}' is vague where a figure is expected: ${describe(vague)}`,
        start: vague.start,
        end: vague.end,
        quoted: vague.quoted,
        note:
          vague.kind === 'share'
            ? 'A share is a number: readers cannot weigh “a significant share” against anything. Give the percentage and its source.'
            : vague.kind === 'money'
              ? 'Sums are the first thing readers check. Give the amount (and currency) with its source, or say it was not disclosed.'
              : 'News counts what it reports: people killed, displaced or arrested, jobs, votes, sales. Give the number with its source, or say that it is not known.',
        actual: what,
        confidence: Math.min(0.9, 0.4 + score / 4),
        kind: 'vague-quantity'
      })
    }
    if (options.sections) checkSections(article, model, report)
  }
)

/** A subheading that promises a count whose section never gives a figure: info. */
function checkSections(article: Article, model: FigureModel, report: (input: ReportInput) => void): void {
  const nouns = headingCountNouns()
  for (const section of article.sections) {
    const heading = section.heading
    if (!heading || !section.paragraphs.length) continue
    const promised = tokenize(heading.text, heading.start).filter((t) => nouns.has(t.lower))
    if (!promised.length) continue
    if (sectionHasFigure(section, model)) continue
    const words = new Set(promised.map((t) => singular(t.lower)))
    const sentences = section.paragraphs.flatMap((p) => p.sentences)
    const target = sentences.find((s) => s.words.some((w) => words.has(singular(w.lower)))) ?? sentences[0]
    if (!target) continue
    const noun = promised[0].text.toLowerCase()
    report({
      message: `The section '${heading.text.trim()}' promises a count but gives no figure: say how many ${noun}`,
      start: target.start,
      end: target.end,
      weak: true,
      note: 'A subheading that announces weapons seized, casualties or arrests leads readers to expect a number. Give it (with its source), or say it is not known, or retitle the section.',
      related: [{start: heading.start, end: heading.end, message: 'the subheading'}],
      confidence: 0.5,
      kind: 'unquantified-section'
    })
  }
}

function sectionHasFigure(section: Section, model: FigureModel): boolean {
  for (const paragraph of section.paragraphs) {
    for (const sentence of paragraph.sentences) {
      if (model.figuresIn(sentence).some((f) => !(f.kind === 'count' && f.counts && /^(?:year|decade|month|week|day|hour|time)$/.test(f.counts.head ?? '')))) return true
    }
  }
  return false
}
