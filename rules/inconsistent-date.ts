/**
 * inconsistent-date: Dates that contradict each other, the calendar or the publication date.
 * Documentation: rules/inconsistent-date.md.
 *
 * Thin: the date model (`src/model/dates.ts`) finds every date, relative
 * expression, event and link; this rule decides which of them contradict.
 */
import {defineRule} from '../src/rule.js'
import {modelOf} from '../src/article/index.js'
import type {Article, Zone} from '../src/article/types.js'
import {
  buildDates,
  dayNumber,
  dayOfExpression,
  dayRelatives,
  daysInMonth,
  fitsRelative,
  formatDate,
  fromDayNumber,
  monthFullNames,
  nearestYear,
  weekdayNames,
  weekdayOf,
  weekdayToken,
  type CalendarDate,
  type EventLink,
  type EventMention,
  type TemporalExpression
} from '../src/model/dates.js'

export type DateCheck = 'weekday' | 'impossible' | 'after-publication' | 'future-in-past' | 'relative' | 'chronology' | 'dateline'

export interface InconsistentDateOptions {
  /** Which checks run. */
  checks: DateCheck[]
  /** Report relative dates ("on Thursday", "yesterday") in an article with no publication date, as info. */
  unanchoredRelative: boolean
  /** How many days after publication a past-tense date without a year may fall and still be flagged. */
  maxDaysAfter: number
}

const allChecks: DateCheck[] = ['weekday', 'impossible', 'after-publication', 'future-in-past', 'relative', 'chronology', 'dateline']

/** Zones where a wrong calendar fact is wrong whatever the zone. */
const calendarZones = new Set<Zone>(['body', 'blockquote', 'list-item', 'caption'])
/** Zones with running sentences, where tense and links can be read. */
const proseZones = new Set<Zone>(['body', 'blockquote'])

const eventNouns: Record<string, string> = {
  fall: 'the fall', flight: 'the flight', handover: 'the handover', arrest: 'the arrest', release: 'the release',
  death: 'the death', resignation: 'the resignation', election: 'the vote', signing: 'the signing',
  attack: 'the attack', announcement: 'the announcement', ruling: 'the ruling', launch: 'the launch',
  merger: 'the deal', ceasefire: 'the ceasefire', invasion: 'the invasion', strike: 'the strike', meeting: 'the meeting',
  agreement: 'the agreement', closure: 'the closure', opening: 'the opening', appointment: 'the appointment',
  dismissal: 'the dismissal', protest: 'the protest', crash: 'the crash', explosion: 'the explosion',
  evacuation: 'the evacuation', withdrawal: 'the withdrawal', inauguration: 'the inauguration', kidnapping: 'the kidnapping',
  capture: 'the capture', sentencing: 'the sentencing', conviction: 'the conviction', indictment: 'the indictment',
  suspension: 'the suspension', approval: 'the approval', arrival: 'the arrival', departure: 'the departure', visit: 'the visit'
}

export default defineRule<InconsistentDateOptions>(
  {
    id: 'inconsistent-date',
    category: 'dates',
    description: 'Dates that contradict each other, the calendar or the publication date.',
    level: 'warn',
    recommended: true,
    schema: {
      properties: {
        checks: {type: 'array', items: {enum: allChecks}},
        unanchoredRelative: {type: 'boolean'},
        maxDaysAfter: {type: 'integer', minimum: 1, maximum: 180}
      }
    },
    defaults: {checks: allChecks, unanchoredRelative: false, maxDaysAfter: 90}
  },
  ({article, file, options, report}) => {
    const dates = modelOf(file, 'dates', buildDates)
    const on = new Set(options.checks)
    const text = article.text
    const reference = dates.reference
    const written = (e: TemporalExpression) => dateText(text, e)
    // A weekday alone, with the day it implies: "Wednesday (Oct. 16)".
    const writtenDay = (e: TemporalExpression) => (e.date ? written(e) : `${text.slice(e.weekday?.start ?? e.start, e.end)} (${formatDate(fromDayNumber(dayOfExpression(e)), false)})`)

    // Weekday and date that disagree: "Thursday, March 3, 2015".
    if (on.has('weekday')) {
      for (const e of dates.expressions) {
        if (!calendarZones.has(e.zone) || !e.weekday || !e.date || e.yearUnknown || e.stated.weekday === undefined || e.range) continue
        const actual = weekdayOf(e.date)
        if (actual === e.stated.weekday) continue
        if (e.stated.year === undefined && weekdayFitsAnotherYear(e, article, reference?.day)) continue
        const stated = weekdayNames[e.stated.weekday]
        const real = weekdayNames[actual]
        const when = (reference ? dayNumber(e.date) < reference.day : e.tense === 'past' || dayNumber(e.date) < Math.floor(Date.now() / 86_400_000)) ? 'was' : 'is'
        const dateWritten = written(e)
        const message =
          e.stated.year !== undefined
            ? `${dateWritten} ${when} a ${real}, not a ${stated}`
            : `${dateWritten} ${when} a ${real} in ${e.date.year}, not a ${stated}`
        const spanStart = e.weekday.start > e.start ? e.start : e.weekday.start
        const span = text.slice(spanStart, e.end)
        const shifted = nearestWithWeekday(e.date, e.stated.weekday)
        report({
          message,
          start: spanStart,
          end: e.end,
          quoted: e.quoted,
          note: `The weekday and the date cannot both be right. If the date is right, write ${real}; if ${stated} is right, the date is probably ${formatDate(shifted, e.stated.year !== undefined)}.`,
          actual: span,
          expected: [span.replace(weekdayToken, (token) => (/day$/.test(token) ? real : real.slice(0, 3) + (token.endsWith('.') ? '.' : '')))],
          confidence: e.stated.year !== undefined ? 0.95 : 0.85,
          kind: 'weekday-mismatch'
        })
      }
    }

    // Dates that do not exist: "February 30", "31 April".
    if (on.has('impossible')) {
      for (const d of dates.impossible) {
        // A date that does not exist is wrong in a headline too.
        if (!calendarZones.has(d.zone) && d.zone !== 'headline' && d.zone !== 'subheading') continue
        const days = daysInMonth(d.year, d.month)
        const month = monthFullNames[d.month - 1]
        const message =
          d.month === 2 && d.day === 29 && d.year !== undefined
            ? `${d.year} is not a leap year: '${d.text}' does not exist${d.yearImplied ? ` (the article is dated ${d.year})` : ''}`
            : d.month === 2
              ? `February never has ${d.day} days: '${d.text}' does not exist`
              : `${month} has only ${days} days: '${d.text}' does not exist`
        report({
          message,
          start: d.start,
          end: d.end,
          quoted: d.quoted,
          note: 'Check the date with the source; a typo in the day or the month is likely.',
          actual: d.text,
          confidence: 0.95,
          kind: 'impossible-date'
        })
      }
    }

    // A dateline more than a day off the publication date (a day off is normal for wire copy).
    if (on.has('dateline') && reference && article.dateline && dates.datelineGap !== undefined && Math.abs(dates.datelineGap) > 1) {
      const dl = article.dateline
      const gap = dates.datelineGap
      report({
        message: `The dateline says ${monthFullNames[dl.month! - 1]} ${dl.day}, but the article is dated ${formatDate(reference.date)}`,
        start: dl.start,
        end: dl.end,
        weak: true,
        note: `The two are ${Math.abs(gap)} days apart; wire copy is at most a day off. Check the dateline and the publication date.`,
        actual: dl.text,
        confidence: 0.6,
        kind: 'dateline'
      })
    }

    if (reference) {
      const latest = Math.max(reference.day, reference.dateline ?? reference.day)
      const earliest = Math.min(reference.day, reference.dateline ?? reference.day)
      const publication = formatDate(reference.date)

      // A past event dated after publication; a future event dated before it.
      for (const e of dates.expressions) {
        if (!proseZones.has(e.zone) || !e.date || e.range || e.stated.day === undefined) continue
        const day = dayNumber(e.date)
        const implied = e.stated.year === undefined
        // "for fiscal 1986, which ended June 30": the sentence gives the year.
        if (implied && e.contextYear !== undefined && e.contextYear !== e.date.year) continue
        if (on.has('after-publication') && (e.tense === 'past' || e.preposition === 'since') && day > latest + 1) {
          // Without a year, a date read into next year ("Feb. 1" in November) is last February's.
          if (implied && (day - latest > options.maxDaysAfter || e.yearAmbiguous || e.date.year !== reference.date.year)) continue
          const why = e.preposition === 'since' ? `'since' puts it in the past` : `'${e.verb?.text ?? 'the verb'}' puts it in the past`
          report({
            message: `'${written(e)}' is after the publication date (${publication}), but ${why}`,
            start: e.start,
            end: e.end,
            quoted: e.quoted,
            note: implied
              ? `Without a year, '${written(e)}' reads as ${formatDate(e.date)}. A past event cannot be dated after publication: check the date, or give the year if it is another year's.`
              : 'A past event cannot be dated after publication: check the date.',
            actual: text.slice(e.start, e.end),
            confidence: 0.8,
            kind: 'after-publication'
          })
        }
        if (on.has('future-in-past') && e.tense === 'future' && day < earliest - 1) {
          if (implied && (earliest - day > 60 || e.yearAmbiguous || e.date.year !== reference.date.year)) continue
          report({
            message: `'${written(e)}' is before the publication date (${publication}), but '${e.verb?.text ?? 'will'}' puts it in the future`,
            start: e.start,
            end: e.end,
            quoted: e.quoted,
            note: 'An event still to come cannot be dated before publication: check the date or the tense.',
            actual: text.slice(e.start, e.end),
            confidence: 0.7,
            kind: 'future-in-past'
          })
        }
      }

      // "last Thursday, Nov. 9" in an article of Dec. 4: the right weekday, but not last week's.
      if (on.has('relative')) {
        for (const e of dates.expressions) {
          if (!proseZones.has(e.zone) || !e.weekdayRelative || e.weekdayRelative === 'this' || !e.date || !e.weekday || e.stated.weekday === undefined) continue
          if (weekdayOf(e.date) !== e.stated.weekday) continue // the weekday check speaks
          const day = dayNumber(e.date)
          const fits = (ref: number) => (e.weekdayRelative === 'last' ? day >= ref - 14 && day <= ref - 1 : day >= ref + 1 && day <= ref + 14)
          if (fits(reference.day) || (reference.dateline !== undefined && fits(reference.dateline))) continue
          const local = fromDayNumber(reference.dateline ?? reference.day)
          const relativeText = text.slice(e.start, e.weekday.end).replace(/^on\s+/i, '')
          report({
            message: `'${relativeText}' contradicts '${written(e)}': the article is dated ${formatDate(local)}`,
            start: e.start,
            end: e.end,
            quoted: e.quoted,
            note: `'${relativeText}' means a day within a week of publication; ${formatDate(e.date)} is ${Math.abs(day - dayNumber(local))} days away. Check the date, or drop '${e.weekdayRelative}'.`,
            actual: text.slice(e.start, e.end),
            confidence: 0.8,
            kind: 'relative-vs-absolute'
          })
        }
      }

      // "yesterday, on April 1" in an article dated April 27.
      if (on.has('relative')) {
        for (const r of dates.relatives) {
          if (!proseZones.has(r.zone) || !r.paired?.date || r.paired.yearUnknown) continue
          const yearStated = r.paired.stated.year !== undefined
          const fits =
            fitsRelative(r.key, r.paired.date, yearStated, reference.day, r.count) ||
            (reference.dateline !== undefined && fitsRelative(r.key, r.paired.date, yearStated, reference.dateline, r.count))
          if (fits) continue
          const local = fromDayNumber(reference.dateline ?? reference.day)
          report({
            message: `'${r.text}' contradicts '${written(r.paired)}': the article is dated ${formatDate(local)}`,
            start: r.start,
            end: r.end,
            quoted: r.quoted && r.paired.quoted,
            note: `${meaning(r.key, local)} Keep the date and drop or correct the relative expression (or correct the date).`,
            actual: r.text,
            related: [{start: r.paired.start, end: r.paired.end, message: `the date given here: ${formatDate(r.paired.date, yearStated)}`}],
            confidence: 0.85,
            kind: 'relative-vs-absolute'
          })
        }
      }
    }

    // "yesterday, Monday," in an article dated a Friday: the weekday is not the day the relative word names.
    if (reference && on.has('relative')) {
      for (const r of dates.relatives) {
        const w = r.pairedWeekday
        const shift = dayRelatives.get(r.key)
        if (!w || shift === undefined || !proseZones.has(r.zone) || w.stated.weekday === undefined) continue
        const days = [reference.day + shift]
        if (reference.dateline !== undefined && reference.dateline !== reference.day) days.push(reference.dateline + shift)
        if (days.some((d) => weekdayOf(fromDayNumber(d)) === w.stated.weekday)) continue
        const local = fromDayNumber(reference.dateline ?? reference.day)
        const meant = fromDayNumber(days[days.length - 1])
        const real = weekdayNames[weekdayOf(meant)]
        const stated = weekdayNames[w.stated.weekday]
        const start = Math.min(r.start, w.weekday!.start)
        let end = Math.max(r.end, w.weekday!.end)
        if (text.slice(start, end).includes('(') && text[end] === ')') end++
        const span = text.slice(start, end)
        const word = r.text.toLowerCase()
        report({
          message: `'${span}': the article is dated ${weekdayNames[weekdayOf(local)]}, ${formatDate(local)}, so ${word} ${shift < 0 ? 'was' : 'is'} ${real}, not ${stated}`,
          start,
          end,
          quoted: r.quoted && w.quoted,
          note: `${meaning(r.key, local)} If the event was on ${stated}, write 'on ${stated}' (or give the date); if it was ${word}, write ${real}.`,
          actual: span,
          expected: [span.replace(weekdayToken, real)],
          related: [{start: w.weekday!.start, end: w.weekday!.end, message: `${stated} is named here`}],
          confidence: 0.85,
          kind: 'relative-vs-absolute'
        })
      }
    }

    // "A after B" where the article dates A before B; "A two days after B" where the dates are further apart.
    if (on.has('chronology')) {
      const seen = new Set<string>()
      const day = (m: EventMention) => dayOfExpression(m.dated!)
      for (const link of dates.links) {
        const sentence = article.sentences[link.sentence]
        if (!proseZones.has(sentence.zone)) continue
        const later = link.laterDated
        const earlier = link.earlierDated
        if (later.length === 0 || earlier.length === 0) continue
        // Years known for all, or unknown for all (an undated article): never a mix.
        const unknown = [...later, ...earlier].filter((m) => m.dated!.yearUnknown).length
        if (unknown !== 0 && unknown !== later.length + earlier.length) continue
        const lastOfLater = later.reduce((a, b) => (day(b) > day(a) ? b : a))
        const firstOfEarlier = earlier.reduce((a, b) => (day(b) < day(a) ? b : a))
        const gap = day(firstOfEarlier) - day(lastOfLater)
        const interval = link.interval
        let wrongGap: {expected: number; actual: number} | undefined
        if (gap < 1 && interval) {
          // "two days after": some pair of dates must be that far apart; judged only when each side has one date.
          const distinct = (list: EventMention[]) => new Set(list.map(day)).size
          const actual = day(lastOfLater) - day(firstOfEarlier)
          if (distinct(later) === 1 && distinct(earlier) === 1 && Math.abs(actual - interval.days) > interval.tolerance) wrongGap = {expected: interval.days, actual}
        }
        if ((gap < 1 && !wrongGap) || (unknown && Math.abs(gap) > 180)) continue
        const key = `${link.sentence}:${link.later.start}:${link.earlier.start}`
        if (seen.has(key)) continue
        seen.add(key)
        // Name each event as the sentence does: "the collapse", "the vote", "the levee gave way", "ordered to leave".
        const laterNoun = eventName(article, link, link.later)
        const earlierNoun = eventName(article, link, link.earlier)
        const laterDate = writtenDay(lastOfLater.dated!)
        const earlierDate = writtenDay(firstOfEarlier.dated!)
        const connectorText = interval ? `${interval.text} ${link.connector.text}` : link.connector.text
        const parts = [
          {at: link.later.start, text: link.later.text},
          {at: link.earlier.start, text: link.earlier.text},
          {at: link.connector.start, text: connectorText}
        ].sort((x, y) => x.at - y.at)
        const linkText = `'${parts.map((p) => p.text).join(' … ')}'`
        const related = [
          {start: lastOfLater.dated!.start, end: lastOfLater.dated!.end, message: `${laterNoun} is dated ${laterDate} here ('${lastOfLater.text}'${lastOfLater.dated!.quoted ? ', in a quotation' : ''})`},
          {start: firstOfEarlier.dated!.start, end: firstOfEarlier.dated!.end, message: `${earlierNoun} is dated ${earlierDate} here ('${firstOfEarlier.text}'${firstOfEarlier.dated!.quoted ? ', in a quotation' : ''})`}
        ]
        const generic = [link.later, link.earlier].some((m) => m.kind !== 'lexicon')
        if (wrongGap) {
          const implied = fromDayNumber(day(lastOfLater) - wrongGap.expected)
          report({
            message: `${linkText} puts ${earlierNoun} ${wrongGap.expected === 0 ? 'on the same day as' : wrongGap.expected === 1 ? 'the day before' : `${wrongGap.expected} days before`} ${laterNoun}, but the article dates ${laterNoun} to ${laterDate} and ${earlierNoun} to ${earlierDate}`,
            start: link.start,
            end: link.end,
            quoted: link.quoted,
            note: `${laterDate} is ${wrongGap.actual} days after ${earlierDate}, not ${interval!.text}; '${connectorText}' would put ${earlierNoun} on ${formatDate(implied, false)}. Check the interval and the dates with the source.`,
            related,
            confidence: generic ? 0.65 : 0.7,
            kind: 'chronology'
          })
          continue
        }
        report({
          message: `${linkText} puts ${laterNoun} after ${earlierNoun}, but the article dates ${laterNoun} to ${laterDate} and ${earlierNoun} to ${earlierDate}`,
          start: link.start,
          end: link.end,
          quoted: link.quoted,
          note: `One of them is wrong: ${laterDate} is ${gap === 1 ? 'the day' : `${gap} days`} before ${earlierDate}. Check the order of events and the dates with the source.`,
          related,
          confidence: generic ? 0.7 : 0.75,
          kind: 'chronology'
        })
      }
    }

    // "Two days later, on May 9" after a sentence dated May 3: the interval and the date disagree.
    if (on.has('chronology')) {
      for (const q of dates.sequels) {
        if (!proseZones.has(q.date.zone)) continue
        const unknown = [q.date, ...q.anchors].filter((e) => e.yearUnknown).length
        if (unknown !== 0 && unknown !== q.anchors.length + 1) continue
        const day = dayOfExpression(q.date)
        if (q.anchors.some((a) => Math.abs(day - dayOfExpression(a) - q.days) <= q.tolerance)) continue
        const anchor = q.anchors[q.anchors.length - 1]
        const gap = day - dayOfExpression(anchor)
        const implied = fromDayNumber(dayOfExpression(anchor) + q.days)
        const span = text.slice(q.start, q.end)
        report({
          message: `'${span}' does not add up: ${writtenDay(q.date)} is ${gap === 0 ? 'the same day as' : `${Math.abs(gap)} day${Math.abs(gap) === 1 ? '' : 's'} ${gap > 0 ? 'after' : 'before'}`} ${writtenDay(anchor)}`,
          start: q.start,
          end: q.end,
          quoted: q.quoted,
          note: `'${q.text}' counted from ${writtenDay(anchor)} gives ${formatDate(implied, false)}. Check the interval and the dates with the source.`,
          actual: span,
          related: [{start: anchor.start, end: anchor.end, message: `the date counted from: ${formatDate(fromDayNumber(dayOfExpression(anchor)), anchor.stated.year !== undefined)}`}],
          confidence: 0.7,
          kind: 'chronology'
        })
      }
    }

    // "on Thursday" with no publication date to anchor it.
    if (options.unanchoredRelative && !reference) {
      const first = [...dates.relativeWeekdays, ...dates.relatives]
        .filter((r) => proseZones.has(r.zone))
        .sort((x, y) => x.start - y.start)[0]
      if (first) {
        report({
          message: `'${first.text}' cannot be checked: the article has no publication date`,
          start: first.start,
          end: first.end,
          weak: true,
          note: 'Relative dates are read from the publication date. Add one (front matter `date:`, a meta tag, or --date) so that newslint can check them.',
          kind: 'unanchored-relative'
        })
      }
    }
  }
)

/** How the message names an event: a noun ("the hearing", "the vote"), or a verb and its few words ("'the levee gave way'"). */
function eventName(article: Article, link: EventLink, m: EventMention): string {
  if (m.kind === 'noun' || m.kind === 'head' || (m.kind === 'lexicon' && m.start > link.connector.start && !/ed$/.test(m.text))) return `the ${m.text.toLowerCase()}`
  if (m.kind === 'lexicon' && eventNouns[m.group]) return eventNouns[m.group]
  const words = article.sentences[link.sentence].words
  const at = words.findIndex((w) => w.start === m.start)
  if (at < 0) return `'${m.text}'`
  const between = (a: number, b: number) => article.text.slice(words[a].end, words[b].start)
  let from = at
  // After the connector, the phrase starts right after it ("the levee gave way").
  if (m.start > link.connector.start) while (from > 0 && words[from - 1].start > link.connector.end && /^\s+$/.test(between(from - 1, from))) from--
  let to = at
  while (to + 1 < words.length && to - at < 2 && /^\s+$/.test(between(to, to + 1)) && !/^(?:on|in|at|by|for|from|since|after|before|following|and|but|early|late|the|a|an|its|his|her|their|this|that)$/.test(words[to + 1].lower) && /^\p{Ll}/u.test(words[to + 1].text)) to++
  return `'${article.text.slice(words[from].start, words[to].end)}'`
}

/** The date as written, without a leading weekday or preposition. */
function dateText(text: string, e: TemporalExpression): string {
  let value = text.slice(e.start, e.end)
  value = value
    .replace(/^(?:on\s+)?(?:(?:last|next|this)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)\s*[,(]?\s*/, '')
    .replace(/\)\s*$/, '')
    .replace(/(?:,\s+an?\s+|\s*\(\s*)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)\s*\)?$/, '')
  return value.trim()
}

/** Is the weekday right in another year the reader could mean (near the publication date, or named in the paragraph)? */
function weekdayFitsAnotherYear(e: TemporalExpression, article: Article, reference: number | undefined): boolean {
  const text = article.text
  const {month, day} = e.date!
  const candidates = new Set<number>()
  if (reference !== undefined) {
    const near = nearestYear(month, day, reference)
    const refYear = fromDayNumber(reference).year
    for (const year of [refYear - 1, refYear, refYear + 1]) {
      if (year === near.year || day > daysInMonth(year, month)) continue
      if (Math.abs(dayNumber({year, month, day}) - reference) <= 200) candidates.add(year)
    }
  }
  if (e.contextYear !== undefined) candidates.add(e.contextYear)
  // Years named near the date: "In 2015, … on Tuesday, March 3".
  const paragraph = article.paragraphs[article.sentences[e.sentence].paragraph]
  const around = text.slice(Math.max(paragraph.start, e.start - 300), Math.min(paragraph.end, e.end + 150))
  for (const match of around.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) candidates.add(Number(match[1]))
  for (const year of candidates) {
    if (day <= daysInMonth(year, month) && weekdayOf({year, month, day}) === e.stated.weekday) return true
  }
  return false
}

function nearestWithWeekday(date: CalendarDate, weekday: number): CalendarDate {
  const forward = (weekday - weekdayOf(date) + 7) % 7
  const shift = forward <= 3 ? forward : forward - 7
  return fromDayNumber(dayNumber(date) + shift)
}

function meaning(key: string, local: CalendarDate): string {
  const day = dayNumber(local)
  const monthName = (offset: number) => monthFullNames[(((local.month - 1 + offset) % 12) + 12) % 12]
  switch (key) {
    case 'yesterday': case 'last night': return `Yesterday is ${formatDate(fromDayNumber(day - 1), false)}.`
    case 'today': case 'tonight': case 'this morning': case 'this afternoon': case 'this evening': return `Today is ${formatDate(local, false)}.`
    case 'tomorrow': return `Tomorrow is ${formatDate(fromDayNumber(day + 1), false)}.`
    case 'last month': return `Last month is ${monthName(-1)}.`
    case 'this month': case 'earlier this month': case 'later this month': return `This month is ${monthName(0)}.`
    case 'next month': return `Next month is ${monthName(1)}.`
    case 'last year': return `Last year is ${local.year - 1}.`
    case 'next year': return `Next year is ${local.year + 1}.`
    case 'this year': case 'earlier this year': case 'later this year': return `This year is ${local.year}.`
    case 'days ago': case 'weeks ago': return `Counted from ${formatDate(local, false)}.`
    default: return `The week is that of ${formatDate(local, false)}.`
  }
}
