import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {createRequire} from 'node:module'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cli} from './cli-helpers.js'
import {escapeData, escapeProperty} from '../src/report/github.js'

const require = createRequire(import.meta.url)
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-report-'))
  fs.mkdirSync(path.join(dir, 'desk'))
  fs.writeFileSync(path.join(dir, 'desk/a.md'), '---\ntitle: "Vote, again: 50% turnout"\n---\n\nThe the vote passed.\n\nIt took a hour.\n')
  fs.writeFileSync(path.join(dir, 'desk/b.txt'), 'Quiet story\n\nThe council met on Monday, a spokesman said.\n')
  fs.writeFileSync(path.join(dir, '.newslintrc.json'), JSON.stringify({rules: {'indefinite-article': 'error', 'repeated-words': 'info'}}))
})
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('json reporter', () => {
  it('prints the vfile-reporter-json shape on stdout with exact places', async () => {
    const result = await cli(['--reporter', 'json', 'desk'], {cwd: dir})
    const report = JSON.parse(result.stdout)
    const a = report.find((f: {path: string}) => f.path === 'desk/a.md')
    expect(a.messages).toHaveLength(2)
    for (const message of a.messages) {
      expect(message.source).toBe('newslint')
      expect(message.url).toMatch(/\/rules\/[\w-]+\.md$/)
      expect(message.place.start.offset).toBeTypeOf('number')
      expect(message.place.end.offset).toBeGreaterThan(message.place.start.offset)
    }
    const text = fs.readFileSync(path.join(dir, 'desk/a.md'), 'utf8')
    const article = a.messages.find((m: {ruleId: string}) => m.ruleId === 'indefinite-article')
    expect(text.slice(article.place.start.offset, article.place.end.offset)).toBe('a')
    expect(article).toMatchObject({fatal: true, severity: 'error', expected: ['an']})
    expect(a.messages.find((m: {ruleId: string}) => m.ruleId === 'repeated-words').fatal).toBeUndefined()
    expect(result.code).toBe(1)
  })
})

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema, with rule metadata, fingerprints and relative paths', async () => {
    const result = await cli(['--reporter', 'sarif', 'desk'], {cwd: dir})
    const log = JSON.parse(result.stdout)
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8'))
    const ajv = new Ajv2020({strict: false, validateFormats: false})
    const validate = ajv.compile(schema)
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('newslint')
    const ruleIds = run.tool.driver.rules.map((r: {id: string}) => r.id)
    expect(ruleIds).toEqual(expect.arrayContaining(['indefinite-article', 'repeated-words']))
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\//)
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId)
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('desk/a.md')
      expect(r.partialFingerprints['newslint/v1']).toMatch(/^[0-9a-f]{32}$/)
    }
    expect(run.results.map((r: {level: string}) => r.level).sort()).toEqual(['error', 'note'])
  })
  it('keeps fingerprints stable when unrelated lines move', async () => {
    const story = '---\ntitle: Vote\n---\n\nThe the vote passed.\n\nIt took a hour.\n'
    fs.writeFileSync(path.join(dir, 'desk/c.md'), story)
    const prints = async () => {
      const log = JSON.parse((await cli(['--reporter', 'sarif', 'desk/c.md'], {cwd: dir})).stdout)
      return log.runs[0].results.map((r: {partialFingerprints: Record<string, string>}) => r.partialFingerprints['newslint/v1'])
    }
    const before = await prints()
    fs.writeFileSync(path.join(dir, 'desk/c.md'), story.replace('\n\nThe the', '\n\nAn added paragraph.\n\nThe the'))
    const after = await prints()
    expect(before).toHaveLength(2)
    expect(after).toEqual(before)
    fs.rmSync(path.join(dir, 'desk/c.md'))
  })
})

describe('github reporter', () => {
  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
  })
  it('prints errors first and appends the full list to $GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(dir, 'summary.md')
    const result = await cli(['--reporter', 'github', 'desk'], {cwd: dir, env: {GITHUB_STEP_SUMMARY: summary}})
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^::error file=desk\/a\.md,line=7,col=9,endLine=7,endColumn=10,title=newslint\(indefinite-article\)::Unexpected article `a`/)
    expect(lines[1]).toMatch(/^::notice file=desk\/a\.md,line=5,/)
    const markdown = fs.readFileSync(summary, 'utf8')
    expect(markdown).toContain('| error | desk/a.md | 7:9 | [indefinite-article](')
    expect(markdown).toContain('1 error(s), 0 warning(s), 1 info message(s)')
  })
})
