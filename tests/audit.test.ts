import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import {describe, expect, it} from 'vitest'
import {cli, readResults, record, spawn, tempDir, writeJsonl, bin} from './audit-helpers.js'

const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

function archive(dir: string) {
  writeJsonl(path.join(dir, 'archive.jsonl'), [
    ...Array.from({length: 30}, (_, i) => record(i)),
    '{"id": "broken", "headline": ',
    record(30, {headline: `</script>${hostile}`, body: `${hostile} The the council met.</script><script>window.__pwned = 3</script>`}),
    record(31, {body: undefined, html: '<p>The ferry left at noon. It it was late.</p>'}),
    {id: 'no-text', headline: 'Only a headline'}
  ])
  const gz = Array.from({length: 12}, (_, i) => JSON.stringify(record(100 + i))).join('\n')
  fs.writeFileSync(path.join(dir, 'more.jsonl.gz'), zlib.gzipSync(gz))
  fs.mkdirSync(path.join(dir, 'stories'))
  fs.writeFileSync(path.join(dir, 'stories', 'ferry.md'), '---\ndate: 2022-05-04\nsection: Transport\n---\n# Ferry late again\n\nThe the ferry was late on Monday.\n')
  fs.writeFileSync(path.join(dir, 'stories', 'market.txt'), 'Market reopens\n\nThe market on Dock Road reopened on Saturday.\n')
  fs.writeFileSync(path.join(dir, 'stories', 'page.html'), '<html><body><h1>Bridge works</h1><p>Work on the the bridge starts in May.</p></body></html>')
  fs.writeFileSync(path.join(dir, 'stories', 'scan.txt'), Buffer.from([0x50, 0x00, 0x01, 0x02]))
  fs.writeFileSync(path.join(dir, 'stories', 'notes.csv'), 'ignored,by,folder,walk\n')
  fs.symlinkSync('nowhere.txt', path.join(dir, 'stories', 'gone.txt'))
  const cut = zlib.gzipSync(Array.from({length: 400}, (_, i) => JSON.stringify(record(200 + i))).join('\n'))
  fs.writeFileSync(path.join(dir, 'stories', 'cut.jsonl.gz'), cut.subarray(0, Math.floor(cut.length / 2)))
}

describe('newslint audit', () => {
  it('audits folders, JSON Lines and gzip archives: every article exactly once, with findings or a reason', () => {
    const dir = tempDir('audit')
    archive(dir)
    const run = cli(['audit', 'archive.jsonl', 'more.jsonl.gz', 'stories', '--out', 'out', '--workers', '2', '--progress-every', '0.2'], {cwd: dir})
    expect(run.stderr).toContain('articles')
    expect(run.status).toBe(1) // done, but some articles could not be audited
    const results = readResults(path.join(dir, 'out', 'results.jsonl'))
    const cut = results.filter((r) => r.path === 'stories/cut.jsonl.gz')
    expect(cut.length).toBeGreaterThan(1)
    expect(cut.at(-1)).toMatchObject({status: 'error', error: {code: 'unreadable'}})
    expect(cut.at(-1)!.error.message).toMatch(/after line \d+/)
    expect(cut.slice(0, -1).every((r) => r.status === 'ok')).toBe(true)
    expect(results).toHaveLength(34 + 12 + 5 + cut.length)
    expect(new Set(results.map((r) => r.key)).size).toBe(results.length)
    const byId = new Map(results.filter((r) => r.id).map((r) => [r.id, r]))
    expect(byId.get('story-0')).toMatchObject({status: 'ok', section: 'Metro', desk: 'Features', date: '2023-01-01', path: 'archive.jsonl', line: 1, meta: {wire: 'none'}})
    expect(byId.get('story-0')!.rules['repeated-words']).toBeGreaterThan(0)
    expect(byId.get('story-31')!.rules['repeated-words']).toBe(1)
    expect(byId.get('no-text')).toMatchObject({status: 'error', error: {code: 'no-body'}})
    expect(results.find((r) => r.key === 'archive.jsonl:31')).toMatchObject({status: 'error', error: {code: 'malformed-line'}})
    expect(results.find((r) => r.path === 'stories/scan.txt')).toMatchObject({status: 'error', error: {code: 'binary'}})
    expect(results.find((r) => r.path === 'stories/gone.txt')).toMatchObject({status: 'error', error: {code: 'unreadable'}})
    expect(results.find((r) => r.path === 'stories/ferry.md')).toMatchObject({status: 'ok', date: '2022-05-04', section: 'Transport'})
    expect(results.filter((r) => r.path === 'more.jsonl.gz')).toHaveLength(12)
    expect(results.some((r) => r.path === 'stories/notes.csv')).toBe(false)
    for (const r of results) expect(r.counts.total).toBe(r.messages.length)

    const csv = fs.readFileSync(path.join(dir, 'out', 'results.csv'), 'utf8').trim().split('\n')
    expect(csv[0]).toMatch(/^key,id,path,line,status,/)
    expect(csv[0]).toContain('repeated-words')
    expect(csv.length).toBeGreaterThanOrEqual(results.length + 1)

    const db = new Database(path.join(dir, 'out', 'audit.db'), {readonly: true})
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(results.length)
    expect(db.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(results.reduce((n, r) => n + r.counts.total, 0))
    db.close()

    const report = fs.readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')
    expect(report).not.toContain('window.__pwned = 1</script>')
    expect(report).not.toContain('<img src=x')
    expect(report.match(/<script/g)).toHaveLength(2) // the data block and the report's own script
    expect(report).toContain('&lt;script&gt;window.__pwned')
    expect(report).not.toMatch(/(src|href)=["']?https?:/)
    expect(report).toContain('<svg')
  })

  it('reports an article over the time limit and one that kills its worker, and audits the rest', () => {
    const dir = tempDir('audit-hooks')
    const records = Array.from({length: 20}, (_, i) => record(i))
    records[4] = record(4, {body: 'The board met. @@newslint-hang@@'})
    records[13] = record(13, {body: 'The board met. @@newslint-crash@@'})
    writeJsonl(path.join(dir, 'a.jsonl'), records)
    const run = cli(['audit', 'a.jsonl', '--out', 'out', '--workers', '2', '--batch', '4', '--timeout', '4', '--quiet'], {cwd: dir, env: {NEWSLINT_AUDIT_TEST_HOOKS: '1'}})
    expect(run.status, run.stderr).toBe(1)
    const results = readResults(path.join(dir, 'out', 'results.jsonl'))
    expect(results.map((r) => r.id)).toEqual(records.map((r) => r.id))
    expect(results[4]).toMatchObject({status: 'error', error: {code: 'timeout'}})
    expect(results[13]).toMatchObject({status: 'error', error: {code: 'crash'}})
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(18)
  })

  it('resumes a run killed with SIGKILL: no article missing, none doubled', async () => {
    const dir = tempDir('audit-kill')
    const total = 1200
    writeJsonl(path.join(dir, 'big.jsonl'), Array.from({length: total}, (_, i) => record(i)))
    const child = spawn(process.execPath, [bin, 'audit', 'big.jsonl', '--out', 'out', '--workers', '2', '--quiet'], {
      cwd: dir,
      env: {...process.env, NEWSLINT_AUDIT_TEST_HOOKS: '1', NEWSLINT_AUDIT_TEST_DELAY_MS: '5'},
      stdio: 'ignore'
    })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    const dbFile = path.join(dir, 'out', 'audit.db')
    let stored = 0
    for (let tries = 0; tries < 800 && stored < 150; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      try {
        const db = new Database(dbFile, {readonly: true, fileMustExist: true})
        stored = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
        db.close()
      } catch {
        stored = 0
      }
    }
    child.kill('SIGKILL')
    await exited
    const db = new Database(dbFile, {readonly: true})
    const before = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    db.close()
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(total)
    expect(fs.existsSync(path.join(dir, 'out', 'results.jsonl'))).toBe(false)

    const again = cli(['audit', 'big.jsonl', '--out', 'out'], {cwd: dir})
    expect(again.status).toBe(2)
    expect(again.stderr).toContain('--resume')

    const resumed = cli(['audit', '--out', 'out', '--resume', '--workers', '2', '--progress-every', '60'], {cwd: dir})
    expect(resumed.status, resumed.stderr).toBe(0)
    expect(resumed.stderr).toContain('already done')
    const results = readResults(path.join(dir, 'out', 'results.jsonl'))
    expect(results.map((r) => r.id)).toEqual(Array.from({length: total}, (_, i) => `story-${i}`))
    const check = new Database(dbFile, {readonly: true})
    expect(check.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(results.reduce((n, r) => n + r.counts.total, 0))
    check.close()
  }, 60_000)

  it('runs as a deterministic stdin mapper, and merges shards into one store and report', () => {
    const dir = tempDir('audit-shards')
    const shardA = [...Array.from({length: 15}, (_, i) => record(i)), 'not json at all']
    // story-29 twice under one id, with different text: two articles, both kept.
    const shardB = [...Array.from({length: 15}, (_, i) => record(15 + i)), record(29, {body: 'Another story that shares the id.'})]
    const input = shardA.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n'
    const one = cli(['audit', '--stdin', '--jsonl', '--workers', '1', '--batch', '3'], {cwd: dir, input})
    const two = cli(['audit', '--stdin', '--jsonl', '--workers', '2'], {cwd: dir, input})
    expect(one.status).toBe(1) // the malformed line is reported in the output
    expect(two.stdout).toBe(one.stdout)
    const lines = one.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(16)
    expect(lines[15]).toMatchObject({status: 'error', error: {code: 'malformed-line'}, line: 16})
    fs.writeFileSync(path.join(dir, 'part-00000'), one.stdout)
    const b = cli(['audit', '--stdin', '--jsonl'], {cwd: dir, input: shardB.map((r) => JSON.stringify(r)).join('\n')})
    expect(b.status).toBe(0)
    fs.writeFileSync(path.join(dir, 'part-00001'), b.stdout)
    // part-00001 twice: a retried task's output must not double its articles.
    const merge = cli(['audit', 'merge', 'part-00000', 'part-00001', 'part-00001', '--out', 'merged'], {cwd: dir})
    expect(merge.status, merge.stderr).toBe(1)
    expect(merge.stderr).toContain('16 duplicates dropped')
    const merged = readResults(path.join(dir, 'merged', 'results.jsonl'))
    expect(merged).toHaveLength(32)
    expect(new Set(merged.map((r) => r.key)).size).toBe(32)
    expect(merged.filter((r) => r.id === 'story-29')).toHaveLength(2)
    expect(fs.readFileSync(path.join(dir, 'merged', 'report.html'), 'utf8')).toContain('Findings per rule')
  })

  it('explains usage, and refuses bad invocations with exit code 2', () => {
    const dir = tempDir('audit-usage')
    const help = cli(['audit', '--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('--resume')
    expect(help.stdout).toContain('merge')
    expect(cli(['audit', 'x.jsonl'], {cwd: dir}).status).toBe(2)
    expect(cli(['audit', 'missing.jsonl', '--out', 'o'], {cwd: dir}).stderr).toContain('no such file')
    expect(cli(['audit', '--stdin'], {cwd: dir}).status).toBe(2)
    expect(cli(['audit', '--out', 'o', '--resume'], {cwd: dir}).status).toBe(2)
    expect(cli(['audit', '--workers', 'many', '--out', 'o', '.'], {cwd: dir}).status).toBe(2)
    fs.writeFileSync(path.join(dir, 'a.jsonl'), JSON.stringify(record(1)) + '\n')
    fs.writeFileSync(path.join(dir, '.newslintrc.json'), '{"rules": {"no-such-rule": "warn"}}')
    const broken = cli(['audit', 'a.jsonl', '--out', 'o'], {cwd: dir})
    expect(broken.status).toBe(2)
    expect(broken.stderr).toContain('configuration error')
    expect(fs.existsSync(path.join(dir, 'o', 'audit.db'))).toBe(false)
  })
})
