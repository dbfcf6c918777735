/** The figure model reads vague quantities as classes, and slips between figures. */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {lintSync} from '../src/index.js'
import {resolveConfig} from '../src/config/index.js'
import {buildFigures, isPluralNoun, type FigureModel} from '../src/model/figures.js'
import {typoPair} from '../rules/inconsistent-figure.js'
import type {Article} from '../src/article/types.js'

function model(text: string): FigureModel {
  const file = lintSync(new VFile({path: 'story.txt', value: text}), {config: resolveConfig({preset: 'none', rules: {}})})
  return buildFigures(file.data.article as Article)
}

const vague = (text: string) => model(text).vague

describe('vague quantities as a class', () => {
  it('reads collective nouns with up to two modifiers, singular or plural', () => {
    expect(vague('A whole host of schools sent pupils.').map((v) => v.phrase)).toEqual(['A whole host of'])
    expect(vague('Vast numbers of migrants crossed the border.').map((v) => [v.phrase, v.strength])).toEqual([['Vast numbers of', 'medium']])
    expect(vague('The team won a clutch of awards.').map((v) => v.text)).toEqual(['a clutch of awards'])
    expect(vague('A rising number of schools ban phones.').map((v) => v.strength)).toEqual(['weak'])
  })

  it('counts only plural nouns, and not after a number', () => {
    expect(vague('Rescuers cleared a pile of rubble from the road.')).toEqual([])
    expect(vague('The council sent two batches of letters.')).toEqual([])
    expect(vague('Police found an undisclosed number of rifles.')).toEqual([])
  })

  it('notes a plural countable noun and what makes a count harmless', () => {
    expect(vague('Hundreds of objections were lodged.')[0].signals.countable).toBe(true)
    expect(vague('Hundreds of fans gathered outside the ground.')[0].signals.crowd).toBe(true)
    expect(vague('The petition gathered hundreds of signatures.')[0].signals.crowd).toBeFalsy()
    expect(vague('The league says millions of viewers watch.')[0].signals.population).toBe(true)
    expect(vague('The firm is looking at a number of sites.')[0].signals.deliberation).toBe(true)
    expect(vague('There are numerous apps that sell tickets.')[0].signals.existential).toBe(true)
    expect(vague('Dozens of districts are likely to bid.')[0].signals.unreal).toBe(true)
    expect(vague('The company sold a record number of cars in May.')[0].signals.unreal).toBeFalsy()
    expect(vague('The storm travelled hundreds of miles.')[0].signals.distance).toBe(true)
  })

  it('reads any modified sum', () => {
    expect(vague('The firm paid a six-figure sum to settle.').map((v) => [v.text, v.kind])).toEqual([['a six-figure sum', 'money']])
    expect(vague('She was paid a lump sum of 5,000 pounds.')).toEqual([])
  })

  it('knows plural nouns', () => {
    expect(['objections', 'people', 'well-wishers', 'families'].every(isPluralNoun)).toBe(true)
    expect(['status', 'crisis', 'business', 'glass', 'bus'].some(isPluralNoun)).toBe(false)
  })
})

describe('figures that are not figures', () => {
  it('leaves out durations used as modifiers and abbreviated dates', () => {
    expect(model('The 17-day stoppage ended on Sept. 19 with 300 workers back.').figures.map((f) => f.amount)).toEqual(['300'])
  })
})

describe('typoPair', () => {
  const figure = (text: string) => model(text).figures[0]
  it('knows transposed digits and a dropped zero', () => {
    expect(typoPair(figure('It cut 1,250 jobs.'), figure('It cut 1,520 jobs.'))).toBe(true)
    expect(typoPair(figure('It fell 45 pct.'), figure('It fell 54 pct.'))).toBe(true)
    expect(typoPair(figure('It cost 3 mln dlrs.'), figure('It cost 30 mln dlrs.'))).toBe(true)
    expect(typoPair(figure('It cut 1,905 jobs.'), figure('It cut 1,950 jobs.'))).toBe(true)
    expect(typoPair(figure('It made 4.6 mln dlrs.'), figure('It made 6.4 mln dlrs.'))).toBe(true)
    expect(typoPair(figure('It made 4.6 mln dlrs.'), figure('It made 64,000 dlrs.'))).toBe(false)
    expect(typoPair(figure('It cut 1,250 jobs.'), figure('It cut 1,350 jobs.'))).toBe(false)
    expect(typoPair(figure('It cut 1,250 jobs.'), figure('It cut 1,250 jobs.'))).toBe(false)
  })
})
