import {retext} from 'retext'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint, recommended, createProcessor, allRules, ruleById, resolveConfig, ConfigError} from '../src/index.js'

describe('library API', () => {
  it('lint() takes a string or {path, value} and never throws on bad input', async () => {
    const file = await lint({path: 'x.txt', value: 'Vote\n\nThe the vote passed.\n'})
    expect(file.messages.map((m) => m.ruleId)).toContain('repeated-words')
    const bad = await lint(new VFile({path: 'x.txt', value: new Uint8Array([0, 1, 2])}))
    expect(bad.messages[0]).toMatchObject({ruleId: 'binary', fatal: true, source: 'newslint'})
  })
  it('every message carries ruleId, source, url and a place with start and end', async () => {
    const file = await lint({path: 'x.md', value: '# Vote\n\nThe the vote passed.\n'})
    for (const message of file.messages) {
      expect(message.source).toBe('newslint')
      expect(message.url).toMatch(/^https:\/\//)
      const place = message.place as {start: {offset: number}; end: {offset: number}}
      expect(place.end.offset).toBeGreaterThanOrEqual(place.start.offset)
    }
  })
  it('the recommended preset works in a plain retext pipeline', async () => {
    const file = await retext().use(recommended).process('The council met. The the vote passed.')
    expect(file.messages.map((m) => m.ruleId)).toContain('repeated-words')
    for (const message of file.messages) expect(message.source).toBe('newslint')
  })
  it('each rule is a retext plugin taking a level, options or both', async () => {
    const rule = ruleById('repeated-words')!
    const file = await retext().use(rule.plugin, 'error').process('The the vote.')
    expect(file.messages[0].fatal).toBe(true)
    const off = await retext().use(rule.plugin, 'off').process('The the vote.')
    expect(off.messages).toEqual([])
  })
  it('rules have ESLint-style metadata', () => {
    for (const rule of allRules) {
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(['truncation', 'dates', 'attribution', 'figures', 'style']).toContain(rule.meta.category)
      expect(rule.meta.description.length).toBeGreaterThan(10)
      expect(['info', 'warn', 'error']).toContain(rule.meta.level)
      expect(rule.meta.docs).toBe(`https://github.com/newslint/newslint/blob/main/rules/${rule.meta.id}.md`)
    }
  })
  it('createProcessor validates configuration', () => {
    expect(() => createProcessor({config: {rules: {'no-such-rule': 'warn'}}}).freeze()).toThrow(ConfigError)
    expect(resolveConfig({preset: 'none'}).rules.every((r) => r.level === 'off')).toBe(true)
  })
  it('takes the publication date and size limit from the configuration that applies', () => {
    const processor = createProcessor({configFor: () => resolveConfig({date: '2024-03-08', maxSize: 10})})
    const file = new VFile({path: 'x.txt', value: 'Budget vote\n\nThe council met.'})
    processor.runSync(processor.parse(file), file)
    expect(file.messages[0]).toMatchObject({ruleId: 'too-large'})
    const dated = new VFile({path: 'y.txt', value: 'Vote'})
    const fixed = createProcessor({config: resolveConfig({date: '2024-03-08'})})
    fixed.runSync(fixed.parse(dated), dated)
    expect(dated.data.article?.published).toEqual({date: '2024-03-08', source: 'option'})
  })
})
