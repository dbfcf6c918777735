/**
 * Large and hostile articles: linting finishes (no quadratic blow-up, no
 * hang) and stays well-formed. No timing is asserted; the test timeout
 * catches a hang.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createProcessor, lintSync} from '../src/index.js'

const processor = createProcessor({config: {preset: 'all'}})

const paragraph = (i: number) =>
  `On Tuesday, March ${(i % 28) + 1}, about ${1000 + i} workers walked out after ${i % 7 + 2} rounds of talks, the union said. ` +
  `Numerous ships were diverted and critics say the dispute was caused by years of neglect. ` +
  `"We will not give in," said spokesman Ola Brekke ${i}. The port lost $${i}m in fees, or ${i % 90}.5 pct of its revenue, last week.`

describe('large articles', () => {
  it('lints a 1 MB article with thousands of dates, figures and quotes', () => {
    const parts = ['Port strike drags on', '']
    for (let i = 0; parts.join('\n\n').length < 1_000_000; i++) parts.push(paragraph(i))
    const value = parts.join('\n\n')
    const file = lintSync(new VFile({path: 'huge.txt', value}), {date: '2024-03-30'}, processor)
    expect(file.data.article!.paragraphs.length).toBeGreaterThan(2000)
    for (const message of file.messages) {
      const place = message.place as {end: {offset: number}}
      expect(place.end.offset).toBeLessThanOrEqual(value.length)
    }
  })
  it('lints one enormous paragraph and one enormous sentence', () => {
    const sentence = 'The council, ' + 'which met again, '.repeat(20_000) + 'voted.'
    lintSync(new VFile({path: 'long.txt', value: `Headline\n\n${sentence}`}), {}, processor)
    const noPunctuation = 'word '.repeat(100_000)
    lintSync(new VFile({path: 'flat.txt', value: noPunctuation}), {}, processor)
  })
  it('survives deeply nested and malformed HTML', () => {
    const value = '<article>' + '<div><span>'.repeat(5000) + 'The the text.' + '</p></td>'.repeat(100) + '<p>Unclosed <b>bold <i>italic'
    const file = lintSync(new VFile({path: 'deep.html', value}), {}, processor)
    expect(file.messages.every((m) => m.ruleId !== undefined)).toBe(true)
  })
  it('survives pathological quotation marks and brackets', () => {
    const value = 'Quotes\n\n' + '“'.repeat(10_000) + ' and ' + '"'.repeat(10_000) + ' (' .repeat(10_000) + '.'
    lintSync(new VFile({path: 'q.txt', value}), {}, processor)
  })
})
