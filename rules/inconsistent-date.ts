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

    // "A after B" where the article dates A before B.
    if (on.has('chronology')) {
      const datedBy = new Map<string, EventMention[]>()
      for (const event of dates.events) {
        if (!event.dated) continue
        const list = datedBy.get(event.group) ?? []
        list.push(event)
        datedBy.set(event.group, list)
      }
      // Per event group: its first and last dated mention, computed once.
      const spans = new Map<string, {first: EventMention; last: EventMention; count: number; unknown: number} | undefined>()
      const spanOf = (group: string) => {
        if (!spans.has(group)) {
          const list = datedBy.get(group)
          const day = (m: EventMention) => dayNumber(m.dated!.date!)
          spans.set(
            group,
            list?.length
              ? {
                  first: list.reduce((a, b) => (day(b) < day(a) ? b : a)),
                  last: list.reduce((a, b) => (day(b) > day(a) ? b : a)),
                  count: list.length,
                  unknown: list.filter((m) => m.dated!.yearUnknown).length
                }
              : undefined
          )
        }
        return spans.get(group)
      }
      const seen = new Set<string>()
      for (const link of dates.links) {
        const sentence = article.sentences[link.sentence]
        if (!proseZones.has(sentence.zone)) continue
        const later = spanOf(link.later.group)
        const earlier = spanOf(link.earlier.group)
        if (!later || !earlier) continue
        // Years known for all, or unknown for all (an undated article): never a mix.
        const unknown = later.unknown + earlier.unknown
        if (unknown !== 0 && unknown !== later.count + earlier.count) continue
        const day = (m: EventMention) => dayNumber(m.dated!.date!)
        const lastOfLater = later.last
        const firstOfEarlier = earlier.first
        const gap = day(firstOfEarlier) - day(lastOfLater)
        if (gap < 1 || (unknown && gap > 180)) continue
        const key = `${link.sentence}:${link.later.group}:${link.earlier.group}`
        if (seen.has(key)) continue
        seen.add(key)
        // Name each event by the noun the sentence uses after the connector ("the collapse"), else by its group.
        const afterConnector = (m: EventMention) => m.start > link.connector.start
        const laterNoun = afterConnector(link.later) ? `the ${link.later.text.toLowerCase()}` : eventNouns[link.later.group] ?? `the ${link.later.group}`
        const earlierNoun = afterConnector(link.earlier) ? `the ${link.earlier.text.toLowerCase()}` : eventNouns[link.earlier.group] ?? `the ${link.earlier.group}`
        const laterDate = written(lastOfLater.dated!)
        const earlierDate = written(firstOfEarlier.dated!)
        const a = text.slice(link.start, link.start + (link.later.start === link.start ? link.later.text.length : link.earlier.text.length))
        const b = link.later.start === link.start ? link.earlier.text : link.later.text
        report({
          message: `'${a} … ${link.connector.text} … ${b}' puts ${laterNoun} after ${earlierNoun}, but the article dates ${laterNoun} to ${laterDate} and ${earlierNoun} to ${earlierDate}`,
          start: link.start,
          end: link.end,
          quoted: link.quoted,
          note: `One of them is wrong: ${laterDate} is ${gap === 1 ? 'the day' : `${gap} days`} before ${earlierDate}. Check the order of events and the dates with the source.`,
          related: [
            {start: lastOfLater.dated!.start, end: lastOfLater.dated!.end, message: `${laterNoun} is dated ${laterDate} here ('${lastOfLater.text}'${lastOfLater.dated!.quoted ? ', in a quotation' : ''})`},
            {start: firstOfEarlier.dated!.start, end: firstOfEarlier.dated!.end, message: `${earlierNoun} is dated ${earlierDate} here ('${firstOfEarlier.text}'${firstOfEarlier.dated!.quoted ? ', in a quotation' : ''})`}
          ],
          confidence: 0.75,
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
    case 'yesterday': return `Yesterday is ${formatDate(fromDayNumber(day - 1), false)}.`
    case 'today': case 'tonight': return `Today is ${formatDate(local, false)}.`
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
