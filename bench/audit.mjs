#!/usr/bin/env node
/**
 * Audit benchmark: articles/s and words/s of `newslint audit` with 1 worker
 * and with all cores, against the single-process library (`lintSync` in one
 * process on the same articles), and peak memory.
 *
 *     node bench/audit.mjs [--articles 20000] [--library-sample 3000] [--corpus DIR] [--json]
 *
 * The corpus (JSON articles: id, headline, date, body…) is replicated to
 * --articles records in one JSON Lines archive in a temporary folder. The
 * library is timed on the first --library-sample records of that archive
 * (every corpus article, many times; the rest are copies of the same text).
 * Bars: speed-up >= 1.7x on 2 cores; one worker >= 80% of the library.
 * Needs a build (`npm run build`).
 *
 * Wall-clock figures count the time other processes hold the CPU. On a busy
 * machine, read the CPU time per article, or run the bench at real-time
 * priority (the audits it starts inherit it) to measure as on an idle
 * machine: `sudo chrt -r 1 node bench/audit.mjs`.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import Database from 'better-sqlite3'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    articles: {type: 'string', default: '20000'},
    'library-sample': {type: 'string', default: '3000'},
    corpus: {type: 'string', default: path.resolve(root, '..', 'shared', 'corpus', 'articles')},
    workers: {type: 'string'},
    json: {type: 'boolean', default: false},
    keep: {type: 'boolean', default: false}
  }
})
const total = Number(values.articles)
const sample = Math.min(total, Number(values['library-sample']))
const cores = Number(values.workers ?? (os.availableParallelism?.() ?? os.cpus().length))
const log = (line) => process.stderr.write(line + '\n')

const {lintSync, createProcessor} = await import(path.join(root, 'dist', 'src', 'index.js'))

// 1. The archive: the corpus replicated to `total` records.
const names = fs.readdirSync(values.corpus).filter((name) => name.endsWith('.json')).sort()
if (names.length === 0) throw new Error(`no .json articles in ${values.corpus}`)
const corpus = names.map((name) => JSON.parse(fs.readFileSync(path.join(values.corpus, name), 'utf8')))
fs.mkdirSync(path.join(root, 'bench', 'out'), {recursive: true})
const work = fs.mkdtempSync(path.join(root, 'bench', 'out', 'audit-'))
const archive = path.join(work, 'archive.jsonl')
const out = fs.openSync(archive, 'w')
for (let i = 0; i < total; i += 1000) {
  let chunk = ''
  for (let j = i; j < Math.min(total, i + 1000); j++) {
    const article = corpus[j % corpus.length]
    chunk += JSON.stringify({...article, id: `${article.id ?? j % corpus.length}~${j}`}) + '\n'
  }
  fs.writeSync(out, chunk)
}
fs.closeSync(out)
log(`bench/audit: ${total.toLocaleString('en')} articles (${corpus.length} corpus articles replicated), ${(fs.statSync(archive).size / 1e6).toFixed(1)} MB archive, ${cores} cores`)

// 2. The library in one process: lintSync, one processor per publication date (as the workers do).
const processors = new Map()
const lintRecord = (article) => {
  const date = typeof article.date === 'string' ? article.date.slice(0, 10) : undefined
  let processor = processors.get(date)
  if (!processor) processors.set(date, (processor = createProcessor({date})))
  const file = new VFile({path: 'article.txt', value: article.headline ? `${article.headline}\n\n${article.body ?? ''}` : String(article.body ?? '')})
  file.data.meta = {}
  lintSync(file, {}, processor)
  return file.data.article?.wordCount ?? 0
}
for (const article of corpus) lintRecord(article) // warm-up
/** Time the library on the sample; run before and after the audits, the faster counts (least disturbed). */
function timeLibrary() {
  let words = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let j = 0; j < sample; j++) words += lintRecord(corpus[j % corpus.length])
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  return {articles: sample, words, seconds, cpuMsPerArticle: (cpuSeconds * 1000) / sample, articlesPerSecond: sample / seconds, wordsPerSecond: words / seconds}
}
let library = timeLibrary()
log(`library (lintSync, 1 process): ${library.articlesPerSecond.toFixed(1)} articles/s, ${Math.round(library.wordsPerSecond).toLocaleString('en')} words/s on ${sample} articles`)

// 3. The audit, as users run it, with 1 worker and with all cores.
function audit(workers) {
  const dir = path.join(work, `out-${workers}`)
  const started = performance.now()
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'newslint.js'), 'audit', archive, '--out', dir, '--workers', String(workers), '--quiet'], {encoding: 'utf8', maxBuffer: 1 << 26})
  const wall = (performance.now() - started) / 1000
  if (run.error) throw run.error
  if (run.status !== 0 && run.status !== 1) throw new Error(`audit failed (${run.status}): ${run.stderr}`)
  if (!fs.existsSync(path.join(dir, 'audit.db'))) throw new Error(`audit left no store (exit ${run.status}): ${run.stderr}`)
  const db = new Database(path.join(dir, 'audit.db'), {readonly: true})
  const last = JSON.parse(db.prepare("SELECT value FROM run WHERE name = 'last_run'").pluck().get())
  const stored = db.prepare('SELECT count(*) FROM articles').pluck().get()
  db.close()
  if (stored !== total) throw new Error(`audit stored ${stored} articles, expected ${total}`)
  const result = {workers, articles: last.articles, words: last.words, seconds: last.seconds, wallSeconds: wall, cpuMsPerArticle: (last.cpuSeconds * 1000) / last.articles, articlesPerSecond: last.articles / last.seconds, wordsPerSecond: last.words / last.seconds, peakRssMb: last.peakRssMb}
  log(`audit, ${workers} worker${workers === 1 ? '' : 's'}: ${result.articlesPerSecond.toFixed(1)} articles/s, ${Math.round(result.wordsPerSecond).toLocaleString('en')} words/s (${result.seconds.toFixed(1)} s linting, ${wall.toFixed(1)} s with exports and report), peak RSS ${result.peakRssMb} MB`)
  return result
}
const one = audit(1)
const all = audit(cores)
const again = timeLibrary()
log(`library again: ${again.articlesPerSecond.toFixed(1)} articles/s`)
if (again.articlesPerSecond > library.articlesPerSecond) library = again

const speedUp = all.articlesPerSecond / one.articlesPerSecond
const perWorker = one.articlesPerSecond / library.articlesPerSecond
const perWorkerAllCores = all.articlesPerSecond / cores / library.articlesPerSecond
// CPU time per article does not depend on what else the machine runs: the pool's cost, whatever the load.
const cpuEfficiency = library.cpuMsPerArticle / one.cpuMsPerArticle
const summary = {
  articles: total,
  cores,
  library,
  oneWorker: one,
  allCores: all,
  speedUp,
  perWorkerVsLibrary: perWorker,
  perWorkerVsLibraryAllCores: perWorkerAllCores,
  cpuEfficiencyOneWorker: cpuEfficiency,
  peakRssMb: Math.max(one.peakRssMb, all.peakRssMb),
  bars: {speedUp: cores >= 2 ? speedUp >= 1.7 : null, perWorker: perWorker >= 0.8}
}
const pct = (x) => `${(x * 100).toFixed(0)}%`
const lines = [
  '',
  `newslint audit benchmark: ${total.toLocaleString('en')} articles, ${cores} cores, load average ${os.loadavg()[0].toFixed(1)}`,
  `  library, 1 process   ${library.articlesPerSecond.toFixed(1).padStart(8)} articles/s ${Math.round(library.wordsPerSecond).toLocaleString('en').padStart(10)} words/s`,
  `  audit, 1 worker      ${one.articlesPerSecond.toFixed(1).padStart(8)} articles/s ${Math.round(one.wordsPerSecond).toLocaleString('en').padStart(10)} words/s   peak RSS ${one.peakRssMb} MB`,
  `  audit, ${String(cores).padEnd(2)} workers    ${all.articlesPerSecond.toFixed(1).padStart(8)} articles/s ${Math.round(all.wordsPerSecond).toLocaleString('en').padStart(10)} words/s   peak RSS ${all.peakRssMb} MB`,
  `  speed-up ${speedUp.toFixed(2)}x on ${cores} cores ${cores >= 2 ? (speedUp >= 1.7 ? '(bar 1.7x: met)' : '(bar 1.7x: NOT met)') : '(one core: no bar)'}`,
  `  one worker = ${pct(perWorker)} of the library ${perWorker >= 0.8 ? '(bar 80%: met)' : '(bar 80%: NOT met)'}; with ${cores} workers each = ${pct(perWorkerAllCores)}`,
  `  CPU per article: library ${library.cpuMsPerArticle.toFixed(2)} ms, audit 1 worker ${one.cpuMsPerArticle.toFixed(2)} ms, ${cores} workers ${all.cpuMsPerArticle.toFixed(2)} ms (all threads: workers, reading, store, report) = ${pct(cpuEfficiency)} efficiency`
]
const realtime = (() => {
  try {
    return [1, 2].includes(Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[38])) // SCHED_FIFO, SCHED_RR
  } catch {
    return false
  }
})()
if (!realtime && os.loadavg()[0] > cores * 0.75) lines.push(`  note: the machine was busy (load average ${os.loadavg()[0].toFixed(1)} on ${cores} cores): the figures are noisy, wall-clock ones most (CPU time per article less so); see chrt in this script's header`)
if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
else process.stdout.write(lines.join('\n') + '\n')
if (!values.keep) fs.rmSync(work, {recursive: true, force: true})
else log(`kept ${work}`)
