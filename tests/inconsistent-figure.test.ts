/** inconsistent-figure, case by case. */
import {describe, expect, it} from 'vitest'
import {lintWith} from './helpers.js'
import {messageData} from '../src/message.js'

function run(text: string, options?: Record<string, unknown>, path = 'story.txt') {
  const file = lintWith(text, path, {'inconsistent-figure': options ? ['warn', options] : 'warn'})
  return file.messages.filter((m) => m.ruleId === 'inconsistent-figure')
}

const story = (...paragraphs: string[]) => paragraphs.join('\n\n') + '\n'

describe('inconsistent-figure', () => {
  it('flags a headline the body contradicts, naming both values', () => {
    const text = '---\ntitle: Flood Forces 4,300 From Their Homes\n---\n\nThe flood forced 3,400 people from their homes, officials said.\n'
    const [message, ...rest] = run(text, undefined, 'story.md')
    expect(rest).toEqual([])
    expect(message.reason).toBe('The headline says 4,300 but the body says 3,400 (line 5): check which is right')
    expect(message.line).toBe(2)
    expect(message.expected).toEqual(['3,400'])
    expect(messageData(message)?.related?.[0].place.start.line).toBe(5)
  })

  it('honours roundings and approximations', () => {
    const agree = story(
      'Iraq Returns 1,905 Syrian Soldiers',
      'Iraq returned 1,905 Syrian soldiers on Thursday, the army said.',
      'The return of over 1,900 Syrian soldiers took a day. About 2,000 Syrian soldiers had fled in December.'
    )
    expect(run(agree)).toEqual([])
    const disagree = story(
      'Dock Strike Spreads',
      'More than 2,000 dock workers walked out on Monday, the union said.',
      'Port managers said 1,905 dock workers walked out on Monday.'
    )
    expect(run(disagree).map((m) => m.actual)).toEqual(['1,905'])
  })

  it('compares sums across units and wire style', () => {
    expect(run(story('Fund Raises $5bn', 'The fund raised five billion dollars from investors on Monday.'))).toEqual([])
    const wire = story(
      'ACME CORP NET UP 12 PCT',
      'NEW YORK, April 2 - Acme Corp said net income rose 21 pct to 3 mln dlrs from 2.48 mln dlrs a year earlier.'
    )
    expect(run(wire).map((m) => m.reason)).toEqual(['The headline says 12 PCT but the body says 21 pct (line 3): check which is right'])
    const slip = story(
      'The company posted a net loss of 3 mln dlrs for the year, its chairman said.',
      'Analysts were surprised. The net loss of 30 mln dlrs for the year was blamed on weak demand.'
    )
    expect(run(slip).map((m) => m.actual)).toEqual(['30 mln dlrs'])
  })

  it('leaves changes, parts and different times alone', () => {
    const text = story(
      'The storm killed 23 people on Monday, officials said.',
      'By Wednesday the storm had killed 31 people, officials said.',
      'Exports rose 4.1 pct to 2.3 billion dlrs from 2.2 billion dlrs, and imports rose 2.3 pct.',
      'The company agreed to pay $28.5m. It will pay $13m in penalties as well as $15.5m to settle a lawsuit.'
    )
    expect(run(text)).toEqual([])
  })

  it('honours its options', () => {
    const text = story('Flood Forces 4,300 From Their Homes', 'The flood forced 3,400 people from their homes, officials said.')
    expect(run(text)).toHaveLength(1)
    expect(run(text, {headline: false})).toEqual([])
    const body = story('An earthquake killed 46 people in the province on Sunday.', 'The earthquake killed 64 people in the province, the governor said.')
    expect(run(body)).toHaveLength(1)
    expect(run(body, {body: false})).toEqual([])
  })
})
