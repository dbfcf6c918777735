/** The unattributed-claim rule: what it flags, what it leaves alone, and its options. */
import {describe, expect, it} from 'vitest'
import {lintWith} from './helpers.js'
import {messageData} from '../src/message.js'

function flagged(text: string, options: Record<string, unknown> = {}) {
  const file = lintWith(text, 'story.txt', {'unattributed-claim': ['warn', options]})
  return file.messages.filter((m) => m.ruleId === 'unattributed-claim')
}

describe('unattributed-claim', () => {
  it('flags a causal claim with no source, on the sentence, with kind and confidence', () => {
    const text = 'Shop closes\n\nThe shop opened in 1990. Its closure was triggered by a rise in rents and was the main reason for the protest.\n'
    const messages = flagged(text)
    expect(messages).toHaveLength(1)
    expect(messages[0].reason).toMatch(/^Causal claim with no source/)
    expect(messages[0].fatal).toBe(false)
    expect(messageData(messages[0])).toMatchObject({kind: 'causal'})
    expect(messageData(messages[0])!.confidence).toBeGreaterThan(0.7)
    expect(text.slice(messages[0].place!.start.offset, messages[0].place!.end.offset)).toMatch(/^Its closure.*protest\.$/)
  })

  it('stays quiet on the same claim when it is attributed, quoted, or asked', () => {
    expect(flagged('Shop\n\nThe rise in rents was the main reason for the closure, the owner said.\n')).toEqual([])
    expect(flagged('Shop\n\n“The rise in rents was the main reason for the closure,” the owner said.\n')).toEqual([])
    expect(flagged('Shop\n\nWas the rise in rents the main reason for the closure?\n')).toEqual([])
  })

  it('leaves headlines alone', () => {
    expect(flagged('Rent rise the main reason for closure\n\nThe shop closed on Monday.\n')).toEqual([])
  })

  it('reports weasel attribution on the weasel words', () => {
    const text = 'Plant\n\nThe plant will close in May, sources said.\n'
    const [message] = flagged(text)
    expect(message.reason).toMatch(/^Weasel attribution \('sources said'\)/)
    expect(messageData(message)!.kind).toBe('weasel-attribution')
    expect(text.slice(message.place!.start.offset, message.place!.end.offset)).toBe('sources said')
  })

  it('leaves a leading weasel that frames a view alone, unless `opinionWeasels` is on', () => {
    const text = 'Plan\n\nCritics say the plan is unfair to tenants.\n'
    expect(flagged(text)).toEqual([])
    const [message] = flagged(text, {opinionWeasels: true})
    expect(message.fatal).toBeUndefined()
    expect(message.reason).toMatch(/^Weasel attribution/)
  })

  it('flags a leading weasel that sources a figure', () => {
    expect(flagged('Plan\n\nCritics say 40 percent of tenants will pay more.\n')).toHaveLength(1)
  })

  it('`weasels: false` turns weasel findings off', () => {
    expect(flagged('Plant\n\nThe plant will close in May, sources said.\n', {weasels: false})).toEqual([])
  })

  it('`extraWeasels` adds weasel phrases', () => {
    const text = 'Plant\n\nWord has it that the plant will close in May.\n'
    expect(flagged(text)).toEqual([])
    expect(flagged(text, {extraWeasels: ['word has it']})[0].reason).toMatch(/^Weasel attribution \('Word has it'\)/)
  })

  it('`extraCues` adds reporting verbs', () => {
    const text = 'Plant\n\nThe closure was the main reason for the protest, the union opined.\n'
    expect(flagged(text)).toEqual([])
    const quiet = 'Plant\n\nThe closure was the main reason for the protest, the union harrumphed.\n'
    expect(flagged(quiet)).toHaveLength(1)
    expect(flagged(quiet, {extraCues: ['harrumphed']})).toEqual([])
  })

  it('`extraClaimCues` adds claim wording; `minConfidence` raises the bar', () => {
    const text = 'Fair\n\nThe fair is a triumph of planning.\n'
    expect(flagged(text)).toEqual([])
    const [message] = flagged(text, {extraClaimCues: ['a triumph of\tevaluation\t0.8']})
    expect(message.reason).toMatch(/^Analysis stated as fact \('a triumph of'\)/)
    expect(flagged(text, {extraClaimCues: ['a triumph of\tevaluation\t0.8'], minConfidence: 0.9})).toEqual([])
  })

  it('reports weak claims as info', () => {
    const [message] = flagged('Fair\n\nThe fair is expected to draw crowds and the weather is set to hold.\n', {minConfidence: 0.5})
    expect(message.fatal).toBeUndefined()
  })

  it('stays quiet on first-person copy (a column, a reader’s comment)', () => {
    expect(flagged('Transfer\n\nI think the fee is likely to rise, and that would be the main reason to sell.\n')).toEqual([])
  })

  it('reads "US" as the United States, not as first person', () => {
    expect(flagged('Rates\n\nThe US central bank is likely to raise rates in June.\n')).toHaveLength(1)
  })

  it('judges a leading weasel on its own content, not on the view of another source after "but"', () => {
    expect(flagged('Treaty\n\nCritics say the treaty is a step too far, but supporters say it binds all 25 members.\n')).toEqual([])
  })

  it('flags a sentence whose source only appears as "They also said" in the next one', () => {
    const messages = flagged('Sugar\n\nProducers have withdrawn offers to sell 50,000 tonnes of sugar.\n\nThey also said prices had fallen.\n')
    expect(messages).toHaveLength(1)
    expect(messageData(messages[0])!.kind).toBe('missing-attribution')
  })
})
