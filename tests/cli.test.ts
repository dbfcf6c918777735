import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cli} from './cli-helpers.js'

const repo = path.resolve(import.meta.dirname, '..')
let dir: string

const clean = 'Harbour workers return\n\nThe harbour reopened on Monday after a two-day strike, the port authority said.\n'
const repeated = 'Harbour workers return\n\nThe harbour reopened on Monday after the the strike, the port authority said.\n'

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-cli-'))
  fs.writeFileSync(path.join(dir, 'clean.txt'), clean)
  fs.writeFileSync(path.join(dir, 'repeated.txt'), repeated)
})
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

function write(name: string, value: string | Uint8Array): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, value)
  return file
}

describe('exit codes', () => {
  it('0 when nothing is at the failing level', async () => {
    const result = await cli(['clean.txt'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('clean.txt: no issues found')
  })
  it('0 on warnings, 1 on warnings with --frail', async () => {
    expect((await cli(['repeated.txt'], {cwd: dir})).code).toBe(0)
    const frail = await cli(['--frail', 'repeated.txt'], {cwd: dir})
    expect(frail.code).toBe(1)
    expect(frail.stderr).toMatch(/warning\s+Unexpected repeated `the`/)
  })
  it('1 on errors (a rule set to error)', async () => {
    const result = await cli(['--rule', 'repeated-words=error', 'repeated.txt'], {cwd: dir})
    expect(result.code).toBe(1)
  })
  it('2 on a usage error, with one clear line and no stack', async () => {
    const result = await cli(['--nope'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^newslint: Unknown option '--nope'/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect((await cli(['--reporter', 'xml', 'clean.txt'], {cwd: dir})).code).toBe(2)
    expect((await cli(['--date', '12/08/2024', 'clean.txt'], {cwd: dir})).code).toBe(2)
  })
  it('2 when a file is missing, and the other files are still reported', async () => {
    const result = await cli(['--reporter', 'json', 'missing.txt', 'repeated.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stdout)
    expect(report.map((f: {path: string}) => f.path).sort()).toEqual(['missing.txt', 'repeated.txt'])
    const missing = report.find((f: {path: string}) => f.path === 'missing.txt')
    expect(missing.messages[0].reason).toMatch(/No such file/)
    expect(missing.messages[0].stack).toBeUndefined()
  })
})

describe('bad input', () => {
  it('binary, broken UTF-8, empty, oversized and malformed HTML: one clear line each, others still checked', async () => {
    write('bad/binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))
    write('bad/latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]))
    write('bad/empty.txt', '')
    write('bad/huge.txt', 'word '.repeat(50_000))
    write('bad/broken.html', '<html><body><article><p>The council <b>met on <i>Monday</p><p>the the vote was close.</div></article>')
    write('bad/fine.txt', repeated)
    const result = await cli(['--reporter', 'json', '--max-size', '100kB', 'bad'], {cwd: dir})
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{reason: string; ruleId: string; fatal: boolean}>}>
    const byName = Object.fromEntries(report.map((f) => [path.basename(f.path), f.messages]))
    expect(byName['binary.txt'][0]).toMatchObject({ruleId: 'binary', fatal: true})
    expect(byName['binary.txt'][0].reason).toMatch(/looks binary/)
    expect(byName['latin1.txt'][0].reason).toMatch(/not valid UTF-8 \(first bad byte at offset 3\)/)
    expect(byName['huge.txt'][0].reason).toMatch(/over the 100.0 kB limit/)
    expect(byName['empty.txt']).toEqual([])
    expect(byName['broken.html'].map((m) => m.ruleId)).toContain('repeated-words')
    expect(byName['fine.txt'].map((m) => m.ruleId)).toContain('repeated-words')
    const text = await cli(['--max-size', '100kB', 'bad'], {cwd: dir})
    expect(text.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('configuration', () => {
  it('reads .newslintrc.json and per-rule levels', async () => {
    write('configured/.newslintrc.json', JSON.stringify({rules: {'repeated-words': 'error'}}))
    write('configured/story.txt', repeated)
    const result = await cli(['story.txt'], {cwd: path.join(dir, 'configured')})
    expect(result.code).toBe(1)
  })
  it('reads package.json#newslint and YAML', async () => {
    write('pkg/package.json', JSON.stringify({name: 'desk', newslint: {rules: {'repeated-words': 'off'}}}))
    write('pkg/story.txt', repeated)
    const off = await cli(['--reporter', 'json', 'story.txt'], {cwd: path.join(dir, 'pkg')})
    expect(JSON.parse(off.stdout)[0].messages).toEqual([])
    write('yaml/.newslintrc.yml', 'rules:\n  repeated-words: error\n')
    write('yaml/story.txt', repeated)
    expect((await cli(['story.txt'], {cwd: path.join(dir, 'yaml')})).code).toBe(1)
  })
  it.each([
    ['{"rules": {"no-such-rule": "warn"}}', /\.newslintrc\.json: rules\.no-such-rule: unknown rule 'no-such-rule'/],
    ['{"rules": {"repeated-words": "loud"}}', /rules\.repeated-words: unknown level 'loud'/],
    ['{"rulez": {}}', /\.newslintrc\.json: rulez: unknown setting/],
    ['{"rules": {"repeated-words": ["warn", {"x": 1}]}}', /rules\.repeated-words: this rule takes no options/],
    ['{"__proto__": {"polluted": true}}', /__proto__: this key is not allowed/],
    ['{"rules": ', /\.newslintrc\.json: cannot parse/],
    ['[1, 2, 3]', /expected an object of settings/]
  ])('a broken config is one clear line and exit 2: %s', async (config, pattern) => {
    const name = `broken-${Math.random().toString(36).slice(2)}`
    write(`${name}/.newslintrc.json`, config)
    write(`${name}/story.txt`, clean)
    const result = await cli(['story.txt'], {cwd: path.join(dir, name)})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(pattern)
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('--config names a file; --no-config ignores them', async () => {
    write('explicit/custom.yaml', 'rules:\n  repeated-words: error\n')
    write('explicit/story.txt', repeated)
    expect((await cli(['--config', 'custom.yaml', 'story.txt'], {cwd: path.join(dir, 'explicit')})).code).toBe(1)
    write('explicit/.newslintrc', '{"rules": {"repeated-words": "error"}}')
    expect((await cli(['story.txt'], {cwd: path.join(dir, 'explicit')})).code).toBe(1)
    expect((await cli(['--no-config', 'story.txt'], {cwd: path.join(dir, 'explicit')})).code).toBe(0)
  })
  it('honours .newslintignore', async () => {
    write('ignoring/.newslintignore', 'drafts/\n')
    write('ignoring/drafts/a.txt', repeated)
    write('ignoring/live/b.txt', repeated)
    const result = await cli(['--reporter', 'json', '.'], {cwd: path.join(dir, 'ignoring')})
    expect(JSON.parse(result.stdout).map((f: {path: string}) => f.path)).toEqual(['live/b.txt'])
  })
})

describe('control comments', () => {
  it('disable, enable and ignore in Markdown', async () => {
    write('control/story.md', [
      '# Council votes', '',
      '<!-- newslint-disable repeated-words -->', '',
      'The the first vote failed.', '',
      '<!-- newslint-enable repeated-words -->', '',
      'The the second vote passed.', '',
      '<!-- newslint-ignore -->', '',
      'The the third vote was delayed.', '',
      'The the fourth vote was cancelled.', ''
    ].join('\n'))
    const result = await cli(['--reporter', 'json', 'story.md'], {cwd: path.join(dir, 'control')})
    const lines = JSON.parse(result.stdout)[0].messages.map((m: {line: number}) => m.line)
    expect(lines).toEqual([9, 15])
  })
  it('works in HTML comments', async () => {
    write('control/story.html', '<article><h1>Vote</h1><!-- newslint-ignore repeated-words --><p>The the first vote failed.</p><p>The the second vote passed.</p></article>')
    const result = await cli(['--reporter', 'json', 'story.html'], {cwd: path.join(dir, 'control')})
    expect(JSON.parse(result.stdout)[0].messages.map((m: {reason: string}) => m.reason)).toHaveLength(1)
  })
})

describe('stdin and listing', () => {
  it('reads stdin, named with --stdin-filename', async () => {
    const result = await cli(['--reporter', 'json', '--stdin-filename', 'desk/story.md'], {cwd: dir, stdin: '---\ntitle: Vote\n---\n\nThe the vote passed.\n'})
    const report = JSON.parse(result.stdout)
    expect(report[0].path).toBe('desk/story.md')
    expect(report[0].messages[0]).toMatchObject({ruleId: 'repeated-words', line: 5, column: 1})
  })
  it('--list-rules lists every rule, as JSON too', async () => {
    const result = await cli(['--list-rules', '--reporter', 'json'], {cwd: dir})
    const ids = JSON.parse(result.stdout).map((r: {id: string}) => r.id)
    expect(ids).toEqual(expect.arrayContaining(['truncated-sentence', 'inconsistent-date', 'unattributed-claim', 'missing-figure', 'inconsistent-figure']))
  })
  it('--help and --version', async () => {
    expect((await cli(['--help'], {cwd: dir})).stdout).toContain('Exit codes:')
    expect((await cli(['--version'], {cwd: dir})).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('the installed binary', () => {
  it('runs from bin/newslint.js with real exit codes', () => {
    const result = spawnSync(process.execPath, [path.join(repo, 'bin/newslint.js'), '--frail', 'repeated.txt'], {cwd: dir, encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('repeated.txt')
  })
})
