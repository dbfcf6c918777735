/**
 * inconsistent-figure: the same quantity given two values that cannot both
 * be true, in the headline and the body or at two places in the body.
 * Documentation: rules/inconsistent-figure.md.
 *
 * Thin: the figure model gives every figure with its value, approximation,
 * precision, unit, what it counts and the words around it; this rule pairs
 * figures that count the same thing and reports those that disagree.
 * "over 1,900" and 1,905 agree; "about 2,000" and 1,905 agree; "more than
 * 2,000" and 1,905 do not.
 */
import {defineRule} from '../src/rule.js'
import {modelOf} from '../src/article/index.js'
import type {Article, Sentence} from '../src/article/types.js'
import {buildFigures, cueOf, figuresAgree, sameThing, type Figure, type FigureModel} from '../src/model/figures.js'

export interface InconsistentFigureOptions {
  /** Compare the headline's figures with the body's. */
  headline: boolean
  /** Compare figures for the same thing at two places in the body. */
  body: boolean
  /** How many words of context two figures must share to be the same quantity (headline against body). */
  minSharedWords: number
}

/** Words that say a figure is a change, a comparison or a part: two values can then both be true. */
const comparisonWords = new Set([
  'from', 'previous', 'previously', 'prior', 'earlier', 'compared', 'versus', 'vs', 'against', 'another', 'more',
  'additional', 'further', 'other', 'total', 'whom', 'including', 'among', 'revised', 'initially', 'originally',
  'first', 'second', 'third', 'fourth', 'now', 'then', 'instead', 'target', 'forecast', 'expected', 'estimate',
  'estimated', 'each', 'per', 'average', 'averaged', 'remaining', 'rest', 'only', '+up', '+down'
])

const timePattern = /\b(?:1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|quarter|qtr|half|year|month|week|today|yesterday|tomorrow)\b/gi

const times = new WeakMap<Sentence, string[]>()

/** Time words of a sentence ("monday", "1986", "quarter"), cached. */
function timesOf(sentence: Sentence): string[] {
  let found = times.get(sentence)
  if (!found) times.set(sentence, (found = [...new Set([...sentence.text.toLowerCase().matchAll(timePattern)].map((m) => m[0].slice(0, 3)))]))
  return found
}

const lineStarts = new WeakMap<Article, number[]>()

/** The line of an offset, for the message ("line 5"). */
function lineOf(article: Article, offset: number): number {
  let starts = lineStarts.get(article)
  if (!starts) {
    starts = [0]
    for (let i = 0; i < article.text.length; i++) if (article.text.charCodeAt(i) === 10) starts.push(i + 1)
    lineStarts.set(article, starts)
  }
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}

function comparable(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'money' && a.unit !== b.unit) return false
  return true
}

/** The significant digits a figure is written with: 1,905 → "1905", 1,900 → "19", 3 mln → "3", 2.5 pct → "25". */
function digitsOf(figure: Figure): string | undefined {
  if (figure.low !== figure.high || figure.written || figure.step <= 0) return undefined
  const digits = Math.round(figure.value / figure.step)
  return Number.isFinite(digits) && digits > 0 ? String(digits) : undefined
}

/**
 * The slips of the keyboard that make most wrong figures: transposed digits (1,520 for 1,250; 45 for 54)
 * and a dropped or added zero (30 mln for 3 mln). Two such figures are one figure written twice, unless
 * the text says otherwise.
 */
export function typoPair(a: Figure, b: Figure): boolean {
  const x = digitsOf(a)
  const y = digitsOf(b)
  if (!x || !y || a.value === b.value) return false
  if (x === y) {
    const ratio = Math.max(a.value, b.value) / Math.min(a.value, b.value)
    return [10, 100, 1000].some((r) => Math.abs(ratio - r) < 1e-9 * r)
  }
  // The digits as written ("1,905" and "1,950"), with the same scale and unit.
  const u = writtenDigits(a)
  const v = writtenDigits(b)
  if (u === v || u.length !== v.length || u.length < 2) return false
  // The same scale: "4.6 mln" and "6.4 mln", not "4.6 mln" and "64,000".
  const scale = (f: Figure, d: string) => f.value / Number(d)
  if (Math.abs(scale(a, u) / scale(b, v) - 1) > 1e-9) return false
  return sortedDigits(u) === sortedDigits(v)
}

const writtenOf = new WeakMap<Figure, string>()
/** The digits of a figure's amount as written ("1,905" → "1905"), once per figure. */
function writtenDigits(figure: Figure): string {
  let digits = writtenOf.get(figure)
  if (digits === undefined) writtenOf.set(figure, (digits = figure.amount.replace(/\D/g, '')))
  return digits
}

const sortedOf = new Map<string, string>()
/** The digits in order ("1905" → "0159"), remembered (a few hundred strings at most per article). */
function sortedDigits(digits: string): string {
  let sorted = sortedOf.get(digits)
  if (sorted === undefined) {
    if (sortedOf.size > 10000) sortedOf.clear()
    sortedOf.set(digits, (sorted = [...digits].sort().join('')))
  }
  return sorted
}

/** Is what a figure counts named just before it ("the redshank total of 2,480", "a toll of 212")? */
function namedBefore(figure: Figure, head: string | undefined): boolean {
  return Boolean(head) && figure.subject.includes(head!)
}

/** For a typo pair: do the two figures count the same thing (same head noun, or the same unit and words)? */
function sameThingLoose(a: Figure, b: Figure): boolean {
  if (a.kind === 'count') {
    const aHead = a.counts?.head
    const bHead = b.counts?.head
    // "430 jobs" and "the 340 job losses": the head of one is a word of the other.
    if (aHead && bHead) return sameThing(a.counts, b.counts) >= 1 || b.counts!.words.includes(aHead) || a.counts!.words.includes(bHead)
    if (aHead && namedBefore(b, aHead)) return true
    if (bHead && namedBefore(a, bHead)) return true
    return false
  }
  const words = shared(a.context, b.context)
  const content = words.filter((w) => !w.startsWith('+'))
  // A change must go the same way ("fell 45 pct" and "a 54 pct drop").
  const direction = (f: Figure) => f.context.filter((w) => w === '+up' || w === '+down').join()
  if (direction(a) !== direction(b)) return false
  if (a.kind === 'percent') return content.length >= 1 && (a.counts === undefined || b.counts === undefined || sameThing(a.counts, b.counts) >= 0.8)
  return content.length >= 2
}

/** A crude stem, so that a headline's present tense meets the body's past ("kills", "killed"). */
function stem(word: string): string {
  return word.length > 5 ? word.replace(/(?:ing|ed|es|s)$/, '') : word
}

/** Words shared by a headline figure's context and a body figure's, compared by stem. */
function sharedStems(a: string[], b: string[]): string[] {
  const set = new Set(b.map(stem))
  return a.filter((w) => set.has(stem(w)) && w !== 'mln' && w !== 'pct')
}

function shared(a: string[], b: string[]): string[] {
  const set = new Set(b)
  return a.filter((w) => set.has(w) && w !== 'mln' && w !== 'pct')
}

export default defineRule<InconsistentFigureOptions>(
  {
    id: 'inconsistent-figure',
    category: 'figures',
    description: 'The same quantity given different values in the headline and the body, or at two places in the body.',
    level: 'warn',
    recommended: true,
    schema: {
      properties: {
        headline: {type: 'boolean'},
        body: {type: 'boolean'},
        minSharedWords: {type: 'integer', minimum: 1}
      }
    },
    defaults: {headline: true, body: true, minSharedWords: 2}
  },
  ({article, file, options, report}) => {
    const model: FigureModel = modelOf(file, 'figures', buildFigures)
    const body = model.figures.filter((f) => f.zone === 'body')
    const reported = new Set<Figure>()

    if (options.headline) {
      for (const figure of model.figures) {
        if (figure.zone !== 'headline') continue
        const candidates = body.filter((b) => comparable(figure, b))
        if (!candidates.length) continue
        // The headline's figure is given somewhere in the body: fine.
        // The headline's figure is given somewhere in the body (exactly, or as a fair rounding when the body
        // has no exact figure for the same thing): fine.
        const related = candidates.filter((b) => sharedStems(figure.context, b.context).length >= 1 || sameThing(figure.counts, b.counts) >= 0.8)
        const exact = related.filter((b) => b.approximation === 'exact' && sameThing(figure.counts, b.counts) >= 0.8)
        const pool = exact.length ? exact : candidates
        if ((exact.length ? exact : related).some((b) => figuresAgree(figure, b))) continue
        let best: {figure: Figure; score: number} | undefined
        for (const candidate of pool) {
          const score = sharedStems(figure.context, candidate.context).length + (sameThing(figure.counts, candidate.counts) >= 0.8 ? 1 : 0)
          if (!best || score > best.score || (score === best.score && candidate.start < best.figure.start)) best = {figure: candidate, score}
        }
        // A transposed or mistyped figure (1,520 for 1,250) needs less to be taken for the same quantity.
        if (!best || best.score < (typoPair(figure, best.figure) ? 1 : options.minSharedWords)) continue
        // A tie with a figure that agrees: not sure which quantity the headline gives.
        if (pool.some((b) => b !== best!.figure && figuresAgree(figure, b) && sharedStems(figure.context, b.context).length >= best!.score - 1)) continue
        const other = best.figure
        reported.add(figure)
        report({
          message: `The headline says ${figure.amount} but the body says ${other.amount} (line ${lineOf(article, other.start)}): check which is right`,
          start: figure.start,
          end: figure.end,
          quoted: figure.quoted,
          note: 'A headline figure that the story does not bear out is the first thing a reader (or a correction) will catch. Make the headline and the body give the same value, or say why they differ.',
          actual: figure.amount,
          expected: [other.amount],
          related: [{start: other.start, end: other.end, message: `the body gives ${other.amount} here`}],
          confidence: Math.min(0.9, 0.5 + best.score / 10),
          kind: 'headline-body'
        })
      }
    }

    if (options.body) {
      // Only figures of one kind, unit and counted noun can be the same quantity; within a group,
      // a figure is compared with the first few before it, which keeps long articles linear.
      const groups = new Map<string, Figure[]>()
      const flagged = new Map<string, number>()
      // Counts by each word of what they count, for slips across heads ("430 jobs", "the 340 job losses").
      const byWord = new Map<string, Figure[]>()
      for (const later of body) {
        const key = later.kind === 'count' ? `count:${later.counts?.head ?? ''}` : `${later.kind}:${later.unit}`
        if (later.kind === 'count' && !later.counts) {
          // "the redshank total of 2,480": what it counts is named before it; only a slip is reported then.
          if (reported.has(later)) continue
          const earlier = later.subject.flatMap((w) => (groups.get(`count:${w}`) ?? []).slice(0, 12)).find((e) => e.sentence !== later.sentence && !figuresAgree(e, later) && slip(e, later, model))
          if (earlier) reportBody(later, earlier)
          continue
        }
        const group = groups.get(key) ?? []
        groups.set(key, group)
        const earlierOnes = group.slice(0, 12)
        if (group.length < 12) group.push(later)
        if (later.kind === 'count') {
          for (const w of new Set(later.counts!.words)) {
            const list = byWord.get(w) ?? []
            byWord.set(w, list)
            for (const e of list) if (!earlierOnes.includes(e) && e.counts?.head !== later.counts!.head) earlierOnes.push(e)
            if (list.length < 12) list.push(later)
          }
        }
        if (reported.has(later)) continue
        // A quantity that disagrees again and again is one problem: three messages say it.
        if ((flagged.get(key) ?? 0) >= 3) continue
        for (const earlier of earlierOnes) {
          if (earlier.sentence === later.sentence || !comparable(earlier, later)) continue
          if (figuresAgree(earlier, later)) continue
          if (!sameQuantity(earlier, later, model) && !slip(earlier, later, model)) continue
          flagged.set(key, (flagged.get(key) ?? 0) + 1)
          reportBody(later, earlier)
          break
        }
      }
    }

    function reportBody(later: Figure, earlier: Figure): void {
      reported.add(later)
      report({
        message: `'${later.text}' disagrees with '${earlier.text}' (line ${lineOf(article, earlier.start)}): check which is right`,
        start: later.start,
        end: later.end,
        quoted: later.quoted,
        note: 'The same quantity should have one value throughout the story. If the figure changed (a new toll, a revision), say so and attribute both.',
        actual: later.amount,
        expected: [earlier.amount],
        related: [{start: earlier.start, end: earlier.end, message: `the first figure: ${earlier.text}`}],
        confidence: typoPair(earlier, later) ? 0.8 : 0.7,
        kind: 'body-body'
      })
    }
  }
)

/** Words just before a figure that say two values of a slip-like pair can both be true: a change, a comparison, a revision. */
const slipBefore = /\b(?:from|previous|previously|prior|compared(?: with| to)?|versus|vs|against|another|additional|further|revised|initially|originally|target|targets|forecast|forecasts|estimate|estimated|expected|average|averaged|instead of|rather than)\W+(?:\w+\W+){0,2}$/i
/** Words just after: "a year earlier", "last year", "previously". */
const slipAfter = /^\W*(?:\w+\W+){0,3}?(?:a year (?:earlier|ago|before)|last year|previously|the year before|in the previous)/i

/** A transposed or mistyped figure (`typoPair`) for the same thing, with nothing to say that both can be true. */
function slip(a: Figure, b: Figure, model: FigureModel): boolean {
  if (!typoPair(a, b) || !sameThingLoose(a, b)) return false
  for (const figure of [a, b]) {
    const offset = figure.sentence.start
    if (slipBefore.test(figure.sentence.text.slice(Math.max(0, figure.start - offset - 40), figure.start - offset))) return false
    if (slipAfter.test(figure.sentence.text.slice(figure.end - offset, figure.end - offset + 40))) return false
    if (/\b(?:from|to)\s*$/i.test(figure.sentence.text.slice(0, figure.start - figure.sentence.start))) return false
    if (model.figuresIn(figure.sentence).filter((f) => f.kind === figure.kind).length > (figure.kind === 'count' ? 2 : 1)) return false
  }
  // Different times next to the figures ("on Monday", "by Friday"): the figure may have changed.
  const aTimes = timesNear(a)
  const bTimes = timesNear(b)
  return !(aTimes.length && bTimes.length && !aTimes.some((t) => bTimes.includes(t)))
}

/** Time words of the few words around a figure (a long sentence's other times are not the figure's). */
function timesNear(figure: Figure): string[] {
  const from = Math.max(0, figure.start - figure.sentence.start - 50)
  const to = Math.min(figure.sentence.text.length, figure.end - figure.sentence.start + 30)
  return [...new Set([...figure.sentence.text.slice(from, to).toLowerCase().matchAll(timePattern)].map((m) => m[0].slice(0, 3)))]
}

/** Two body figures for the same quantity, with nothing to say that both can be true. */
function sameQuantity(a: Figure, b: Figure, model: FigureModel): boolean {
  for (const figure of [a, b]) {
    if (figure.context.some((w) => comparisonWords.has(w))) return false
    if (/\b(?:from|to)\s*$/i.test(figure.sentence.text.slice(0, figure.start - figure.sentence.start))) return false
    // A sentence of many figures of one kind (a table in prose) compares them.
    // Sums and percentages beside others of their kind are parts or comparisons ("$13m … as well as $15.5m").
    if (model.figuresIn(figure.sentence).filter((f) => f.kind === figure.kind).length > (figure.kind === 'count' ? 2 : 1)) return false
  }
  // Different times ("on Monday" and "by Friday"): the figure may have changed.
  const aTimes = timesOf(a.sentence)
  const bTimes = timesOf(b.sentence)
  if (aTimes.length && bTimes.length && !aTimes.some((t) => bTimes.includes(t))) return false
  if (a.kind === 'count') {
    if (!a.counts || !b.counts) return false
    if (sameThing(a.counts, b.counts) < 1) return false
    // A bare noun ("homes") is the same thing only with the same news verb around both ("destroyed 120 homes").
    const bare = Math.min(a.counts.words.length, b.counts.words.length) < 2 && a.counts.classes.length === 0
    // "French maize" and "free market maize" are different things: one phrase must contain the other.
    const aOnly = a.counts.words.filter((w) => !b.counts!.words.includes(w))
    const bOnly = b.counts.words.filter((w) => !a.counts!.words.includes(w))
    if (aOnly.length && bOnly.length) return false
    // The same verb or cue around both ("killed", "arrested").
    const aContext = a.context.filter((w) => !a.counts!.words.includes(w))
    const bContext = b.context.filter((w) => !b.counts!.words.includes(w))
    const around = shared(aContext, bContext)
    const cue = around.some((w) => cueOf(w) === 'casualty' || cueOf(w) === 'event')
    if (bare && !cue) return false
    // The same news verb and the same counted noun ("killed 46 people", "the quake killed 52 people").
    return around.length >= 2 || (cue && sameThing(a.counts, b.counts) >= 1 && a.subject.some((w) => b.subject.includes(w) && (cueOf(w) === 'casualty' || cueOf(w) === 'event')))
  }
  // Sums and percentages: the same words just before ("net loss of"), and more around.
  const subject = shared(a.subject, b.subject).filter((w) => !w.startsWith('+'))
  if (!subject.length || subject.length < Math.min(a.subject.length, b.subject.length, 2)) return false
  if ((a.counts || b.counts) && sameThing(a.counts, b.counts) < 0.8) return false
  return shared(a.context, b.context).length >= 2
}
