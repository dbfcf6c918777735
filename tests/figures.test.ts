/** The figure model: numbers with what they count, and vague quantities. */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {lintSync} from '../src/index.js'
import {resolveConfig} from '../src/config/index.js'
import {buildFigures, figuresAgree, rangeOf, sameThing, singular, tokenize, type Figure, type FigureModel} from '../src/model/figures.js'
import type {Article} from '../src/article/types.js'

function model(text: string, path = 'story.txt'): FigureModel {
  const file = lintSync(new VFile({path, value: text}), {config: resolveConfig({preset: 'none', rules: {}})})
  return buildFigures(file.data.article as Article)
}

function figures(text: string): Figure[] {
  return model(text).figures
}

function one(text: string): Figure {
  const found = figures(text)
  expect(found, `figures of: ${text}`).toHaveLength(1)
  return found[0]
}

describe('tokenize', () => {
  it('keeps numbers whole and knows what is glued', () => {
    const tokens = tokenize('It paid $5bn for 1,905 shares, 2.5%.')
    expect(tokens.map((t) => t.text)).toEqual(['It', 'paid', '$', '5', 'bn', 'for', '1,905', 'shares', ',', '2.5', '%', '.'])
    expect(tokens[4].glued).toBe(true)
    expect(tokens[7].glued).toBe(false)
  })
})

describe('figures', () => {
  it('reads a count with what it counts', () => {
    const figure = one('Iraq handed over 1,905 Syrian officers and soldiers on Thursday.')
    expect(figure).toMatchObject({value: 1905, step: 1, kind: 'count', approximation: 'exact', amount: '1,905'})
    expect(figure.text).toBe('1,905 Syrian officers and soldiers')
    expect(figure.counts?.head).toBe('soldier')
    expect(figure.counts?.classes).toContain('military')
  })

  it('reads sums in every style', () => {
    expect(one('The fund raised $5bn last year.')).toMatchObject({value: 5e9, kind: 'money', unit: 'USD'})
    expect(one('The fund raised five billion dollars last year.')).toMatchObject({value: 5e9, kind: 'money', unit: 'USD', written: true})
    expect(one('The company lost 3 mln dlrs in the quarter.')).toMatchObject({value: 3e6, step: 1e6, kind: 'money', unit: 'USD'})
    expect(one('The deficit reached £2.1bn in March.')).toMatchObject({value: 2.1e9, kind: 'money', unit: 'GBP'})
    expect(one('Investors paid €40m for the stake.')).toMatchObject({value: 4e7, unit: 'EUR'})
  })

  it('reads percentages and what they are of', () => {
    const figure = one('Aid fell to 2.5 pct of GNP.')
    expect(figure).toMatchObject({value: 2.5, step: 0.1, kind: 'percent'})
    expect(figure.counts?.head).toBe('gnp')
    expect(one('Turnout was 64 percent on Sunday.')).toMatchObject({value: 64, kind: 'percent'})
    expect(one('Turnout was 64% on Sunday.')).toMatchObject({value: 64, kind: 'percent'})
    expect(one('Turnout was 64 per cent on Sunday.')).toMatchObject({value: 64, kind: 'percent'})
  })

  it('reads ranges', () => {
    expect(one('It will cost three billion to four billion dlrs to rebuild.')).toMatchObject({low: 3e9, high: 4e9, kind: 'money'})
    expect(one('It will cost 3 to 4 billion dlrs to rebuild.')).toMatchObject({low: 3e9, high: 4e9})
    expect(one('Between 1,500 and 2,000 vehicles use the road.')).toMatchObject({low: 1500, high: 2000, kind: 'count'})
    expect(one('The march drew 20-25 people.')).toMatchObject({low: 20, high: 25})
  })

  it('reads approximations', () => {
    expect(one('The return of over 1,900 military personnel was completed.')).toMatchObject({approximation: 'over', low: 1900, step: 100})
    expect(one('More than 2,000 workers walked out.')).toMatchObject({approximation: 'over', approximator: 'more than'})
    expect(one('About 2,000 workers walked out.')).toMatchObject({approximation: 'about'})
    expect(one('Some 300,000 people were displaced.')).toMatchObject({approximation: 'about', value: 300000})
    expect(one('Nearly 500 homes were flooded.')).toMatchObject({approximation: 'nearly'})
    expect(one('Up to 150 stores could open.')).toMatchObject({approximation: 'up-to'})
    expect(one('At least 12 people died.')).toMatchObject({approximation: 'at-least'})
  })

  it('does not read a phrasal verb as an approximation', () => {
    expect(one('Iraq Hands Over 1,905 Syrian Soldiers')).toMatchObject({approximation: 'exact'})
  })

  it('leaves out years, dates, times, ages, ordinals, addresses and names', () => {
    const none = [
      'The war began in 2011.',
      'The vote is on March 31.',
      'The vote is on 31 March.',
      'The polls close at 10:30 on Friday.',
      'The market closed at 0900 GMT.',
      'A 20-year-old man was arrested.',
      'The suspect, aged 34, was arrested.',
      'The minister, Jane English, 34, resigned.',
      'It was his 1st visit.',
      'Prices rose in the 1980s.',
      'They cited Article 5 of the treaty.',
      'The air force flies the F-16 jet.',
      'He lives at 10 Downing Street.',
      'He was the one who left.'
    ]
    for (const text of none) expect(figures(text), text).toEqual([])
  })

  it('keeps the precision a number is written to', () => {
    expect(one('It employs 1,900 people.').step).toBe(100)
    expect(one('It employs 1,905 people.').step).toBe(1)
    expect(one('It employs 2,000 people.').step).toBe(1000)
    expect(one('Prices rose 0.75 pct.').step).toBeCloseTo(0.01)
  })

  it('marks figures inside direct quotations', () => {
    const found = figures('"We lost 40 boats," the captain said. The fleet has 300 boats.')
    expect(found.map((f) => f.quoted)).toEqual([true, false])
  })
})

describe('figuresAgree', () => {
  const f = (text: string) => one(text)
  it('honours roundings and approximations', () => {
    const exact = f('Iraq returned 1,905 soldiers.')
    expect(figuresAgree(exact, f('Iraq returned over 1,900 soldiers.'))).toBe(true)
    expect(figuresAgree(exact, f('Iraq returned about 2,000 soldiers.'))).toBe(true)
    expect(figuresAgree(exact, f('Iraq returned 1,900 soldiers.'))).toBe(true)
    expect(figuresAgree(exact, f('Iraq returned more than 2,000 soldiers.'))).toBe(false)
    expect(figuresAgree(exact, f('Iraq returned 1,950 soldiers.'))).toBe(false)
    expect(figuresAgree(exact, f('Iraq returned nearly 2,000 soldiers.'))).toBe(true)
    expect(figuresAgree(exact, f('Iraq returned between 1,800 and 2,000 soldiers.'))).toBe(true)
  })

  it('compares sums across styles and refuses a slip of a zero', () => {
    expect(figuresAgree(f('The fund raised $5bn.'), f('The fund raised five billion dollars.'))).toBe(true)
    expect(figuresAgree(f('It lost 3 mln dlrs.'), f('It lost 30 mln dlrs.'))).toBe(false)
    expect(figuresAgree(f('It lost 3 mln dlrs.'), f('It lost 3.2 mln dlrs.'))).toBe(true)
    expect(figuresAgree(f('Demand rose 4.1 pct.'), f('Demand rose 4.0 pct.'))).toBe(false)
  })

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1e6}), fc.integer({min: 1, max: 1e6}), fc.constantFrom('exact', 'about', 'over', 'nearly', 'up-to'), (a, b, approximation) => {
        const x = {low: a, high: a, value: a, step: 1, approximation, kind: 'count', unit: 'count'} as Figure
        const y = {low: b, high: b, value: b, step: 1, approximation: 'exact', kind: 'count', unit: 'count'} as Figure
        return figuresAgree(x, y) === figuresAgree(y, x)
      })
    )
  })

  it('gives an exact figure the range of its rounding', () => {
    expect(rangeOf({low: 1900, high: 1900, step: 100, approximation: 'exact'})).toEqual([1850, 1950])
  })
})

describe('counted things', () => {
  it('singularises for matching', () => {
    expect(singular('casualties')).toBe('casualty')
    expect(singular('soldiers')).toBe('soldier')
    expect(singular('people')).toBe('person')
    expect(singular('arms')).toBe('arm')
  })

  it('knows members of the military and officers and soldiers count the same thing', () => {
    const m = model('Iraq returned 1,905 Syrian officers and soldiers. Numerous members of the Syrian military fled.')
    expect(m.vague).toHaveLength(1)
    expect(sameThing(m.vague[0].counts, m.figures[0].counts)).toBeGreaterThanOrEqual(0.8)
  })
})

describe('vague quantities', () => {
  it('finds the quantifier and what it counts', () => {
    const [vague] = model('Amid the chaos, numerous members of the Syrian military sought refuge in Iraq.').vague
    expect(vague).toMatchObject({phrase: 'numerous', kind: 'count', strength: 'medium', text: 'numerous members of the Syrian military'})
    expect(vague.counts?.head).toBe('military')
  })

  it('reads sums and shares', () => {
    expect(model('The insurer agreed to pay millions of dollars.').vague[0]).toMatchObject({kind: 'money', text: 'millions of dollars'})
    expect(model('The club paid a hefty sum for the striker.').vague[0]).toMatchObject({kind: 'money', text: 'a hefty sum'})
    expect(model('Farms take a significant share of the water.').vague[0]).toMatchObject({kind: 'share', strength: 'strong'})
    expect(model('It spent a lot of money on lawyers.').vague[0]).toMatchObject({kind: 'money'})
  })

  it('notes casualty, payment and enumeration signals', () => {
    expect(model('The grievances of millions displaced by years of war remain.').vague[0].signals.casualty).toBe(true)
    expect(model('The company agreed to pay billions of dollars.').vague[0].signals.payment).toBe(true)
    expect(model('A handful of judges - in Boston, Seattle and Denver - blocked the ban.').vague[0].signals.enumeration).toBe(true)
    expect(model('The budget rose by billions of pounds after the increase was revised.').vague.length).toBe(1)
  })

  it('notes idioms and opinions', () => {
    for (const text of ['He has been there several times.', 'It happened many years ago.', 'For many, it was a relief.', 'It is one of many problems.', 'Many of them left.']) {
      const vague = model(text).vague
      expect(vague.every((v) => v.signals.idiom), text).toBe(true)
    }
    expect(model('Several analysts said the plan would fail.').vague[0].signals.opinion).toBe(true)
    expect(model('Many residents remain wary of the plan.').vague[0].signals.opinion).toBe(true)
  })

  it('leaves alone phrases that say the figure is not known', () => {
    expect(model('The company paid an undisclosed sum for the site.').vague).toEqual([])
    expect(model('An unspecified number of soldiers were captured.').vague).toEqual([])
  })

  it('marks quantities inside direct quotations', () => {
    const [vague] = model('"A number of Syrian military personnel fled," the statement said.').vague
    expect(vague.quoted).toBe(true)
  })
})
