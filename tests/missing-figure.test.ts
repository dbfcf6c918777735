/** missing-figure, case by case (in the spirit of ESLint's RuleTester). */
import {describe, expect, it} from 'vitest'
import {lintWith} from './helpers.js'
import {messageData, severityOfMessage} from '../src/message.js'

function run(text: string, options?: Record<string, unknown>, path = 'story.txt') {
  const file = lintWith(text, path, {'missing-figure': options ? ['warn', options] : 'warn'})
  return file.messages.filter((m) => m.ruleId === 'missing-figure')
}

const story = (...paragraphs: string[]) => paragraphs.join('\n\n') + '\n'

describe('missing-figure', () => {
  it('suggests the figure the article gives elsewhere', () => {
    const [message, ...rest] = run(
      story(
        'The ministry said 1,240 Syrian officers and soldiers were returned on Thursday.',
        'During the fighting, numerous members of the Syrian military crossed the border.'
      )
    )
    expect(rest).toEqual([])
    expect(message.reason).toMatch(/^'numerous members of the Syrian military' is vague: the article gives 1,240 Syrian officers and soldiers elsewhere/)
    expect(message.expected).toEqual(['1,240 members of the Syrian military'])
    expect(messageData(message)?.related?.[0].message).toMatch(/1,240/)
  })

  it('flags casualties, sums and shares with no figure', () => {
    const messages = run(
      story(
        'Officials met on Monday to discuss the budget for the coming year.',
        'The floods displaced thousands across the delta, aid workers said.',
        'The developer agreed to pay millions of dollars to the residents.',
        'Tourism accounts for a substantial portion of the island’s income.'
      )
    )
    expect(messages.map((m) => m.actual)).toEqual(['thousands', 'millions of dollars', 'a substantial portion of'])
    expect(messages.every((m) => severityOfMessage(m) === 'warning')).toBe(true)
  })

  it('weighs the lede and the headline', () => {
    const messages = run(story('Hundreds of fans gathered outside the stadium on Sunday.', 'The club later thanked them.'))
    expect(messages.map((m) => m.actual)).toEqual(['Hundreds of fans'])
    const later = run(story('The club thanked its supporters on Monday.', 'Hundreds of fans gathered outside the stadium on Sunday.'))
    expect(later).toEqual([])
  })

  it('stays quiet on idioms, opinions and forecasts', () => {
    const messages = run(
      story(
        'The council met on Monday.',
        'The mayor has visited the estate several times since it was built many years ago.',
        'For many, the move came too late. It is one of many estates in the city.',
        'Several analysts said the plan would fail. Many residents remain wary of the council.',
        'The scheme could cost billions of dollars, critics warned.',
        'The company paid an undisclosed sum for the land.'
      )
    )
    expect(messages).toEqual([])
  })

  it('gives no warning inside a direct quotation', () => {
    const text = story('The army issued a statement on Friday.', '"On December 7, a number of Syrian military personnel fled into Iraqi territory," the statement said.')
    expect(run(text)).toEqual([])
    const quoted = run(text, {quoted: true, threshold: 0.4})
    expect(quoted.map((m) => severityOfMessage(m))).toEqual(['info'])
  })

  it('reports a section that promises a count and gives none, as info', () => {
    const text = story(
      'The army stopped a convoy at the border on Friday, officers said.',
      'Casualties',
      'Doctors at the district hospital treated the wounded through the night.',
      'Background',
      'The border has been closed since the spring.'
    )
    const messages = run(text)
    expect(messages).toHaveLength(1)
    expect(severityOfMessage(messages[0])).toBe('info')
    expect(messages[0].reason).toMatch(/^The section 'Casualties' promises a count/)
    expect(run(text, {sections: false})).toEqual([])
    const counted = story(
      'The army stopped a convoy at the border on Friday, officers said.',
      'Casualties',
      'Doctors said 14 people were treated at the district hospital.',
      'Background',
      'The border has been closed since the spring.'
    )
    expect(run(counted)).toEqual([])
  })

  it('honours its options', () => {
    const text = story('The union met on Monday.', 'Police arrested dozens of protesters outside the factory.')
    expect(run(text)).toHaveLength(1)
    expect(run(text, {ignore: ['dozens of']})).toEqual([])
    expect(run(text, {threshold: 3})).toEqual([])
  })
})
