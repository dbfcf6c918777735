/** The date model (src/model/dates.ts): calendar arithmetic, expressions, relatives, tense, events and links. */
import {describe, expect, it} from 'vitest'
import {
  buildDates,
  eventStem,
  dayNumber,
  daysInMonth,
  fitsRelative,
  fromDayNumber,
  isLeapYear,
  nearestYear,
  weekdayOf,
  type DateModel
} from '../src/model/dates.js'
import {lintWith} from './helpers.js'

function model(text: string, date?: string, path = 'story.txt'): DateModel {
  const file = lintWith(text, path, {}, date)
  return buildDates(file.data.article!)
}

describe('calendar arithmetic', () => {
  it('counts days and weekdays', () => {
    expect(weekdayOf({year: 2015, month: 3, day: 3})).toBe(2) // Tuesday
    expect(weekdayOf({year: 2024, month: 12, day: 8})).toBe(0) // Sunday
    const n = dayNumber({year: 2020, month: 2, day: 28})
    expect(fromDayNumber(n + 1)).toEqual({year: 2020, month: 2, day: 29})
    expect(fromDayNumber(n + 2)).toEqual({year: 2020, month: 3, day: 1})
  })
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(undefined, 2)).toBe(29)
    expect(daysInMonth(2023, 4)).toBe(30)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2000)).toBe(true)
  })
  it('reads a yearless date in the year nearest the reference', () => {
    const ref = dayNumber({year: 2017, month: 11, day: 21})
    expect(nearestYear(1, 5, ref).year).toBe(2018)
    expect(nearestYear(6, 1, ref).year).toBe(2017)
    expect(nearestYear(12, 2, ref).year).toBe(2017)
  })
})

describe('relative windows', () => {
  const ref = dayNumber({year: 2021, month: 9, day: 23})
  it('yesterday is the day before, give or take the wire day', () => {
    expect(fitsRelative('yesterday', {year: 2021, month: 9, day: 22}, false, ref)).toBe(true)
    expect(fitsRelative('yesterday', {year: 2021, month: 9, day: 15}, false, ref)).toBe(false)
  })
  it('months', () => {
    expect(fitsRelative('last month', {year: 2021, month: 8, day: 4}, false, ref)).toBe(true)
    expect(fitsRelative('last month', {year: 2021, month: 9, day: 4}, false, ref)).toBe(false)
    expect(fitsRelative('earlier this month', {year: 2021, month: 9, day: 2}, false, ref)).toBe(true)
    expect(fitsRelative('earlier this month', {year: 2021, month: 8, day: 30}, false, ref)).toBe(false)
    expect(fitsRelative('earlier this month', {year: 2021, month: 9, day: 29}, false, ref)).toBe(false)
  })
  it('years only when the year is stated', () => {
    expect(fitsRelative('last year', {year: 2019, month: 5, day: 1}, true, ref)).toBe(false)
    expect(fitsRelative('last year', {year: 2021, month: 5, day: 1}, false, ref)).toBe(true)
  })
})

describe('buildDates', () => {
  it('keeps what was stated and what was implied', () => {
    const m = model('The port reopened on Tuesday, March 3, 2015. The ferry left on June 9.', '2015-06-20')
    const [first, second] = m.expressions
    expect(first.stated).toEqual({year: 2015, month: 3, day: 3, weekday: 2})
    expect(first.weekday).toBeDefined()
    expect(second.stated).toEqual({month: 6, day: 9})
    expect(second.date).toEqual({year: 2015, month: 6, day: 9})
    expect(second.yearUnknown).toBe(false)
  })
  it('marks the year unknown without a publication date', () => {
    const m = model('The ferry left on June 9.')
    expect(m.reference).toBeUndefined()
    expect(m.expressions[0].yearUnknown).toBe(true)
  })
  it('anchors on the publication date and the wire dateline', () => {
    const m = model('SANTIAGO, Feb 9 (Reuters) - Miners agreed a deal yesterday.', '1988-02-10')
    expect(m.reference?.date).toEqual({year: 1988, month: 2, day: 10})
    expect(m.reference?.dateline).toBe(dayNumber({year: 1988, month: 2, day: 9}))
    // The dateline's own date is not an expression of the story.
    expect(m.expressions).toHaveLength(0)
    expect(m.relatives.map((r) => r.key)).toEqual(['yesterday'])
  })
  it('joins a weekday to a date in brackets or after it', () => {
    const m = model('They met on Friday (Nov. 3). They voted on Nov. 2, a Thursday.', '2017-11-21')
    expect(m.expressions.map((e) => [e.stated.weekday, e.stated.day])).toEqual([[5, 3], [4, 2]])
  })
  it('pairs a relative expression with the date beside it', () => {
    const m = model('The fine was imposed yesterday, on Sept. 15, and the inquiry opened earlier this month on Sept. 2.', '2021-09-23')
    expect(m.relatives.map((r) => [r.key, r.paired?.text])).toEqual([
      ['yesterday', 'Sept. 15'],
      ['earlier this month', 'Sept. 2']
    ])
  })
  it('finds impossible dates but not counts', () => {
    const m = model('Claims are due by 30 February. The fair opened on June 31, 1994. In June 31 growers joined. It closed on 29 February 2016.')
    expect(m.impossible.map((d) => d.text)).toEqual(['30 February', 'June 31, 1994'])
  })
  it('reads the tense that governs a date', () => {
    const m = model(
      'The quarter ended on Oct. 21. The court on Oct. 22 partially granted the request. The board will meet on Oct. 27. Talks went on as recently as Oct. 19.\n\nOn Oct. 23, the mayor signed the order. The vote is set for Oct. 30.',
      '2022-10-04'
    )
    expect(m.expressions.map((e) => [e.text, e.tense])).toEqual([
      ['Oct. 21', 'past'],
      ['Oct. 22', 'past'],
      ['Oct. 27', 'future'],
      ['Oct. 19', 'past'],
      ['Oct. 23', 'past'],
      ['Oct. 30', 'unknown']
    ])
  })
  it('dates events and links them', () => {
    const m = model(
      'The climbers fled the camp following the collapse of the bridge.\n\nOn March 12, the bridge collapsed.\n\n"On March 11, the climbers fled," the service said.'
    )
    expect(m.links).toHaveLength(1)
    expect(m.links[0].later.group).toBe('flight')
    expect(m.links[0].earlier.group).toBe('fall')
    const dated = m.events.filter((e) => e.dated).map((e) => [e.group, e.dated!.text, e.quoted])
    expect(dated).toEqual([
      ['fall', 'March 12', false],
      ['flight', 'March 11', true]
    ])
  })
  it('skips chrono where a sentence cannot hold a date', () => {
    const m = model('The chairman, 61, has led the port for over two decades. Traffic grew from 2004 to 2011 and the 1998-99 season was its best.')
    expect(m.expressions).toHaveLength(0)
    expect(m.impossible).toHaveLength(0)
  })
})

describe('inconsistent-date options', () => {
  const story = 'Library reopens\n\nThe town library reopened on Thursday after flood repairs.\n'
  it('is quiet on an undated relative date by default', () => {
    const file = lintWith(story, 'story.txt', {'inconsistent-date': 'warn'})
    expect(file.messages).toHaveLength(0)
  })
  it('gives one info message with unanchoredRelative', () => {
    const file = lintWith(story, 'story.txt', {'inconsistent-date': ['warn', {unanchoredRelative: true}]})
    expect(file.messages.map((m) => [m.reason.split(':')[0], m.fatal])).toEqual([["'Thursday' cannot be checked", undefined]])
  })
  it('runs only the chosen checks', () => {
    const text = 'The lease was signed on Thursday, March 3, 2015, and runs until 31 April.'
    const all = lintWith(text, 'story.txt', {'inconsistent-date': 'warn'})
    expect(all.messages).toHaveLength(2)
    const some = lintWith(text, 'story.txt', {'inconsistent-date': ['warn', {checks: ['impossible']}]})
    expect(some.messages.map((m) => m.reason)).toEqual(["April has only 30 days: '31 April' does not exist"])
  })
  it('names both places of a chronology contradiction', () => {
    const text = 'The minister resigned following the arrest of his aide.\n\nPolice arrested the aide on May 14.\n\nThe minister announced his resignation on May 12.\n'
    const file = lintWith(text, 'story.txt', {'inconsistent-date': 'warn'})
    expect(file.messages).toHaveLength(1)
    const data = (file.messages[0] as unknown as {data: {related: Array<{message: string}>}}).data
    expect(data.related.map((r) => r.message)).toEqual([
      "the resignation is dated May 12 here ('resignation')",
      "the arrest is dated May 14 here ('arrested')"
    ])
  })
})

describe('more forms', () => {
  it('reads abbreviated and relative weekdays', () => {
    const m = model('The court will rule on Thurs., Dec. 7. It ruled last Thursday, Nov. 9.', '2017-12-04')
    expect(m.expressions.map((e) => [e.text, e.stated.weekday, e.weekdayRelative])).toEqual([
      ['Thurs., Dec. 7', 4, undefined],
      ['last Thursday, Nov. 9', 4, 'last']
    ])
  })
  it('counts days and weeks ago', () => {
    const m = model('The plant closed three days ago, on Jan. 30.', '2017-02-10')
    expect(m.relatives.map((r) => [r.key, r.count, r.paired?.text])).toEqual([['days ago', 3, 'Jan. 30']])
    const ref = dayNumber({year: 2017, month: 2, day: 10})
    expect(fitsRelative('days ago', {year: 2017, month: 2, day: 7}, false, ref, 3)).toBe(true)
    expect(fitsRelative('days ago', {year: 2017, month: 1, day: 30}, false, ref, 3)).toBe(false)
  })
  it('reads February 29 in the publication year when February is near', () => {
    const m = model('The market reopens on February 29.', '2019-02-10')
    expect(m.impossible.map((d) => [d.text, d.year, d.yearImplied])).toEqual([['February 29', 2019, true]])
    expect(model('The market reopens on February 29.', '2020-02-10').impossible).toHaveLength(0)
  })
  it('extends the verb over particles and a short object, not over reported speech', () => {
    const m = model('The vote took place on Feb. 14. The fund announced the deal on Feb. 20. He said the vote on Feb. 21 would be close.', '2017-02-10')
    expect(m.expressions.map((e) => [e.text, e.tense, e.verb?.text])).toEqual([
      ['Feb. 14', 'past', 'took place'],
      ['Feb. 20', 'past', 'announced'],
      ['Feb. 21', 'unknown', undefined]
    ])
  })
  it('checks "earlier this year" without a stated year', () => {
    const ref = dayNumber({year: 2017, month: 2, day: 10})
    expect(fitsRelative('earlier this year', {year: 2016, month: 12, day: 8}, false, ref)).toBe(false)
    expect(fitsRelative('earlier this year', {year: 2017, month: 1, day: 8}, false, ref)).toBe(true)
  })
})

describe('records, numeric dates and bracketed weekdays', () => {
  it('dates a record reported in the past ("in a Dec. 15 interview, he said")', () => {
    const past = model('In a Dec. 15 interview with the paper, the senator said he would run.', '2017-12-04')
    expect(past.expressions.map((e) => [e.tense, e.verb?.text])).toEqual([['past', 'said']])
    const future = model('The senator will give a Dec. 15 interview to the paper.', '2017-12-04')
    expect(future.expressions.map((e) => e.tense)).toEqual(['future'])
  })
  it('finds numeric dates impossible either way round', () => {
    const m = model('Numbers returned to pre-31/09/2001 levels; the 12/31/2016 figures and 09/12/2001 were higher.')
    expect(m.impossible.map((d) => [d.text, d.month, d.day])).toEqual([['31/09/2001', 9, 31]])
  })
  it('joins a date and a weekday in brackets after it', () => {
    const m = model('The court ruled on Dec. 1 (Thursday) that the ban stands.', '2017-12-04')
    expect(m.expressions.map((e) => [e.text, e.stated.weekday])).toEqual([['Dec. 1 (Thursday)', 4]])
  })
})

describe('the clause before a date', () => {
  const tenses = (text: string) => model(text, '2017-11-20').expressions.map((e) => [e.text, e.tense])
  it('reads passive, perfect, figures, agents and bare objects as past', () => {
    expect(tenses('The strikes were called off by the union on Nov. 13.')).toEqual([['Nov. 13', 'past']])
    expect(tenses('The rate dropped to around 8 pct on Nov. 13.')).toEqual([['Nov. 13', 'past']])
    expect(tenses('The bill, passed by the House on Nov. 16, goes to the Senate.')).toEqual([['Nov. 16', 'past']])
    expect(tenses('The bank raised rates on Nov. 1.')).toEqual([['Nov. 1', 'past']])
    expect(tenses('Since taking office on Feb. 1, he has travelled widely.')).toEqual([['Feb. 1', 'past']])
    expect(tenses('The talks on Nov. 6, which restored calm, ended early.')).toEqual([['Nov. 6', 'past']])
  })
  it('leaves the future and other events alone', () => {
    expect(tenses('Shares rose 2 percent ahead of the vote on Dec. 5.')).toEqual([['Dec. 5', 'unknown']])
    expect(tenses('The bill is expected to be passed by the House on Dec. 5.')).toEqual([['Dec. 5', 'unknown']])
    expect(tenses('The plan was approved in principle, with a final vote scheduled on Dec. 12.')).toEqual([['Dec. 12', 'unknown']])
    expect(tenses('The union called a strike for Dec. 2.')).toEqual([['Dec. 2', 'unknown']])
  })
})

describe('weeks', () => {
  it('reads last, this and next week as calendar weeks, with a day of grace', () => {
    const ref = dayNumber({year: 2017, month: 11, day: 22}) // a Wednesday
    const fits = (key: 'last week' | 'this week' | 'next week', day: number) => fitsRelative(key, {year: 2017, month: 11, day}, false, ref)
    expect(fits('last week', 13)).toBe(true)
    expect(fits('last week', 9)).toBe(false)
    expect(fits('this week', 20)).toBe(true)
    expect(fits('this week', 14)).toBe(false)
    expect(fits('next week', 28)).toBe(true)
    expect(fits('next week', 21)).toBe(false)
  })
})

describe('a week ago', () => {
  it('reads "a week ago" and "a day ago"', () => {
    const m = model('The plant closed a week ago, on Nov. 2, and reopened a day ago, on Nov. 19.', '2017-11-20')
    expect(m.relatives.map((r) => [r.key, r.count, r.paired?.text])).toEqual([
      ['weeks ago', 1, 'Nov. 2'],
      ['days ago', 1, 'Nov. 19']
    ])
  })
})

describe('events beyond the lexicon', () => {
  it('gives a verb and its nominalisation one stem', () => {
    const pairs: Array<[string, string]> = [
      ['evacuated', 'evacuation'],
      ['invaded', 'invasion'],
      ['closed', 'closure'],
      ['suspended', 'suspension'],
      ['approved', 'approval'],
      ['announced', 'announcement'],
      ['tried', 'trial'],
      ['hearing', 'hearings'],
      ['collapsed', 'collapse']
    ]
    for (const [verb, noun] of pairs) expect(eventStem(verb), `${verb}/${noun}`).toBe(eventStem(noun))
    expect(eventStem('demolition').startsWith('demol')).toBe(true)
  })
  it('pairs a weekday in apposition with a relative day', () => {
    const m = model('The board met yesterday, Monday, and again today (Friday). Monday, Tuesday and Wednesday were busy.', '2020-02-14')
    expect(m.relatives.map((r) => [r.key, r.pairedWeekday?.text])).toEqual([
      ['yesterday', 'Monday'],
      ['today', 'Friday']
    ])
  })
  it('links a clause and a nominalisation, with the interval the sentence states', () => {
    const m = model('The board voted on April 30, two days after a public hearing.\n\nThe hearing was held on May 2.', '2025-05-06')
    expect(m.links).toHaveLength(1)
    const link = m.links[0]
    expect([link.later.text, link.earlier.text, link.earlier.kind, link.interval?.days]).toEqual(['voted', 'hearing', 'noun', 2])
    expect(link.laterDated.map((e) => e.dated!.text)).toEqual(['April 30'])
    expect(link.earlierDated.map((e) => e.dated!.text)).toEqual(['May 2'])
  })
  it('needs the subject and the object of a verb outside the lexicon to meet again', () => {
    const same = model('Prices slid on March 3, after the bank raised rates.\n\nThe bank raised rates on March 9.', '2023-03-20')
    expect(same.links[0].earlierDated.map((e) => e.dated!.text)).toEqual(['March 9'])
    const other = model('Prices slid on March 3, after the bank raised rates.\n\nThe bank raised its forecast on March 9.', '2023-03-20')
    expect(other.links[0].earlierDated).toEqual([])
  })
  it('leaves plans, people and time spans out', () => {
    const plan = model('He was freed on May 4, after a hearing.\n\nA further hearing is set for May 29.', '2023-05-30')
    expect(plan.links[0].earlierDated).toEqual([])
    expect(model('The hall was named after the founder on May 3. The founder died on May 9.', '2023-05-30').links).toEqual([])
    expect(model('The levee broke on May 3 after two days of rain.', '2023-05-30').links).toEqual([])
    expect(model('The firm announced on May 3 that it would cut jobs after the takeover. The takeover was completed on May 10.', '2023-05-30').links).toEqual([])
  })
})

describe('sequels', () => {
  it('reads a date given as an interval from the dates before it', () => {
    const m = model('The council met on May 3.\n\nTwo days later, on May 9, it approved the budget. The next day, May 10, the mayor signed it.', '2023-05-20')
    expect(m.sequels.map((q) => [q.text, q.days, q.date.text, q.anchors.map((a) => a.text)])).toEqual([
      ['Two days later', 2, 'May 9', ['May 3']],
      ['The next day', 1, 'May 10', ['May 9']]
    ])
  })
})

describe('weekdays told in the past', () => {
  it('imply the last such day on or before publication, for chronology', () => {
    const m = model('The mayor resigned on Monday. The council will meet on Friday.', '2024-10-16')
    expect(m.expressions.map((e) => [e.text, e.impliedDate])).toEqual([
      ['Monday', {year: 2024, month: 10, day: 14}],
      ['Friday', undefined]
    ])
  })
})

describe('a noun and its own date', () => {
  it('is the event before the connector when no verb names one', () => {
    const m = model('The final match on June 10 was followed by a meeting with fans.\n\nThe meeting took place on June 8.', '2023-06-30')
    expect(m.links.map((l) => [l.later.text, l.earlier.text, l.laterDated.map((e) => e.dated!.text), l.earlierDated.map((e) => e.dated!.text)])).toEqual([
      ['meeting', 'match', ['June 8'], ['June 10']]
    ])
  })
})
