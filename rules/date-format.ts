/**
 * date-format: Mixed date styles within one article ("Dec. 8" and "8 December").
 * Documentation: rules/date-format.md.
 *
 * Thin: the date model gives each day-and-month date its style (order,
 * month abbreviated or spelled out, ordinal suffix); this rule reports the
 * dates written against the article's own majority style.
 */
import {defineRule} from '../src/rule.js'
import {modelOf} from '../src/article/index.js'
import {buildDates, monthFullNames, type DateStyle, type TemporalExpression} from '../src/model/dates.js'

export interface DateFormatOptions {
  /** Which differences count: day/month order, abbreviated months, ordinal suffixes. */
  checks: Array<'order' | 'month' | 'ordinal'>
  /** How many dates an article needs before its styles are compared. */
  minimumDates: number
}

/** Months that news styles abbreviate before a day (AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec.). */
const abbreviations: Record<number, string> = {1: 'Jan.', 2: 'Feb.', 8: 'Aug.', 9: 'Sept.', 10: 'Oct.', 11: 'Nov.', 12: 'Dec.'}

export default defineRule<DateFormatOptions>(
  {
    id: 'date-format',
    category: 'dates',
    description: 'Mixed date styles within one article (“Dec. 8” and “8 December”).',
    level: 'info',
    recommended: true,
    schema: {
      properties: {
        checks: {type: 'array', items: {enum: ['order', 'month', 'ordinal']}},
        minimumDates: {type: 'integer', minimum: 2}
      }
    },
    defaults: {checks: ['order', 'month', 'ordinal'], minimumDates: 2}
  },
  ({article, file, options, report}) => {
    const dates = modelOf(file, 'dates', buildDates)
    const styled = dates.expressions.filter(
      (e): e is TemporalExpression & {style: DateStyle} =>
        e.style !== undefined && !e.quoted && (e.zone === 'body' || e.zone === 'list-item' || e.zone === 'caption')
    )
    if (styled.length < options.minimumDates) return
    const text = article.text
    type Styled = TemporalExpression & {style: DateStyle}
    type Check = 'order' | 'month' | 'ordinal'
    const applies = (check: Check, e: Styled) => check !== 'month' || (abbreviations[e.style.monthNumber] !== undefined && e.style.order === 'month-day')
    // The article's own style for each check: the majority; on a tie, the first date's.
    const majority = new Map<Check, {value: unknown; example: Styled}>()
    for (const check of options.checks) {
      const among = styled.filter((e) => applies(check, e))
      if (among.length === 0) continue
      const counts = new Map<unknown, Styled[]>()
      for (const e of among) counts.set(e.style[check], [...(counts.get(e.style[check]) ?? []), e])
      const [major] = [...counts.entries()].sort((x, y) => y[1].length - x[1].length || x[1][0].start - y[1][0].start)
      majority.set(check, {value: major[0], example: major[1][0]})
    }

    const describe: Record<Check, (value: unknown) => string> = {
      order: (order) => (order === 'month-day' ? 'month first' : 'day first'),
      month: (form) => (form === 'abbreviated' ? 'with the month abbreviated' : 'with the month spelled out'),
      ordinal: (ordinal) => (ordinal ? 'with an ordinal suffix' : 'without an ordinal suffix')
    }
    const ordinalOf = (day: number) => (day % 100 >= 11 && day % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th')
    for (const e of styled) {
      const differs = [...majority.entries()].filter(([check, major]) => applies(check, e) && e.style[check] !== major.value)
      if (differs.length === 0) continue
      const written = text.slice(e.style.start, e.style.end)
      const want = (check: Check) => (majority.get(check)?.value ?? e.style[check]) as DateStyle[Check]
      const order = applies('order', e) ? (want('order') as DateStyle['order']) : e.style.order
      const abbreviate = order === 'month-day' && majority.has('month') ? majority.get('month')!.value === 'abbreviated' : e.style.month === 'abbreviated'
      let month = /[A-Z][a-z]+\.?/.exec(written)?.[0] ?? monthFullNames[e.style.monthNumber - 1]
      if (majority.has('month') && abbreviations[e.style.monthNumber]) month = abbreviate ? abbreviations[e.style.monthNumber] : monthFullNames[e.style.monthNumber - 1]
      const day = `${e.style.day}${want('ordinal') ? ordinalOf(e.style.day) : ''}`
      const expected = order === 'month-day' ? `${month} ${day}` : `${day} ${month.replace(/\.$/, '')}`
      const [check, major] = differs[0]
      const example = text.slice(major.example.style.start, major.example.style.end)
      report({
        message: `'${written}' is written ${differs.map(([c]) => describe[c](e.style[c])).join(', ')}; the article's other dates are written ${differs.map(([c, m]) => describe[c](m.value)).join(', ')} ('${example}')`,
        start: e.style.start,
        end: e.style.end,
        weak: true,
        note: 'Pick one date style and keep to it (most news styles write "Dec. 8").',
        actual: written,
        expected: [expected],
        related: [{start: major.example.style.start, end: major.example.style.end, message: `written ${describe[check](major.value)} here`}],
        kind: `date-format-${differs.map(([c]) => c).join('-')}`
      })
    }
  }
)
