import fs from 'node:fs'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {countArticles, enumerate, globToRegExp, streamLines} from '../src/audit/inputs.js'
import {Progress} from '../src/audit/progress.js'
import {csvCell} from '../src/audit/export.js'
import {escapeHtml, scriptJson} from '../src/audit/report.js'
import {Auditor} from '../src/audit/analyse.js'
import {tempDir} from './audit-helpers.js'

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('audit inputs', () => {
  it('matches globs', () => {
    expect(globToRegExp('/a/**/*.md').test('/a/b/c/d.md')).toBe(true)
    expect(globToRegExp('/a/**/*.md').test('/a/d.md')).toBe(true)
    expect(globToRegExp('/a/*.md').test('/a/b/d.md')).toBe(false)
    expect(globToRegExp('/a/*.{md,txt}').test('/a/x.txt')).toBe(true)
    expect(globToRegExp('/a/file-[0-9].txt').test('/a/file-7.txt')).toBe(true)
    expect(globToRegExp('/a/?.txt').test('/a/ab.txt')).toBe(false)
  })

  it('splits lines across chunks, numbers them, skips blank ones, refuses an endless one', async () => {
    const chunks = ['{"a":1}\r\n\n{"b"', ':2}\n   \n', '{"c":3}']
    const lines = await collect(streamLines(Readable.from(chunks.map((c) => Buffer.from(c)))))
    expect(lines).toEqual([
      {line: 1, text: '{"a":1}'},
      {line: 3, text: '{"b":2}'},
      {line: 5, text: '{"c":3}'}
    ])
  })

  it('enumerates folders and globs in a stable order with stable keys, and counts the articles', async () => {
    const dir = tempDir('audit-enum')
    fs.mkdirSync(path.join(dir, 'b', 'deep'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'b', 'z.md'), '# Z\n')
    fs.writeFileSync(path.join(dir, 'b', 'deep', 'a.txt'), 'A\n')
    fs.writeFileSync(path.join(dir, 'b', 'skip.json'), '{}')
    fs.writeFileSync(path.join(dir, 'x.jsonl'), '{"id":1,"body":"x"}\n\n{"id":2,"body":"y"}\n')
    const tasks = await collect(enumerate(['b', '*.jsonl', 'b/z.md'], dir))
    expect(tasks.map((t) => t.key)).toEqual(['b/deep/a.txt', 'b/z.md', 'x.jsonl:1', 'x.jsonl:3'])
    expect(tasks.map((t) => t.seq)).toEqual([0, 1, 2, 3])
    expect(await countArticles(['b', '*.jsonl'], dir, () => false)).toBe(4)
  })
})

describe('audit outputs', () => {
  it('escapes article text for HTML, script blocks and spreadsheets', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;')
    expect(scriptJson({t: '</script><script>x()</script>'})).not.toContain('<')
    expect(JSON.parse(scriptJson({t: '</script>\u2028'}))).toEqual({t: '</script>\u2028'})
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell('a,b')).toBe('"a,b"')
  })

  it('draws a bar on a terminal and plain lines otherwise', () => {
    let text = ''
    const stream = new Writable({write(chunk, _encoding, done) { text += String(chunk); done() }})
    const tty = new Progress({stream, tty: true})
    tty.setTotal(10)
    tty.add(4, 1)
    tty.draw()
    tty.stop()
    expect(text).toMatch(/^\r\[#+\.+\] +4\/10 articles \(40\.0%\)  \d+ articles\/s  ETA \S+  1 error/)
    text = ''
    const plain = new Progress({stream, tty: false, every: 60})
    plain.add(3, 0)
    plain.draw()
    plain.draw()
    plain.stop()
    expect(text).toMatch(/^newslint audit: 3 articles  \d+ articles\/s  0 errors\n$/)
  })

  it('turns a JSON record into an article: headline, date, metadata, positions', () => {
    const auditor = new Auditor({cwd: process.cwd(), noConfig: true})
    const result = auditor.audit({key: 'k', seq: 0, kind: 'record', source: 's.jsonl', line: 4, json: JSON.stringify({id: 7, headline: 'Ferry late', date: '2021-03-04T10:00:00Z', body: 'The the ferry was late.', desk: 'Metro', tags: ['a']})})
    expect(result).toMatchObject({key: 'k', id: '7', path: 's.jsonl', line: 4, status: 'ok', headline: 'Ferry late', date: '2021-03-04', desk: 'Metro', meta: {tags: ['a']}})
    const repeated = result.messages.find((m) => m.rule === 'repeated-words')!
    expect(repeated).toMatchObject({line: 3, column: 1, start: 12, text: 'The the'})
  })
})
