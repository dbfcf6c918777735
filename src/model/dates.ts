/**
 * The date model of an article: every temporal expression, anchored on the
 * publication date.
 *
 * - absolute dates via chrono-node (reference = publication date), keeping
 *   which parts were stated (day, month, year, weekday) and which implied;
 * - relative expressions newsrooms use ("yesterday", "last month", "earlier
 *   this month"), with the window of days they can refer to;
 * - impossible dates ("February 30"), which chrono-node drops;
 * - the tense of the verb that governs a date (past, future) where it is
 *   unambiguous;
 * - events named by the words of `event-words.tsv` (fall/toppled/ousting,
 *   fled/fleeing…), dated where a sentence gives them a date, and linked by
 *   "after", "following", "before", "since", "prior to", "in the wake of".
 *
 * Knows only the article model and its lexicons; computed once per file.
 */
import * as chrono from 'chrono-node'
import type {Article, Sentence, Span, Word, Zone} from '../article/types.js'
import {monthNames} from '../article/dateline.js'

const monthsByName = new Map(Object.entries(monthNames))
import {quotationAt} from '../article/quotes.js'
import {loadJsonLexicon, loadTable, WordKeys} from './lexicon.js'

export interface CalendarDate {
  year: number
  month: number
  day: number
}

/** The day an expression names: its date, or the day a past-tense weekday implies ("on Wednesday"). */
export function dayOfExpression(e: {date?: CalendarDate; impliedDate?: CalendarDate}): number {
  return dayNumber((e.date ?? e.impliedDate)!)
}

/** Days since 1970-01-01 (UTC), for arithmetic on calendar dates. */
export function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000)
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * 86_400_000)
  return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate()}
}

export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined ? 29 : isLeapYear(year) ? 29 : 28
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
}

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
export const monthFullNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return match ? {year: Number(match[1]), month: Number(match[2]), day: Number(match[3])} : undefined
}

export function formatDate(date: CalendarDate, withYear = true): string {
  return `${monthFullNames[date.month - 1]} ${date.day}${withYear ? `, ${date.year}` : ''}`
}

/** The year of `month`/`day` nearest the reference day (how readers resolve "March 3" in a dated article). */
export function nearestYear(month: number, day: number, reference: number): {year: number; distance: number; runnerUp: number} {
  const refYear = fromDayNumber(reference).year
  const candidates = [refYear - 1, refYear, refYear + 1]
    .filter((year) => day <= daysInMonth(year, month))
    .map((year) => ({year, distance: Math.abs(dayNumber({year, month, day}) - reference)}))
    .sort((a, b) => a.distance - b.distance)
  // A day the month never has ("Feb 30" in a dateline): no year fits.
  if (candidates.length === 0) return {year: refYear, distance: Infinity, runnerUp: Infinity}
  return {year: candidates[0].year, distance: candidates[0].distance, runnerUp: candidates[1]?.distance ?? Infinity}
}

export type Tense = 'past' | 'future' | 'unknown'

/** An absolute date (or a weekday) as written, with what was stated and what is implied. */
export interface TemporalExpression extends Span {
  text: string
  sentence: number
  zone: Zone
  quoted: boolean
  /** The parts stated in the text. */
  stated: {year?: number; month?: number; day?: number; weekday?: number}
  /** Resolved calendar date, when day and month are stated (year stated or nearest the publication date). */
  date?: CalendarDate
  /** The year was not stated and there is no publication date to infer it. */
  yearUnknown: boolean
  /** The year was inferred but the other candidate year is nearly as near. */
  yearAmbiguous: boolean
  /** The nearest year named before the date in its sentence ("fiscal 1986 ended June 30"), when the date states none. */
  contextYear?: number
  /** A weekday alone told in the past ("fled on Wednesday"): the last such day on or before publication, for chronology only. */
  impliedDate?: CalendarDate
  /** Where the weekday name is, when one is stated. */
  weekday?: Span
  /** "last Thursday, Nov. 9": the weekday is itself relative. */
  weekdayRelative?: 'last' | 'next' | 'this'
  /** Where the date proper begins (after the weekday and a leading "on"). */
  dateStart: number
  /** A range ("March 3-5", "from … to …"). */
  range: boolean
  /** Tense of the verb that governs the date. */
  tense: Tense
  /** The word that decided the tense. */
  verb?: Span & {text: string}
  /** The preposition right before the date ("on", "until", "since"…). */
  preposition?: string
  /** How the date is written, when it has a day and a month. */
  style?: DateStyle
}

/** How a day-and-month date is written: "Dec. 8", "8 December", "December 8th". */
export interface DateStyle {
  order: 'month-day' | 'day-month'
  month: 'abbreviated' | 'full'
  ordinal: boolean
  /** Where the day and the month are ("Dec. 8" of "on Thursday, Dec. 8, 2024"). */
  start: number
  end: number
  monthNumber: number
  day: number
}

export type RelativeKey =
  | 'yesterday' | 'today' | 'tonight' | 'tomorrow'
  | 'last week' | 'this week' | 'next week' | 'earlier this week' | 'later this week'
  | 'last month' | 'this month' | 'next month' | 'earlier this month' | 'later this month'
  | 'last year' | 'this year' | 'next year' | 'earlier this year' | 'later this year'
  | 'days ago' | 'weeks ago'
  | 'last night' | 'this morning' | 'this afternoon' | 'this evening'

/** Relative expressions that name one day: a weekday beside them must be that day's. */
export const dayRelatives = new Map<RelativeKey, number>([
  ['yesterday', -1], ['last night', -1], ['today', 0], ['tonight', 0], ['this morning', 0], ['this afternoon', 0], ['this evening', 0], ['tomorrow', 1]
])

/** A relative expression ("yesterday", "earlier this month"). */
export interface RelativeExpression extends Span {
  text: string
  key: RelativeKey
  /** How many days or weeks, for "three days ago". */
  count?: number
  sentence: number
  zone: Zone
  quoted: boolean
  /** The absolute date written right beside it ("yesterday, on April 1"), if any. */
  paired?: TemporalExpression
  /** A weekday in apposition ("yesterday, Monday,", "Monday (today)"), for a relative that names one day. */
  pairedWeekday?: TemporalExpression
}

/** A relative weekday ("on Thursday") with no date beside it. */
export interface RelativeWeekday extends Span {
  text: string
  weekday: number
  sentence: number
  zone: Zone
  quoted: boolean
}

export interface ImpossibleDate extends Span {
  text: string
  month: number
  day: number
  year?: number
  /** The year was not written: it is the publication year. */
  yearImplied: boolean
  sentence: number
  zone: Zone
  quoted: boolean
}

/**
 * How a word names an event: a word of `event-words.tsv` (or a form sharing its
 * stem), a past-tense verb, a nominalisation ("evacuation", "hearing",
 * "closure"), or the head noun of a definite noun phrase ("the storm").
 */
export type EventKind = 'lexicon' | 'verb' | 'noun' | 'head'

export interface EventMention extends Span {
  text: string
  /** The event group (`fall`, `flight`…), or `~stem` for a word outside the lexicon (`~evacu`, `~hear`). */
  group: string
  kind: EventKind
  sentence: number
  quoted: boolean
  /** The date the sentence gives this event, if any. `events` holds only dated mentions. */
  dated?: TemporalExpression
  /** Stems of the content words around it in its clause ("levee" of "the levee gave way"). */
  near?: string[]
  /** Its date is a plan ("is set for June 1", "will be held on"). */
  planned?: boolean
}

export interface EventLink extends Span {
  /** `later` happened after `earlier`, as the sentence tells it. */
  later: EventMention
  earlier: EventMention
  connector: Span & {text: string}
  sentence: number
  quoted: boolean
  /** "two days after", "a week before", "the day after": the gap the sentence states, in days. */
  interval?: {days: number; tolerance: number; text: string}
  /** The dated mentions that can be each side's event: its own sentence's date when it has one, else the article's. */
  laterDated: EventMention[]
  earlierDated: EventMention[]
}

export interface DateModel {
  /** Days from the publication date to the dateline's day, when both are given. */
  datelineGap?: number
  /** Publication date (day number) and, for wire copy, the dateline's day. */
  reference?: {date: CalendarDate; day: number; source: string; dateline?: number}
  expressions: TemporalExpression[]
  relatives: RelativeExpression[]
  relativeWeekdays: RelativeWeekday[]
  impossible: ImpossibleDate[]
  events: EventMention[]
  /** "A after B" links whose events may be dated: some sentence of the body that gives a day names each, or the link's own sentence gives one. */
  links: EventLink[]
  /** "Two days later, on May 9": a date given as an interval from the dates just before it. */
  sequels: Sequel[]
}

export interface Sequel extends Span {
  /** The interval as written ("Two days later"). */
  text: string
  /** Signed days from the anchor: +2 for "two days later", -1 for "the day before". */
  days: number
  tolerance: number
  date: TemporalExpression
  /** The day-level dates just before it (its sentence, and the sentence before): one of them must fit. */
  anchors: TemporalExpression[]
  sentence: number
  quoted: boolean
}

interface TenseLexicon {
  pastIrregular: string[]
  notPast: string[]
  futureParticiples: string[]
  modals: string[]
  future: string[]
  pastMarkers: string[]
  datePrepositions: string[]
  particles: string[]
  reporting: string[]
  determiners: string[]
  records: string[]
  reportingPast: string[]
  scanStops: string[]
  complement: string[]
  topicStops: string[]
  eventStops: string[]
  timeWords: string[]
  clauseStops: string[]
  functionWords: string[]
}

let tenseLexicon:
  | {past: Set<string>; notPast: Set<string>; futureParticiples: Set<string>; modals: Set<string>; future: Set<string>; prepositions: Set<string>; particles: Set<string>; reporting: Set<string>; determiners: Set<string>; records: Set<string>; reportingPast: Set<string>; scanStops: Set<string>; complement: Set<string>; topicStops: Set<string>; eventStops: Set<string>; timeWords: Set<string>; clauseStops: Set<string>; functionWords: Set<string>}
  | undefined

function lexicon() {
  if (!tenseLexicon) {
    const raw = loadJsonLexicon<TenseLexicon>('date-tense.json')
    tenseLexicon = {
      past: new Set(raw.pastIrregular),
      notPast: new Set(raw.notPast),
      futureParticiples: new Set(raw.futureParticiples),
      modals: new Set(raw.modals),
      future: new Set(raw.future),
      prepositions: new Set(raw.datePrepositions),
      particles: new Set(raw.particles),
      reporting: new Set(raw.reporting),
      determiners: new Set(raw.determiners),
      records: new Set(raw.records),
      reportingPast: new Set(raw.reportingPast),
      scanStops: new Set(raw.scanStops),
      complement: new Set(raw.complement),
      topicStops: new Set(raw.topicStops),
      eventStops: new Set(raw.eventStops),
      timeWords: new Set(raw.timeWords),
      clauseStops: new Set(raw.clauseStops),
      functionWords: new Set(raw.functionWords)
    }
  }
  return tenseLexicon
}

let eventIndex: Map<string, string> | undefined

/** Word → event group, from `event-words.tsv`. */
export function eventGroups(): Map<string, string> {
  if (!eventIndex) {
    eventIndex = new Map()
    for (const [group, words] of loadTable('event-words.tsv')) {
      for (const word of (words[0] ?? '').split(/\s+/)) if (word) eventIndex.set(word.toLowerCase(), group)
    }
  }
  return eventIndex
}

const monthPattern = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
const weekdayPattern = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`

/** A weekday as written, in full or abbreviated ("Thurs.", "Tue"). */
export const weekdayToken = /\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?)/

const dayAndMonth = new RegExp(
  String.raw`\b${monthPattern}\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${monthPattern}(?![a-z])`,
  'g'
)
const weekdayAlone = new RegExp(String.raw`\b(?:(?:last|next|this)\s+)?${weekdayPattern}\b`, 'g')

/**
 * chrono-node's casual English parser, kept to the parsers that read a day
 * and a month (and a weekday beside them): the windows hold nothing else
 * worth reading, and the other parsers double the cost.
 */
let dayParser: chrono.Chrono | undefined
const dayParsers = new Set(['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENMonthNameParser'])

function parser(): chrono.Chrono {
  if (!dayParser) {
    dayParser = chrono.casual.clone()
    const kept = dayParser.parsers.filter((p) => dayParsers.has(p.constructor.name))
    // Should a chrono-node release rename its parsers, keep them all rather than none.
    if (kept.length >= 3) dayParser.parsers = kept
  }
  return dayParser
}

function parseWindow(value: string, instant: Date): chrono.ParsedResult[] {
  try {
    return parser().parse(value, {instant, timezone: 0}, {forwardDate: false})
  } catch {
    // A parser failure must not stop the linter: this window simply holds no date.
    return []
  }
}

/** Windows of a sentence worth chrono's time: a day and a month, with room for a weekday before and a year after. */
function dateWindows(value: string): Array<[number, number]> {
  const windows: Array<[number, number]> = []
  for (const match of value.matchAll(dayAndMonth)) {
    let from = Math.max(0, match.index - 26)
    if (from > 0) {
      const space = value.indexOf(' ', from)
      from = space >= 0 && space < match.index ? space + 1 : match.index
    }
    let to = Math.min(value.length, match.index + match[0].length + 16)
    const space = value.indexOf(' ', to)
    to = space < 0 ? value.length : space
    const last = windows[windows.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else windows.push([from, to])
  }
  return windows
}

function weekdayExpression(match: RegExpMatchArray, sentence: Sentence, start: number, text: string, quotedAt: (offset: number) => boolean): TemporalExpression {
  const relative = /^(last|next|this)\s+/i.exec(match[0])
  const weekdayStart = start + (relative ? relative[0].length : 0)
  const name = match[0].slice(relative ? relative[0].length : 0)
  const expression: TemporalExpression = {
    start,
    end: start + match[0].length,
    text: match[0],
    sentence: sentence.index,
    zone: sentence.zone,
    quoted: quotedAt(start),
    stated: {weekday: weekdayIndex(name)},
    yearUnknown: false,
    yearAmbiguous: false,
    weekday: {start: weekdayStart, end: start + match[0].length},
    dateStart: start,
    range: false,
    tense: 'unknown'
  }
  if (relative) expression.weekdayRelative = relative[1].toLowerCase() as 'last' | 'next' | 'this'
  Object.assign(expression, tenseOf(sentence, expression, text))
  return expression
}

function weekdayIndex(name: string): number {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(name.slice(0, 3).toLowerCase())
}

/** Cheap pre-test: can this sentence hold a date worth chrono's time? */
const mayHoldDate = new RegExp(
  String.raw`\b${monthPattern}(?=[\s,]+\d)|\b\d{1,2}\s+${monthPattern}\b|\b${weekdayPattern}\b|\b(?:yesterday|today|tonight|tomorrow)\b|\b(?:last|this|next)\s+(?:week|month|year)\b|\blast\s+night\b|\bthis\s+(?:morning|afternoon|evening)\b`
)

const relativePattern =
  /\b(?:(earlier|later)\s+this\s+(week|month|year)|(last|this|next)\s+(week|month|year)|(yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\s+ago)\b/gi

// Maps, not objects: a word looked up in an object is interned first, and "constructor" is in every object.
const counts = new Map(Object.entries({a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10}))

/** Month then day, or day then month, where the day is past the month's end. */
const impossiblePattern = new RegExp(
  String.raw`\b(?:(${monthPattern})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[-–]\s*\d)(?:,?\s+(\d{4}))?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${monthPattern})(?:,?\s+(\d{4}))?)`,
  'g'
)

const connectors: Array<{words: string[]; relation: 'after' | 'before'}> = [
  {words: ['in', 'the', 'wake', 'of'], relation: 'after'},
  {words: ['in', 'the', 'aftermath', 'of'], relation: 'after'},
  {words: ['prior', 'to'], relation: 'before'},
  {words: ['ahead', 'of'], relation: 'before'},
  {words: ['followed', 'by'], relation: 'before'},
  {words: ['preceded', 'by'], relation: 'after'},
  {words: ['followed'], relation: 'after'},
  {words: ['preceded'], relation: 'before'},
  {words: ['after'], relation: 'after'},
  {words: ['following'], relation: 'after'},
  {words: ['since'], relation: 'after'},
  {words: ['before'], relation: 'before'}
]

function monthOf(name: string): number | undefined {
  return monthsByName.get(name.replace('.', '').toLowerCase())
}

function isDateZone(zone: Zone): boolean {
  return zone === 'body' || zone === 'blockquote' || zone === 'list-item' || zone === 'caption' || zone === 'headline' || zone === 'subheading'
}

export function buildDates(article: Article): DateModel {
  const model: DateModel = {expressions: [], relatives: [], relativeWeekdays: [], impossible: [], events: [], links: [], sequels: []}
  const published = article.published ? parseIsoDate(article.published.date) : undefined
  if (published) {
    const day = dayNumber(published)
    model.reference = {date: published, day, source: article.published!.source}
    const dl = article.dateline
    if (dl?.month && dl.day && dl.day <= daysInMonth(undefined, dl.month)) {
      const year = nearestYear(dl.month, dl.day, day).year
      const dateline = dayNumber({year, month: dl.month, day: dl.day})
      if (Math.abs(dateline - day) <= 3) model.reference.dateline = dateline
      model.datelineGap = dateline - day
    }
  }
  const instant = published ? new Date(Date.UTC(published.year, published.month - 1, published.day, 12)) : new Date(Date.UTC(2000, 6, 1, 12))
  const text = article.text
  const quotedAt = (offset: number) => quotationAt(article.quotations, offset) !== undefined
  const inDateline = (offset: number) => article.dateline !== undefined && offset >= article.dateline.start && offset < article.dateline.end

  for (const sentence of article.sentences) {
    if (!isDateZone(sentence.zone)) continue
    const value = sentence.text
    findImpossible(model, sentence, quotedAt)
    if (!mayHoldDate.test(value)) continue
    // chrono-node runs only on small windows around what looks like a day and a month
    // ("on Thursday, Oct. 31, 2017"), never on whole sentences: it is the costly part.
    const found: TemporalExpression[] = []
    const seen = new Set<number>()
    for (const [from, to] of dateWindows(value)) {
      for (const result of parseWindow(value.slice(from, to), instant)) {
        const start = sentence.start + from + result.index
        if (inDateline(start) || seen.has(start)) continue
        seen.add(start)
        const expression = toExpression(result, sentence, start, model, text, quotedAt)
        if (expression) found.push(expression)
      }
    }
    // Weekdays alone ("on Thursday") need no parser.
    for (const match of value.matchAll(weekdayAlone)) {
      const start = sentence.start + match.index
      if (inDateline(start) || found.some((e) => start < e.end && start + match[0].length > e.start)) continue
      found.push(weekdayExpression(match, sentence, start, text, quotedAt))
    }
    found.sort((a, b) => a.start - b.start)
    const merged = mergeWeekdays(found, text)
    // "Police evacuated the lower valley on Wednesday": in the past, the last Wednesday on or before the (local) publication day.
    if (model.reference) {
      const local = model.reference.dateline ?? model.reference.day
      for (const e of merged) {
        if (e.date || e.stated.weekday === undefined || e.weekdayRelative === 'next' || e.weekdayRelative === 'this' || e.tense === 'future') continue
        if (e.tense !== 'past' && !toldInPast(sentence, e.start, text)) continue
        const back = (weekdayOf(fromDayNumber(local)) - e.stated.weekday + 7) % 7
        e.impliedDate = fromDayNumber(local - (e.weekdayRelative === 'last' && back === 0 ? 7 : back))
      }
    }
    model.expressions.push(...merged)
    findRelatives(model, merged, sentence, text, quotedAt)
  }
  findEvents(model, article)
  findSequels(model, article)
  return model
}

function toExpression(
  result: chrono.ParsedResult,
  sentence: Sentence,
  start: number,
  model: DateModel,
  text: string,
  quotedAt: (offset: number) => boolean
): TemporalExpression | undefined {
  const c = result.start
  const stated: TemporalExpression['stated'] = {}
  for (const part of ['year', 'month', 'day', 'weekday'] as const) {
    if (c.isCertain(part)) stated[part] = c.get(part) ?? undefined
  }
  // Relative results ("yesterday", "this month", "last week") are modelled by findRelatives.
  const tags = [...result.tags()].join(' ')
  if (/casualReference|relativeDate/.test(tags)) return undefined
  if (!/\d/.test(result.text) && stated.weekday === undefined) return undefined
  // Times of day alone and bare numbers are not dates.
  if (stated.month === undefined && stated.weekday === undefined) return undefined
  const end = start + result.text.length
  const expression: TemporalExpression = {
    start,
    end,
    text: result.text,
    sentence: sentence.index,
    zone: sentence.zone,
    quoted: quotedAt(start),
    stated,
    yearUnknown: false,
    yearAmbiguous: false,
    dateStart: start,
    range: Boolean(result.end),
    tense: 'unknown'
  }
  const weekdayMatch = weekdayToken.exec(result.text)
  if (stated.weekday !== undefined && weekdayMatch) {
    expression.weekday = {start: start + weekdayMatch.index, end: start + weekdayMatch.index + weekdayMatch[0].length}
    const relative = /\b(last|next|this)\s+$/i.exec(result.text.slice(0, weekdayMatch.index))
    if (relative) expression.weekdayRelative = relative[1].toLowerCase() as 'last' | 'next' | 'this'
  }
  const lead = /^(?:on|from|by|since|until|in|at)\s+/i.exec(result.text)
  expression.dateStart = start + (lead ? lead[0].length : 0)
  if (lead) {
    expression.preposition = lead[0].trim().toLowerCase()
    expression.start = expression.dateStart
    expression.text = text.slice(expression.start, end)
  }
  if (stated.month !== undefined && stated.day !== undefined) {
    expression.style = styleOf(text.slice(expression.start, end), expression.start, stated.month, stated.day)
    if (stated.year !== undefined) {
      expression.date = {year: stated.year, month: stated.month, day: stated.day}
    } else if (model.reference) {
      const near = nearestYear(stated.month, stated.day, model.reference.day)
      expression.date = {year: near.year, month: stated.month, day: stated.day}
      expression.yearAmbiguous = near.distance > 120 || near.runnerUp - near.distance < 90
      const years = [...text.slice(sentence.start, start).matchAll(/\b(1[89]\d\d|20\d\d)(?:[/-](\d\d)\b)?/g)]
      const last = years[years.length - 1]
      if (last) expression.contextYear = last[2] ? Number(last[1].slice(0, 2) + last[2]) : Number(last[1])
      // "elected on Dec. 12 last year": the year follows the date.
      const following = /^\s*,?\s*(?:(last|this|next)\s+year\b|(?:of|in)\s+(1[89]\d\d|20\d\d)\b)/i.exec(text.slice(end, end + 30))
      if (following) {
        const refYear = model.reference.date.year
        expression.contextYear = following[2] ? Number(following[2]) : refYear + ({last: -1, this: 0, next: 1} as Record<string, number>)[following[1].toLowerCase()]
      }
    } else {
      expression.yearUnknown = true
      expression.date = {year: 2000, month: stated.month, day: stated.day}
    }
  }
  Object.assign(expression, tenseOf(sentence, expression, text))
  return expression
}

const monthWord = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(\.?)`

const monthDayPattern = new RegExp(String.raw`\b${monthWord}\s+(\d{1,2})(st|nd|rd|th)?\b`)
const dayMonthPattern = new RegExp(String.raw`\b(\d{1,2})(st|nd|rd|th)?\s+(?:of\s+)?${monthWord}(?![a-z])`)

function styleOf(value: string, offset: number, month: number, day: number): DateStyle | undefined {
  const monthDay = monthDayPattern.exec(value)
  const dayMonth = dayMonthPattern.exec(value)
  const pick = monthDay && (!dayMonth || monthDay.index <= dayMonth.index) ? 'month-day' : dayMonth ? 'day-month' : undefined
  if (!pick) return undefined
  const match = (pick === 'month-day' ? monthDay : dayMonth)!
  const name = pick === 'month-day' ? match[1] : match[3]
  const dot = pick === 'month-day' ? match[2] : match[4]
  const full = monthFullNames[month - 1]
  return {
    order: pick,
    month: name.length < full.length || dot === '.' ? 'abbreviated' : 'full',
    ordinal: Boolean(pick === 'month-day' ? match[4] : match[2]),
    start: offset + match.index,
    end: offset + match.index + match[0].length - (pick === 'day-month' && dot === '.' && name === full ? 1 : 0),
    monthNumber: month,
    day
  }
}

/**
 * chrono-node reads "Thursday (Nov. 2)" and "Nov. 2, a Thursday" as two
 * expressions: join the weekday to its date so that the pair can be checked.
 */
function mergeWeekdays(found: TemporalExpression[], text: string): TemporalExpression[] {
  const result: TemporalExpression[] = []
  for (let i = 0; i < found.length; i++) {
    const a = found[i]
    const b = found[i + 1]
    if (b && a.weekday && a.stated.day === undefined && b.date && b.stated.weekday === undefined && /^\s*\(\s*$/.test(text.slice(a.end, b.start))) {
      const close = /^\s*\)/.exec(text.slice(b.end))
      result.push({...b, start: a.start, end: b.end + (close ? close[0].length : 0), text: text.slice(a.start, b.end + (close ? close[0].length : 0)), weekday: a.weekday, stated: {...b.stated, weekday: a.stated.weekday}, preposition: a.preposition ?? b.preposition, tense: a.tense !== 'unknown' ? a.tense : b.tense, verb: a.verb ?? b.verb})
      i++
      continue
    }
    if (b && a.date && a.stated.weekday === undefined && b.weekday && b.stated.day === undefined && /^(?:,\s+an?\s+|\s*\(\s*)$/.test(text.slice(a.end, b.weekday.start))) {
      const close = /^\s*\)/.exec(text.slice(b.weekday.end))
      const end = b.weekday.end + (close ? close[0].length : 0)
      result.push({...a, end, text: text.slice(a.start, end), weekday: b.weekday, stated: {...a.stated, weekday: b.stated.weekday}})
      i++
      continue
    }
    result.push(a)
  }
  return result
}

/** "began clearing the coastal road on Wednesday": a past verb earlier in the clause, and no modal or future word before the date. */
function toldInPast(sentence: Sentence, at: number, text: string): boolean {
  const lex = lexicon()
  const before = sentence.words.filter((w) => w.end <= at)
  if (before.some((w) => lex.future.has(w.lower) || lex.futureParticiples.has(w.lower) || /^(?:would|may|might|could|should|must|can|to|is|are|am)$/.test(w.lower))) return false
  for (let k = before.length - 1; k >= Math.max(0, before.length - 7); k--) {
    if (/[,;:()–—]/.test(text.slice(before[k].end, before[k + 1]?.start ?? at))) return false
    if (isPastVerb(before[k].lower) && !lex.reportingPast.has(before[k].lower)) return true
  }
  return false
}

function isPastVerb(word: string): boolean {
  const lex = lexicon()
  if (lex.past.has(word)) return true
  if (lex.notPast.has(word) || lex.futureParticiples.has(word)) return false
  return /^[a-z]{3,}ed$/.test(word) && !/eed$/.test(word)
}

const onlySpace = /^\s*$/

/**
 * The tense of the verb that governs a date: the verb right before it
 * ("ended on Nov. 22"), right after it ("on Dec. 2 partially granted"), or a
 * marker ("as recently as"). Unknown unless the sentence says it plainly.
 */
export function tenseOf(sentence: Sentence, expression: Pick<TemporalExpression, 'start' | 'end' | 'preposition'>, text: string): {tense: Tense; verb?: Span & {text: string}; preposition?: string} {
  const lex = lexicon()
  const words = sentence.words
  let before = -1
  for (let i = words.length - 1; i >= 0; i--) if (words[i].end <= expression.start) { before = i; break }
  let after = words.findIndex((w) => w.start >= expression.end)
  let preposition = expression.preposition
  let i = before
  // A preposition right before the date ("ended on", "held in").
  if (preposition && i >= 0 && words[i].lower === preposition) i--
  else if (i >= 0 && !preposition && /^(on|in|at|by|until|till|through|to|for|from|since|before|after)$/.test(words[i].lower) && onlySpace.test(text.slice(words[i].end, expression.start))) {
    preposition = words[i].lower
    i--
  }
  const verbSpan = (w: Word) => ({start: w.start, end: w.end, text: w.text})
  // "as recently as Dec. 15"
  if (i >= 1 && words[i].lower === 'as' && words[i - 1].lower === 'recently' && (i < 2 || words[i - 2].lower === 'as')) {
    return {tense: 'past', verb: {start: words[i - 2]?.start ?? words[i - 1].start, end: words[i].end, text: text.slice(words[i - 2]?.start ?? words[i - 1].start, words[i].end)}, preposition}
  }
  if (preposition === undefined || preposition === 'on' || preposition === 'in' || preposition === 'at') {
    // The verb right before: "ended on Nov. 22", "was signed on", "will meet on".
    if (i >= 0 && onlySpace.test(text.slice(words[i].end, preposition ? words[i + 1].start : expression.start))) {
      let v = i
      if (/ly$/.test(words[v].lower) && v > 0) v--
      const next = after >= 0 ? words[after].lower : ''
      if (lex.particles.has(words[v].lower) && v > 0 && onlySpace.test(text.slice(words[v - 1].end, words[v].start))) {
        // "took place on", "took office on", "stepped down on".
        v--
      } else if (!isPastVerb(words[v].lower) && !lex.future.has(words[v].lower) && !lex.modals.has(next) && !/^(?:is|are|was|were)$/.test(next)) {
        // "announced the deal on Dec. 2": a past verb and a short object ("said the vote on Dec. 15 would…" is not).
        for (let d = v; d >= Math.max(1, v - 2); d--) {
          if (!lex.determiners.has(words[d].lower)) continue
          const verb = words[d - 1].lower
          if (isPastVerb(verb) && !lex.reporting.has(verb) && /^[\s\p{L}\p{N}'’-]*$/u.test(text.slice(words[d - 1].end, words[v].end))) v = d - 1
          break
        }
      }
      const word = words[v].lower
      const aux = words.slice(Math.max(0, v - 3), v).map((w) => w.lower)
      if (lex.future.has(word) || aux.some((a) => lex.future.has(a))) {
        const at = Math.max(0, v - 3) + words.slice(Math.max(0, v - 3), v + 1).findIndex((w) => lex.future.has(w.lower))
        const last = words[Math.min(v, at + 1)]
        return {tense: 'future', verb: {start: words[at].start, end: last.end, text: text.slice(words[at].start, last.end)}, preposition}
      }
      if (isPastVerb(word)) {
        if (aux.some((a) => lex.modals.has(a) || lex.futureParticiples.has(a))) return {tense: 'unknown', preposition}
        const through = lex.particles.has(words[v + 1]?.lower ?? '') ? words[v + 1] : words[v]
        return {tense: 'past', verb: {start: words[v].start, end: through.end, text: text.slice(words[v].start, through.end)}, preposition}
      }
    }
    // The verb right after: "on Dec. 2 partially granted".
    if (preposition === 'on' && after >= 0 && onlySpace.test(text.slice(expression.end, words[after].start))) {
      if (/ly$/.test(words[after].lower) && after + 1 < words.length && onlySpace.test(text.slice(words[after].end, words[after + 1].start))) after++
      const word = words[after].lower
      if (lex.future.has(word)) return {tense: 'future', verb: verbSpan(words[after]), preposition}
      if (isPastVerb(word) && word !== 'had' && word !== 'was' && word !== 'were') return {tense: 'past', verb: verbSpan(words[after]), preposition}
    }
    // "On Dec. 4, the mayor signed the order."
    if (preposition === 'on' && /^[\W_]*on\s+$/i.test(text.slice(sentence.start, expression.start)) && /^\s*,/.test(text.slice(expression.end)) && after >= 0) {
      for (let k = after; k < Math.min(words.length, after + 8); k++) {
        const word = words[k].lower
        const next = words[k + 1]?.lower ?? ''
        if (lex.future.has(word)) return {tense: 'future', verb: verbSpan(words[k]), preposition}
        if (/^(?:has|have|had)$/.test(word)) return isPastVerb(next) ? {tense: 'past', verb: verbSpan(words[k + 1]), preposition} : {tense: 'unknown', preposition}
        if (word === 'was' || word === 'were') return {tense: 'past', verb: verbSpan(words[k]), preposition}
        if (lex.modals.has(word) || /^(?:is|are|am|does|do)$/.test(word)) break
        if (isPastVerb(word) && !/^(?:the|a|an|its|his|her|their|this|that)$/.test(words[k - 1]?.lower ?? '')) return {tense: 'past', verb: verbSpan(words[k]), preposition}
      }
    }
  }
  if (preposition === undefined || preposition === 'on' || preposition === 'in' || preposition === 'at') {
    // Scan back over the clause (no punctuation, no word that points elsewhere in time).
    const joined = (k: number) => /^[\s'’-]*$/.test(text.slice(words[k].end, words[k + 1]?.start ?? expression.start))
    let complementOnly = true
    for (let k = i; k >= Math.max(0, i - 8); k--) {
      const word = words[k].lower
      if (word === 'to' && complementOnly && joined(k)) continue // "dropped to around 8 pct on"
      if (!joined(k) || lex.scanStops.has(word) || lex.modals.has(word) || lex.future.has(word) || lex.futureParticiples.has(word)) break
      // "were called off by the union on March 13", "has fallen on": passive and perfect past.
      if (/^(?:was|were|had|has|have)$/.test(word)) {
        let v = k + 1
        if (/ly$/.test(words[v]?.lower ?? '')) v++
        const participle = words[v]
        if (participle && v <= i && isPastVerb(participle.lower) && !lex.futureParticiples.has(participle.lower)) {
          return {tense: 'past', verb: {start: words[k].start, end: participle.end, text: text.slice(words[k].start, participle.end)}, preposition}
        }
        break
      }
      // "dropped to around 8-3/8 pct on February 23": a past verb and a figure.
      if (k < i && complementOnly && isPastVerb(word) && !lex.reporting.has(word) && !lex.determiners.has(words[k - 1]?.lower ?? '')) {
        if (words.slice(k + 1, i + 1).some((w) => /^\d/.test(w.lower))) return {tense: 'past', verb: verbSpan(words[k]), preposition}
      }
      if (isPastVerb(word) && !lex.reporting.has(word) && !lex.determiners.has(words[k - 1]?.lower ?? '') && !lex.modals.has(words[k - 1]?.lower ?? '')) {
        // "passed by the House on Nov. 26": a participle and its agent.
        if (k < i && words[k + 1].lower === 'by') return {tense: 'past', verb: verbSpan(words[k]), preposition}
        // "sold into EC stores on April 1", "filed a suit in Texas on": a verb and its short complement
        // (the scan stops at words that bring in another event: "for", "ahead of", "about"…).
        if (k < i && i - k <= 4 && !/^[\p{Lu}]/u.test(words[k + 1].text) && words.slice(k + 1, i + 1).every((w) => !isPastVerb(w.lower) && !/ing$/.test(w.lower) && !lex.topicStops.has(w.lower))) {
          return {tense: 'past', verb: verbSpan(words[k]), preposition}
        }
        // "raised rates on Nov. 29", "heard arguments on Dec. 6": a verb and a bare object.
        if (k === i - 1 && /^\p{Ll}+$/u.test(words[i].text) && !lex.determiners.has(words[i].lower) && !lex.complement.has(words[i].lower)) {
          return {tense: 'past', verb: verbSpan(words[k]), preposition}
        }
      }
      if (k <= i && !/^[\d.,/-]+$/.test(word) && !lex.complement.has(word)) complementOnly = false
    }
    // "the Paris meeting on February 22, which restored stability": the event, told in the past.
    const clause = /^\s*,\s*(?:which|that)\s+(\p{L}+)/u.exec(text.slice(expression.end, expression.end + 40))
    if (clause && isPastVerb(clause[1].toLowerCase()) && !/^(?:was|were|had)$/i.test(clause[1])) {
      const at = expression.end + clause[0].length - clause[1].length
      return {tense: 'past', verb: {start: at, end: at + clause[1].length, text: clause[1]}, preposition}
    }
  }
  // "Since taking office on Feb. 1": since, a few words back.
  if (preposition === 'on' || preposition === 'in') {
    for (let k = i; k >= Math.max(0, i - 3); k--) {
      if (!/^[\s'’-]*$/.test(text.slice(words[k].end, words[k + 1]?.start ?? expression.start))) break
      if (words[k].lower === 'since') return {tense: 'past', verb: verbSpan(words[k]), preposition: 'since'}
    }
  }
  // "In a Nov. 30 interview, he said…", "told reporters in a Nov. 30 letter": a record that
  // exists is dated in the past, when the sentence reports it in the past tense.
  if (!preposition && before >= 0 && /^(?:a|an|the|his|her|its|their)$|['’]s$/.test(words[before].lower) && after >= 0 && lex.records.has(words[after].lower) && onlySpace.test(text.slice(expression.end, words[after].start))) {
    const reporting = words.find((w, k) => lex.reportingPast.has(w.lower) && !words.slice(Math.max(0, k - 3), k).some((x) => lex.modals.has(x.lower)))
    if (reporting && !words.some((w) => lex.future.has(w.lower))) return {tense: 'past', verb: verbSpan(reporting), preposition}
  }
  return {tense: 'unknown', preposition}
}

function findImpossible(model: DateModel, sentence: Sentence, quotedAt: (offset: number) => boolean): void {
  const value = sentence.text
  if (!/\b(?:29|3[01])/.test(value)) return
  // "31/09/2001", "09/31/2001": impossible read either way round.
  for (const match of value.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) {
    const [x, y, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const valid = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    if (valid(x, y) || valid(y, x) || Math.max(x, y) > 31 || Math.min(x, y) > 12) continue
    const [month, day] = x <= 12 ? [x, y] : [y, x]
    const start = sentence.start + match.index
    model.impossible.push({start, end: start + match[0].length, text: match[0], month, day, year, yearImplied: false, sentence: sentence.index, zone: sentence.zone, quoted: quotedAt(start)})
  }
  impossiblePattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = impossiblePattern.exec(value))) {
    const monthName = match[1] ?? match[5]
    const month = monthOf(monthName)
    const day = Number(match[2] ?? match[4])
    const year = match[3] ?? match[6] ? Number(match[3] ?? match[6]) : undefined
    if (!month || day < 29 || day > 31) continue
    let checkedYear = year
    if (month === 2 && day === 29 && year === undefined && model.reference) {
      // "February 29" in an article of a non-leap year, with February near: that year's February.
      const refYear = model.reference.date.year
      if (Math.abs(dayNumber({year: refYear, month: 2, day: 28}) - model.reference.day) <= 150) checkedYear = refYear
    }
    if (day <= daysInMonth(checkedYear, month)) continue
    // "May" and "March" are also words; only the month names with short months matter here.
    if (!/^[A-Z]/.test(monthName)) continue
    // "the 30th of February." keeps its full stop out; "Feb." keeps its own.
    const matched = /^[A-Za-z]{4,}\.$/.test(match[0].split(/\s+/).pop() ?? '') ? match[0].slice(0, -1) : match[0]
    const start = sentence.start + match.index
    const end = start + matched.length
    const after = value.slice(match.index + matched.length)
    const beforeText = value.slice(0, match.index)
    if (match[1]) {
      // "In April 31 people died": a month then a count. Accept when the number ends
      // the phrase; refuse when a preposition of time comes before and a word follows.
      const follows = /^(?:\s*(?:[.,;:)!?'"”’]|$)|\s+(?:this|next|last|and|to|through|until|when|interview|meeting|deadline|election|vote|session)\b)/.test(after)
      const countLike = /\b(?:in|during|throughout|of|for|since|by|until|over|from)\s*$/i.test(beforeText) && /^\s+[a-z]/.test(after)
      if (!follows && countLike) continue
      if (!follows && /^\s+(?:people|percent|per|of|to|[a-z]+s)\b/.test(after) && !/\b(?:on|the|a|an)\s*$/i.test(beforeText)) continue
    } else {
      // "31 November": a count then a month is rare in news copy, but "of" makes it a date.
      if (/\d[\d,.]*\s*$/.test(beforeText)) continue
    }
    model.impossible.push({start, end, text: matched, month, day, year: checkedYear, yearImplied: year === undefined && checkedYear !== undefined, sentence: sentence.index, zone: sentence.zone, quoted: quotedAt(start)})
  }
}

function findRelatives(model: DateModel, expressions: TemporalExpression[], sentence: Sentence, text: string, quotedAt: (offset: number) => boolean): void {
  const value = sentence.text
  relativePattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = relativePattern.exec(value))) {
    const key = (match[1] ? `${match[1]} this ${match[2]}` : match[3] ? `${match[3]} ${match[4]}` : match[5]?.replace(/\s+/, ' ') ?? `${match[7].replace(/s?$/, 's')} ago`).toLowerCase() as RelativeKey
    // "This year's budget", "last year's", adjectives: still relative, keep.
    const start = sentence.start + match.index
    const end = start + match[0].length
    const relative: RelativeExpression = {start, end, text: match[0], key, sentence: sentence.index, zone: sentence.zone, quoted: quotedAt(start)}
    if (match[6]) relative.count = counts.get(match[6].toLowerCase()) ?? Number(match[6])
    // An absolute date right beside it: "yesterday, on April 1", "last month (Dec. 8)", "on April 1, yesterday".
    for (const expression of expressions) {
      if (expression.sentence !== sentence.index || !expression.date || expression.range) continue
      const gapAfter = expression.start >= end ? text.slice(end, expression.start) : undefined
      const gapBefore = expression.end <= start ? text.slice(expression.end, start) : undefined
      if ((gapAfter !== undefined && /^\s*(?:[,(–—-]\s*)?(?:on\s+|in\s+)?$/.test(gapAfter)) || (gapBefore !== undefined && /^\s*[,(]?\s*$/.test(gapBefore))) {
        relative.paired = expression
        break
      }
    }
    // A weekday in apposition: "yesterday, Monday,", "yesterday (Monday)", "Monday, yesterday,", "today, on Friday".
    if (!relative.paired && dayRelatives.has(key)) {
      for (const expression of expressions) {
        if (expression.sentence !== sentence.index || !expression.weekday || expression.stated.day !== undefined || expression.weekdayRelative) continue
        const gapAfter = expression.start >= end ? text.slice(end, expression.start) : undefined
        const gapBefore = expression.end <= start ? text.slice(expression.end, start) : undefined
        const closes = (at: number) => /^\s*(?:[,);:.–—]|$)/.test(text.slice(at, at + 3))
        if ((gapAfter !== undefined && /^\s*(?:,|\(|–|—)\s*(?:on\s+)?$/.test(gapAfter) && closes(expression.end)) || (gapBefore !== undefined && /^\s*(?:,|\()\s*$/.test(gapBefore) && closes(end))) {
          relative.pairedWeekday = expression
          break
        }
      }
    }
    model.relatives.push(relative)
  }
  // Relative weekdays: "on Thursday" with no date beside it.
  for (const expression of expressions) {
    if (expression.sentence !== sentence.index || !expression.weekday || expression.stated.day !== undefined) continue
    model.relativeWeekdays.push({
      start: expression.weekday.start,
      end: expression.weekday.end,
      text: text.slice(expression.weekday.start, expression.weekday.end),
      weekday: expression.stated.weekday!,
      sentence: sentence.index,
      zone: sentence.zone,
      quoted: expression.quoted
    })
  }
}

/** Is `words[index..index+n)` the connector? */
/** The connectors by their first word, in the order of `connectors` (longest first). */
const connectorsByFirstWord = new Map<string, typeof connectors>()
for (const connector of connectors) connectorsByFirstWord.set(connector.words[0], [...(connectorsByFirstWord.get(connector.words[0]) ?? []), connector])

function connectorAt(words: Word[], index: number): {length: number; relation: 'after' | 'before'} | undefined {
  const lower = words[index]?.lower
  const candidates = lower !== undefined && connectorKeys.mayHave(lower) ? connectorsByFirstWord.get(lower) : undefined
  if (!candidates) return undefined
  for (const connector of candidates) {
    if (connector.words.every((w, k) => words[index + k]?.lower === w)) {
      // "the following day", "following" as adjective; "since" meaning "because" has no event after it anyway.
      if (connector.words[0] === 'following' && index > 0 && /^(?:the|a)$/.test(words[index - 1].lower)) continue
      return {length: connector.words.length, relation: connector.relation}
    }
  }
  return undefined
}

const connectorFirstWords = new Set(connectors.map((c) => c.words[0]))
const connectorKeys = new WordKeys(connectorFirstWords)

/**
 * A stem shared by a verb and its nominalisation: "evacuated" and
 * "evacuation" (evacu), "invaded" and "invasion" (invad), "closed" and
 * "closure" (clos), "hearing" and "hearings" (hear), "tried" and "trial" (tri).
 */
const stemRules: Array<[RegExp, string]> = [
  [/ations?$/, ''], [/ated$|ating$|ates$/, ''], [/ate$/, ''],
  [/utions?$/, 'ut'], [/ctions?$/, 'ct'], [/ptions?$/, 'pt'], [/ntions?$/, 'nt'],
  [/ssions?$/, 'ss'], [/nsions?$/, 'nd'], [/rsions?$/, 'rt'], [/([aeiou])sions?$/, '$1d'],
  [/itions?$/, ''], [/ments?$/, ''], [/([vwsi])als?$/, '$1'], [/(?<=[a-z]{3})ures?$/, ''], [/(?<=[a-z]{3})ured$/, ''],
  [/ied$|ies$|y$/, 'i'], [/ings?$/, ''], [/ed$/, ''], [/es$/, '']
]
const stems = new Map<string, string>()

/** The stem of an event word, memoised (the same words recur across an article and an archive). */
export function eventStem(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    stem = computeEventStem(word)
    if (stems.size > 50_000) stems.clear()
    stems.set(word, stem)
  }
  return stem
}

function computeEventStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '')
  if (w.length > 4 && /[^su]s$/.test(w) && !/(?:ss|us|is)$/.test(w)) w = /ies$/.test(w) ? w.slice(0, -3) + 'y' : w.slice(0, -1)
  for (const [pattern, replacement] of stemRules) {
    if (!pattern.test(w)) continue
    const stem = w.replace(pattern, replacement)
    if (stem.length >= 3) {
      w = stem
      break
    }
  }
  // "collapse" and "collapsed", "closure" and "closed", "shipping" and "shipped".
  return w.replace(/e$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1')
}

let eventStemIndex: Map<string, string> | undefined

/** The lexicon's groups by stem too, so that "collapsing" finds the group of "collapse". */
function lexiconGroupOf(word: string): string | undefined {
  const groups = eventGroups()
  const group = groups.get(word)
  if (group) return group
  if (!eventStemIndex) {
    eventStemIndex = new Map()
    for (const [w, g] of groups) if (w.length >= 5 && !eventStemIndex.has(eventStem(w))) eventStemIndex.set(eventStem(w), g)
  }
  return word.length >= 5 ? eventStemIndex.get(eventStem(word)) : undefined
}

const nominalisation = /(?:[cpts]ion|ments?|[vw]al|sal|ures?|ings?|ions)$/

/** Does `words[i]` name an event by itself (a lexicon word, a past-tense verb, a nominalisation)? */
/** What a word form can name, whatever its place: `eventWordAt` without its checks of case and context. */
type EventForm = {group: string; kind: EventKind; lexicon: boolean} | null
const eventForms = new Map<string, EventForm>()

function eventFormOf(lower: string): EventForm {
  let form = eventForms.get(lower)
  if (form !== undefined) return form
  const lex = lexicon()
  const group = lexiconGroupOf(lower)
  if (group) form = {group, kind: 'lexicon', lexicon: true}
  else if (lower.length < 4 || lex.eventStops.has(lower) || lex.reporting.has(lower) || lex.reportingPast.has(lower) || lex.futureParticiples.has(lower) || lex.modals.has(lower)) form = null
  else if (!/^\p{L}+$/u.test(lower)) form = null
  else if (isPastVerb(lower)) form = {group: `~${eventStem(lower)}`, kind: 'verb', lexicon: false}
  else if (lower.length >= 6 && nominalisation.test(lower)) form = {group: `~${eventStem(lower)}`, kind: 'noun', lexicon: false}
  else form = null
  if (eventForms.size > 50_000) eventForms.clear()
  eventForms.set(lower, form)
  return form
}

function eventWordAt(words: Word[], i: number): {group: string; kind: EventKind} | undefined {
  const word = words[i]
  const form = eventFormOf(word.lower)
  if (!form) return undefined
  if (form.lexicon) return {group: form.group, kind: 'lexicon'}
  // Names are not events ("Gaining", "Harding"); a sentence's first word may be capitalised.
  if (i > 0 && !/^\p{Ll}/u.test(word.text)) return undefined
  if (form.kind === 'noun') {
    // "a public hearing", "the sentencing", "Monday's meeting": an -ing word is a noun after a determiner.
    const lex = lexicon()
    if (/ings?$/.test(word.lower) && !words.slice(Math.max(0, i - 3), i).some((w) => lex.determiners.has(w.lower) || /['’]s$/.test(w.lower))) return undefined
  }
  return {group: form.group, kind: form.kind}
}

const timeUnits = new Map(Object.entries({day: 1, days: 1, week: 7, weeks: 7, month: 30, months: 30, year: 365, years: 365, hour: 0, hours: 0, minute: 0, minutes: 0}))

/** "two days", "a week", "the day", "48 hours" right before the connector at `index`. */
function intervalBefore(words: Word[], index: number, text: string): EventLink['interval'] | 'vague' | undefined {
  const unit = words[index - 1]
  if (!unit || !timeUnits.has(unit.lower) || !/^\s+$/.test(text.slice(unit.end, words[index].start))) return undefined
  const countWord = words[index - 2]
  const perUnit = timeUnits.get(unit.lower)!
  const count = countWord ? (countWord.lower === 'the' && /^(?:day|week)$/.test(unit.lower) ? 1 : counts.get(countWord.lower) ?? (/^\d{1,3}$/.test(countWord.lower) ? Number(countWord.lower) : undefined)) : undefined
  if (count === undefined) return 'vague'
  const days = count * perUnit
  const tolerance = perUnit === 0 ? Math.ceil(count / 24) : perUnit === 1 ? 0 : perUnit === 7 ? 1 : perUnit === 30 ? 3 * count : 3
  return {days: perUnit === 0 ? Math.floor(count / 24) : days, tolerance, text: text.slice(countWord.start, unit.end)}
}

/** Content words: not function words, not numbers. */
function contentStem(word: Word): string | undefined {
  const lex = lexicon()
  if (word.lower.length < 3 || !/^\p{L}[\p{L}'’-]*$/u.test(word.lower) || lex.functionWords.has(word.lower) || lex.determiners.has(word.lower) || lex.modals.has(word.lower)) return undefined
  return eventStem(word.lower)
}

/** A clause boundary between two words: a comma, semicolon, colon, dash or bracket. */
function boundaryBetween(text: string, a: Word, b: Word): boolean {
  return /[,;:()–—]|\s-\s/.test(text.slice(a.end, b.start))
}

/**
 * The event after a connector: "the levee gave way" (a verb, with the
 * noun before it), "a public hearing" (a nominalisation), "the fall of the
 * regime" (a lexicon word), "the storm" (a definite head noun, only after
 * "after", "following", "since", "in the wake of").
 */
function eventAfter(words: Word[], from: number, text: string, relation: 'after' | 'before'): {index: number; group: string; kind: EventKind; near: string[]; object?: string} | undefined {
  const lex = lexicon()
  const near: string[] = []
  let definite = false
  for (let k = from; k < Math.min(words.length, from + 6); k++) {
    const word = words[k]
    if (k > from && boundaryBetween(text, words[k - 1], word)) return undefined
    const lower = word.lower
    if (lex.clauseStops.has(lower)) return undefined
    if (lower === 'the' || lower === 'this' || lower === 'that' || /['’]s$/.test(lower)) definite = true
    if (lex.determiners.has(lower) || /['’]s$/.test(lower) && !eventWordAt(words, k)) continue
    // "after two days of rain", "after 10 years", "after May 2": not an event.
    if (/^\d/.test(lower) || counts.has(lower) || timeUnits.has(lower) || lex.timeWords.has(lower) || monthOf(word.text) !== undefined && /^\p{Lu}/u.test(word.text)) return undefined
    const event = eventWordAt(words, k)
    if (event) return {index: k, ...event, near, object: event.kind === 'verb' ? objectStem(words, k, text) : undefined}
    // "after the water supply was restored": the auxiliary leads to the event.
    if (/^(?:was|were|had|has|have|been|being)$/.test(lower) && words[k + 1] && isPastVerb(words[k + 1].lower)) continue
    // A past verb that names no event ("after the company said"): nothing to link.
    if (isPastVerb(lower) || /^(?:is|are|was|were|has|have|had)$/.test(lower)) return undefined
    const next = words[k + 1]
    const ends = !next || boundaryBetween(text, word, next) || lex.topicStops.has(next.lower) || lex.clauseStops.has(next.lower)
    if (ends) {
      // "following the storm": a short definite noun phrase, not a person ("after the founder") nor a name.
      if (relation !== 'after' || !definite || k - from > 2 || !/^\p{Ll}+$/u.test(word.text) || /(?:er|or|ist|ian|ent)s?$/.test(lower) || lex.eventStops.has(lower)) return undefined
      return {index: k, group: `~${eventStem(lower)}`, kind: 'head', near}
    }
    const stem = contentStem(word)
    if (stem) near.push(stem)
  }
  return undefined
}

/** The object right after a verb ("raised rates", "gave way"), if the clause has one. */
function objectStem(words: Word[], index: number, text: string): string | undefined {
  const lex = lexicon()
  for (let k = index + 1; k < Math.min(words.length, index + 4) && !boundaryBetween(text, words[k - 1], words[k]); k++) {
    const lower = words[k].lower
    if (lex.topicStops.has(lower) || lex.clauseStops.has(lower) || lex.prepositions.has(lower) || /^(?:by|into|from|early|late|up|down|out|off)$/.test(lower) || /^\d/.test(lower) || !/^\p{Ll}/u.test(words[k].text)) return undefined
    if (lex.determiners.has(lower)) continue
    return contentStem(words[k])
  }
  return undefined
}

/** Stems of the content words before `index` in its clause (its subject: "the levee" of "the levee gave way"). */
function stemsBefore(words: Word[], index: number, text: string): string[] {
  const found: string[] = []
  for (let k = index - 1; k >= Math.max(0, index - 4) && !boundaryBetween(text, words[k], words[k + 1]); k--) {
    const stem = contentStem(words[k])
    if (stem) found.push(stem)
  }
  return found
}

/** Two stems of one event: equal, or one a long prefix of the other ("demol" of "demolition", "demolish" of "demolished"). */
function sameStem(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)))
}

/** Stems of the content words of the clause around `index` (a few words either way). */
function nearStems(words: Word[], index: number, text: string): string[] {
  const found: string[] = []
  for (let k = index - 1; k >= Math.max(0, index - 6) && !boundaryBetween(text, words[k], words[k + 1]); k--) {
    const stem = contentStem(words[k])
    if (stem) found.push(stem)
  }
  for (let k = index + 1; k < Math.min(words.length, index + 5) && !boundaryBetween(text, words[k - 1], words[k]); k++) {
    const stem = contentStem(words[k])
    if (stem) found.push(stem)
  }
  return found
}

/**
 * Events and their links. Links are looked for first (a connector and an
 * event on each side); events are dated only when the article has a link to
 * check, and only in sentences that hold a day-level date.
 */
function findEvents(model: DateModel, article: Article): void {
  const text = article.text
  const lex = lexicon()
  const mentionAt = (sentence: Sentence, i: number, group: string, kind: EventKind): EventMention => {
    const word = sentence.words[i]
    return {start: word.start, end: word.end, text: word.text, group, kind, sentence: sentence.index, quoted: word.quoted}
  }
  const connectorsOf = (words: Word[]) => {
    const found: Array<{index: number; length: number; relation: 'after' | 'before'}> = []
    for (let i = 0; i < words.length; i++) {
      if (!connectorKeys.mayHave(words[i].lower) || !connectorFirstWords.has(words[i].lower)) continue
      const connector = connectorAt(words, i)
      if (connector) found.push({index: i, ...connector})
    }
    return found
  }
  const prose = (sentence: Sentence) => sentence.zone === 'body' || sentence.zone === 'blockquote'
  // Only a mention in a sentence that gives a day can date an event: with no such sentence, no link can be dated.
  const bySentence = dayDatesBySentence(model)
  if (![...bySentence.keys()].some((index) => prose(article.sentences[index]))) return
  // What the words of those sentences can name: a link whose event none of them names (and whose own
  // sentence gives no day) can never be dated, and is not worth reading further.
  const eventsAt = new Map<number, Array<ReturnType<typeof eventWordAt>>>()
  const namableGroups = new Set<string>()
  const namableStems = new Set<string>()
  for (const index of bySentence.keys()) {
    const words = article.sentences[index].words
    const events = words.map((_, at) => eventWordAt(words, at))
    eventsAt.set(index, events)
    for (let at = 0; at < words.length; at++) {
      if (events[at]?.kind === 'lexicon') namableGroups.add(events[at]!.group)
      namableStems.add(eventStem(words[at].lower))
    }
  }
  // A stem reaches a linked `~stem` sharing its first five letters (`wantedGroup` below).
  const namablePrefixes = new Set([...namableStems].map((stem) => stem.slice(0, 5)))
  const mayBeDated = (sentence: Sentence, group: string) =>
    bySentence.has(sentence.index) ||
    (group.startsWith('~') ? namableStems.has(group.slice(1)) || (group.length >= 6 && namablePrefixes.has(group.slice(1, 6))) : namableGroups.has(group))
  const connectorsCache = new Map<number, ReturnType<typeof connectorsOf>>()
  const connectorsIn = (sentence: Sentence) => {
    let found = connectorsCache.get(sentence.index)
    if (!found) connectorsCache.set(sentence.index, (found = connectorsOf(sentence.words)))
    return found
  }

  // Links: "A … after/following/before B", "After B, A …".
  type Evidence = {any: string[]; all: string[]}
  const pending: Array<Omit<EventLink, 'laterDated' | 'earlierDated'> & {laterNear: Evidence; earlierNear: Evidence; ownDateOnly?: EventMention}> = []
  for (const sentence of article.sentences) {
    if (!prose(sentence)) continue
    const words = sentence.words
    const connectorsHere = connectorsIn(sentence)
    if (connectorsHere.length === 0) continue
    const sentenceDates = model.expressions.filter((e) => e.sentence === sentence.index && (e.date ?? e.impliedDate) && !e.range)
    for (const connector of connectorsHere) {
      const b = eventAfter(words, connector.index + connector.length, text, connector.relation)
      if (!b || !mayBeDated(sentence, b.group)) continue
      const interval = intervalBefore(words, connector.index, text)
      const leftEdge = connector.index - (interval ? 2 : 0)
      // The event before the connector: the nearest verb ("fled the summit camp following…"), else the nearest noun.
      let a: {index: number; group: string; kind: EventKind} | undefined
      let verbFallback: typeof a
      for (let k = leftEdge - 1; k >= Math.max(0, leftEdge - 12); k--) {
        // A clause boundary between A and the connector breaks the link ("fled; after the fall…").
        if (/[;:]/.test(text.slice(words[k].end, words[k + 1].start))) break
        if (connectorAt(words, k)) break
        const event = eventWordAt(words, k)
        if (!event) continue
        if (event.kind === 'verb' || isPastVerb(words[k].lower) || /ing$/.test(words[k].lower)) {
          a = {index: k, ...event}
          break
        }
        verbFallback ??= {index: k, ...event}
      }
      a ??= verbFallback
      // "were told to leave on Oct. 12, after…": a verb that names no event by itself, dated by its own clause.
      let ownDateOnly = false
      if (!a) {
        for (let k = leftEdge - 1; k >= Math.max(0, leftEdge - 8); k--) {
          if (/[;:]/.test(text.slice(words[k].end, words[k + 1].start))) break
          const lower = words[k].lower
          if (isPastVerb(lower) && !/^(?:was|were|had|did|been)$/.test(lower)) {
            a = {index: k, group: `~${eventStem(lower)}`, kind: 'verb'}
            ownDateOnly = true
            break
          }
        }
      }
      if (!a) {
        // "The final match on June 10 was followed by…": a noun and its own date.
        for (let k = leftEdge - 1; k >= Math.max(0, leftEdge - 8); k--) {
          if (/[;:]/.test(text.slice(words[k].end, words[k + 1].start))) break
          const lower = words[k].lower
          const dated = sentenceDates.some((e) => /^\s+on\s+$/.test(text.slice(words[k].end, e.start)))
          if (dated && contentStem(words[k]) && /^\p{Ll}+$/u.test(words[k].text) && !lex.eventStops.has(lower) && !lex.timeWords.has(lower)) {
            a = {index: k, group: `~${eventStem(lower)}`, kind: 'head'}
            ownDateOnly = true
            break
          }
        }
      }
      // "After the storm, residents were evacuated": the main clause follows.
      if (!a && leftEdge <= 1) {
        let k = b.index + 1
        while (k < words.length && !boundaryBetween(text, words[k - 1], words[k])) k++
        for (let end = Math.min(words.length, k + 12); k < end; k++) {
          const event = eventWordAt(words, k)
          if (event && (event.kind === 'verb' || isPastVerb(words[k].lower))) {
            a = {index: k, ...event}
            break
          }
        }
      }
      if (!a || a.group === b.group || !mayBeDated(sentence, a.group)) continue
      // "announced on May 3 that it would cut jobs after the acquisition": the link belongs to the plan, not to A.
      const [from, to] = a.index < connector.index ? [a.index + 1, connector.index] : [connector.index, a.index]
      if (words.slice(from, to).some((w) => lex.future.has(w.lower) || /^(?:would|could|may|might|should|must|can|shall)$/.test(w.text))) continue
      const aMention = mentionAt(sentence, a.index, a.group, a.kind)
      const bMention = mentionAt(sentence, b.index, b.group, b.kind)
      const [later, earlier] = connector.relation === 'after' ? [aMention, bMention] : [bMention, aMention]
      // What a mention elsewhere must share to be the same event, for a verb outside the lexicon: a word of its subject, and its object.
      const evidence = (kind: EventKind, any: string[], object: string | undefined): Evidence => (kind === 'verb' ? {any, all: object ? [object] : []} : {any: [], all: []})
      const aNear = evidence(a.kind, stemsBefore(words, a.index, text), objectStem(words, a.index, text))
      const bNear = evidence(b.kind, b.near, b.object)
      const [laterNear, earlierNear] = connector.relation === 'after' ? [aNear, bNear] : [bNear, aNear]
      const connectorWords = words.slice(connector.index, connector.index + connector.length)
      const first = aMention.start < bMention.start ? aMention : bMention
      const last = first === aMention ? bMention : aMention
      const connectorStart = interval && interval !== 'vague' ? words[connector.index - 2].start : connectorWords[0].start
      pending.push({
        start: Math.min(first.start, connectorStart),
        end: last.end,
        later,
        earlier,
        laterNear,
        earlierNear,
        connector: {start: connectorWords[0].start, end: connectorWords[connectorWords.length - 1].end, text: connectorWords.map((w) => w.text).join(' ')},
        sentence: sentence.index,
        quoted: aMention.quoted && bMention.quoted,
        ownDateOnly: ownDateOnly ? aMention : undefined,
        ...(interval && interval !== 'vague' ? {interval} : {})
      })
    }
  }
  if (pending.length === 0) return

  // Date each mention of a linked event with the nearest day-level date of its sentence, unless a connector stands between them.
  const wanted = new Set(pending.flatMap((l) => [l.later.group, l.earlier.group]))
  // Stems that share their first five letters, for the prefix match of `sameStem` (a lookup, not a scan).
  const byPrefix = new Map<string, string[]>()
  for (const group of wanted) {
    if (!group.startsWith('~') || group.length < 6) continue
    const list = byPrefix.get(group.slice(1, 6)) ?? []
    list.push(group)
    byPrefix.set(group.slice(1, 6), list)
  }
  const wantedGroup = (group: string | undefined) =>
    group === undefined ? undefined : wanted.has(group) ? group : group.startsWith('~') ? byPrefix.get(group.slice(1, 6))?.find((w) => sameStem(w.slice(1), group.slice(1))) : undefined
  for (const [index, dates] of bySentence) {
    const sentence = article.sentences[index]
    if (!prose(sentence)) continue
    const words = sentence.words
    const connectorsHere = connectorsIn(sentence)
    const dateWords = dates.map((expression) => {
      const at = words.findIndex((w) => w.start >= expression.dateStart)
      return at < 0 ? words.length : at
    })
    const events = eventsAt.get(index)!
    for (let at = 0; at < words.length; at++) {
      const event = events[at]
      let group = wantedGroup(event?.group)
      let kind = event?.kind
      if (!group) {
        // A head noun ("the storm") is an event where a verb tells what it did: "the storm hit on", "the hearing was held on".
        const stem = wantedGroup(`~${eventStem(words[at].lower)}`)
        if (!stem || !/^\p{L}+$/u.test(words[at].lower) || !/^\p{Ll}/u.test(words[at].text)) continue
        const next = words.slice(at + 1, at + 4)
        const verb = isPastVerb(words[at].lower)
        const datedHere = dates.some((e) => /^\s+on\s+$/.test(text.slice(words[at].end, e.start)))
        if (!verb && !datedHere && !next.some((w) => isPastVerb(w.lower) && !lex.reportingPast.has(w.lower))) continue
        group = stem
        kind = verb ? 'verb' : 'head'
      }
      const mention = mentionAt(sentence, at, group, kind!)
      const generic = kind === 'verb' || kind === 'head'
      let bestDistance = Infinity
      dates.forEach((expression, d) => {
        const where = dateWords[d]
        const [lo, hi] = where < at ? [where, at] : [at, where]
        if (connectorsHere.some((c) => c.index >= lo && c.index < hi)) return
        // The date of another clause ("…, and then fell on Feb. 27") is not this event's; an opening "On March 12," is the sentence's.
        const between = where < at ? text.slice(expression.end, words[at].start) : text.slice(words[at].end, expression.start)
        if (/[,;:–—]|[.!?]\s/.test(between) && !(where < at && where <= 1)) return
        const distance = hi - lo
        if (distance <= (generic ? 12 : 30) && distance < bestDistance) {
          mention.dated = expression
          bestDistance = distance
        }
      })
      if (!mention.dated) continue
      // "A further hearing is set for June 1", "the vote will be held on": a plan, not the event looked back on.
      const dateAt = dateWords[dates.indexOf(mention.dated)]
      const span = words.slice(Math.min(at, dateAt), Math.max(at, dateAt))
      if (span.some((w) => lex.future.has(w.lower) || lex.futureParticiples.has(w.lower) || /^(?:would|may|might|could|should|must|can|is|are|am)$/.test(w.lower))) mention.planned = true
      mention.near = nearStems(words, at, text)
      model.events.push(mention)
    }
  }

  // Each side's dated mentions: its own, when its sentence dates it; else those elsewhere that name the same event.
  const byStart = new Map(model.events.map((m) => [m.start, m]))
  const byGroup = new Map<string, EventMention[]>()
  for (const m of model.events) {
    const list = byGroup.get(m.group) ?? []
    list.push(m)
    byGroup.set(m.group, list)
  }
  for (const link of pending) {
    const side = (own: EventMention, near: Evidence) => {
      const self = byStart.get(own.start)
      if (self) return [self]
      if (link.ownDateOnly === own) return []
      return (byGroup.get(own.group) ?? []).filter((m) => {
        // A plan ("the vote will be held on May 20") is not the event the sentence looks back on.
        if (m.group !== own.group || m.sentence === link.sentence || m.dated!.tense === 'future' || m.planned) return false
        // Nor is a mention dated after publication, when the sentence looks back from it.
        if (model.reference && dayOfExpression(m.dated!) > Math.max(model.reference.day, model.reference.dateline ?? 0) + 1) return false
        // A verb or a head noun outside the lexicon must share a word of its clause ("the levee gave way" and "the levee gave way on Oct. 13").
        const around = m.near ?? []
        return (near.any.length === 0 || near.any.some((stem) => around.includes(stem))) && near.all.every((stem) => around.includes(stem))
      })
    }
    const {laterNear, earlierNear, ownDateOnly, ...rest} = link
    model.links.push({...rest, laterDated: side(link.later, laterNear), earlierDated: side(link.earlier, earlierNear)})
  }
}

const sequelPattern =
  /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?|months?)\s+(later|earlier|afterwards|after that|before that)|the\s+(next|following|previous)\s+day|the\s+day\s+(after|before)(?=\s*,))\s*,?\s*(?:on\s+)?$/i

/** The day-level dates (no ranges) of each sentence. */
function dayDatesBySentence(model: DateModel): Map<number, TemporalExpression[]> {
  const bySentence = new Map<number, TemporalExpression[]>()
  for (const e of model.expressions) {
    if (!(e.date ?? e.impliedDate) || e.range) continue
    const list = bySentence.get(e.sentence) ?? []
    list.push(e)
    bySentence.set(e.sentence, list)
  }
  return bySentence
}

/**
 * "Two days later, on May 9", "The next day, May 4", "A week earlier, on
 * May 1": a date given twice, as an interval from the dates just before it
 * and as a day. Kept only where the sentence (or the one before it, in the
 * same or the previous paragraph) gives a day-level date to count from.
 */
function findSequels(model: DateModel, article: Article): void {
  const text = article.text
  const bySentence = dayDatesBySentence(model)
  for (const [index, dates] of bySentence) {
    const sentence = article.sentences[index]
    if (sentence.zone !== 'body' && sentence.zone !== 'blockquote') continue
    for (const date of dates) {
      // The interval ends right where the date begins (a weekday may lead: "The next day, Sunday, May 4").
      const lead = text.slice(Math.max(sentence.start, date.start - 60), date.start)
      const match = sequelPattern.exec(lead)
      if (!match) continue
      const count = match[1] ? counts.get(match[1].toLowerCase()) ?? Number(match[1]) : 1
      const unit = match[2] ? match[2].toLowerCase().replace(/s$/, '') : 'day'
      const back = /earlier|before|previous/i.test(match[3] ?? match[4] ?? match[5] ?? '')
      const perUnit = unit === 'week' ? 7 : unit === 'month' ? 30 : 1
      const start = date.start - lead.length + match.index
      const anchors = dates.filter((e) => e !== date && e.end <= start)
      const previous = article.sentences[index - 1]
      if (previous && previous.paragraph >= sentence.paragraph - 1) anchors.push(...(bySentence.get(index - 1) ?? []))
      if (anchors.length === 0) continue
      model.sequels.push({
        start,
        end: date.end,
        text: match[0].replace(/\s*,?\s*(?:on\s+)?$/i, ''),
        days: (back ? -1 : 1) * count * perUnit,
        tolerance: unit === 'week' ? 1 : unit === 'month' ? 3 * count : 0,
        date,
        anchors,
        sentence: index,
        quoted: date.quoted
      })
    }
  }
}

/**
 * The window of days a relative expression can refer to, given the
 * reference day(s) (publication and dateline). Wire copy may be a day off
 * either way, so windows are generous.
 */
export function relativeWindow(key: RelativeKey, reference: number, count = 1): {from: number; to: number} | {months: number[]; notAfter?: number; notBefore?: number} | {years: number[]} {
  const ref = fromDayNumber(reference)
  const monthIndex = (d: CalendarDate) => d.year * 12 + d.month - 1
  const m = monthIndex(ref)
  const mPrev = monthIndex(fromDayNumber(reference - 2))
  const weekday = new Date(reference * 86_400_000).getUTCDay()
  const monday = reference - ((weekday + 6) % 7)
  const sunday = reference - weekday
  switch (key) {
    case 'yesterday': case 'last night': return {from: reference - 2, to: reference}
    case 'today': case 'tonight': case 'this morning': case 'this afternoon': case 'this evening': return {from: reference - 1, to: reference + 1}
    case 'tomorrow': return {from: reference, to: reference + 2}
    // Calendar weeks starting on Monday or on Sunday, or the seven days before or after; a day's grace.
    case 'last week': return {from: Math.min(monday, sunday) - 8, to: reference}
    case 'this week': return {from: Math.min(monday, sunday) - 1, to: Math.max(monday, sunday) + 7}
    case 'next week': return {from: reference, to: Math.max(monday, sunday) + 14}
    case 'earlier this week': return {from: reference - 7, to: reference}
    case 'later this week': return {from: reference, to: reference + 7}
    case 'last month': return {months: [m - 1, mPrev - 1]}
    case 'this month': return {months: [m, mPrev]}
    case 'next month': return {months: [m + 1]}
    case 'earlier this month': return {months: [m, mPrev], notAfter: reference + 1}
    case 'later this month': return {months: [m], notBefore: reference - 1}
    case 'last year': return {years: [ref.year - 1]}
    case 'this year': case 'earlier this year': case 'later this year': return {years: [ref.year]}
    case 'next year': return {years: [ref.year + 1]}
    case 'days ago': return {from: reference - count - 1, to: reference - count + 1}
    case 'weeks ago': return {from: reference - count * 7 - 3, to: reference - count * 7 + 3}
  }
}

/** Can `date` be what the relative expression refers to, seen from `reference`? */
export function fitsRelative(key: RelativeKey, date: CalendarDate, yearStated: boolean, reference: number, count?: number): boolean {
  const window = relativeWindow(key, reference, count)
  const day = dayNumber(date)
  if (key === 'earlier this year' || key === 'later this year') {
    // Without a year the date must still fall in this year, on the right side of publication.
    const year = fromDayNumber(reference).year
    if (yearStated && date.year !== year) return false
    const inYear = dayNumber({year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month))})
    return key === 'earlier this year' ? inYear <= reference + 1 : inYear >= reference - 1
  }
  if ('from' in window) return day >= window.from && day <= window.to
  if ('months' in window) {
    const index = date.year * 12 + date.month - 1
    if (!window.months.includes(index)) return false
    if (window.notAfter !== undefined && day > window.notAfter) return false
    if (window.notBefore !== undefined && day < window.notBefore) return false
    return true
  }
  return !yearStated || window.years.includes(date.year)
}
