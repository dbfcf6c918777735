/** The attribution model: source, cue, content; carry-over; weasels. */
import {describe, expect, it} from 'vitest'
import {lintWith} from './helpers.js'
import {attributionOf, isAttributed} from '../src/model/attribution.js'

function model(text: string) {
  const file = lintWith(text, 'story.txt', {'unattributed-claim': 'off'})
  const article = file.data.article!
  const attribution = attributionOf(file)
  const body = article.sentences.filter((s) => s.zone === 'body')
  return {file, article, attribution, body, kindOf: (i: number) => attribution.sentences[body[i].index]}
}

describe('attribution model', () => {
  it('finds indirect speech with the source before or after the cue', () => {
    const {kindOf} = model(
      'Ferry fares rise\n\nFares will rise by 5 percent in May, the operator said. The operator said costs had risen. Prices rose, said Ann Bell, a ferry company director.\n'
    )
    expect(kindOf(0)).toMatchObject({kind: 'speech', attributed: true, source: {text: 'the operator'}})
    expect(kindOf(1)).toMatchObject({kind: 'speech', source: {text: 'The operator'}})
    expect(kindOf(2)).toMatchObject({kind: 'speech', source: {text: 'Ann Bell'}})
  })

  it('reads "according to", "told", "in a statement" and an apposition', () => {
    const {kindOf} = model(
      'Mill closes\n\nThe mill will close in June, according to the town council.\n\nThe owner told the Gazette the site would be sold.\n\nIn a statement, the union called the closure a betrayal.\n\nThe manager, Joe Park, said on Friday the machines would be sold.\n'
    )
    expect(kindOf(0)).toMatchObject({kind: 'according-to', source: {text: 'the town council'}})
    expect(kindOf(1)).toMatchObject({kind: 'speech', source: {text: 'The owner'}})
    expect(kindOf(2).kind).toBe('statement')
    expect(kindOf(3)).toMatchObject({kind: 'speech', source: {text: 'Joe Park'}})
  })

  it('needs a source for evaluative cues: "the statement underscored", not "the defection underscores"', () => {
    const {kindOf} = model('Port\n\nThe ministry statement underscored the need for calm.\n\nThe walkout underscores the anger of the staff.\n')
    expect(kindOf(0).attributed).toBe(true)
    expect(kindOf(1).kind).toBe('none')
  })

  it('carries attribution over within a paragraph, not into the next', () => {
    const {kindOf} = model('Bridge\n\nThe bridge will shut for a month, the council said. Traffic will go through the town centre.\n\nTraffic will go through the town centre.\n')
    expect(kindOf(1)).toMatchObject({kind: 'carried-over', attributed: true, from: kindOf(0).sentence})
    expect(kindOf(2).kind).toBe('none')
  })

  it('treats quoted sentences as attributed, and the quote before its tag', () => {
    const {kindOf} = model('Match\n\n“We were robbed. The referee missed it,” the coach said.\n')
    expect(kindOf(0)).toMatchObject({kind: 'quote', attributed: true})
    expect(kindOf(1).attributed).toBe(true)
  })

  it('finds weasel sources and impersonal weasels, but not described sources', () => {
    const {kindOf} = model(
      'Bank\n\nThe bank will cut 300 jobs, sources said.\n\nIt is widely believed that the bank will merge.\n\nThe bank will cut 300 jobs, banking industry sources said.\n\nThe bank will cut 300 jobs, the sources said.\n\nCritics argue the cuts go too far.\n'
    )
    expect(kindOf(0)).toMatchObject({kind: 'weasel', attributed: false, weasel: {text: 'sources said'}, weaselPosition: 'trailing'})
    expect(kindOf(1)).toMatchObject({kind: 'weasel', weasel: {text: 'It is widely believed'}, weaselPosition: 'leading'})
    expect(kindOf(2)).toMatchObject({kind: 'speech', attributed: true})
    expect(kindOf(3)).toMatchObject({kind: 'speech', attributed: true})
    expect(kindOf(4)).toMatchObject({kind: 'weasel', weasel: {text: 'Critics argue'}})
  })

  it('reads a parenthetical weasel as standing in the attribution slot', () => {
    const {kindOf} = model('Plant\n\nThe plant, critics argue, will close.\n')
    expect(kindOf(0)).toMatchObject({kind: 'weasel', weaselPosition: 'trailing'})
  })

  it('keeps a real source when a weasel is also present', () => {
    const {kindOf} = model('Vote\n\nThe mayor said on Monday that the vote was fair, observers note.\n')
    expect(kindOf(0)).toMatchObject({kind: 'weasel', attributed: true, weasel: {text: 'observers note'}})
  })

  it('does not take a relative clause for the source of the sentence', () => {
    const {kindOf} = model('Regime\n\nAssad, who ruled Syria for two decades, faced growing discontent.\n\nThe court ruled that the law stands.\n')
    expect(kindOf(0).kind).toBe('none')
    expect(kindOf(1)).toMatchObject({kind: 'speech', source: {text: 'The court'}})
  })

  it('does not take a passive or a noun for a cue', () => {
    const {kindOf} = model('Fair\n\nThe fair is expected to draw 5,000 visitors.\n\nThe reported deal fell through.\n')
    expect(kindOf(0).kind).toBe('none')
    expect(kindOf(1).kind).toBe('none')
  })

  it('answers isAttributed for other rules, and measures how attributed the copy is', () => {
    const {file, body, attribution} = model('Rates\n\nRates rose, the bank said.\n\nShares fell.\n')
    expect(isAttributed(file, body[0])).toBe(true)
    expect(isAttributed(file, body[1])).toBe(false)
    expect(attribution.density).toBe(0.5)
  })
})
