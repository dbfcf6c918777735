/**
 * `newslint audit`: lint a whole archive into DIR (SQLite store, results.jsonl,
 * results.csv, report.html), resumable; `--stdin --jsonl` as a mapper for
 * sharded runs; `merge` to combine shards. See docs/audit.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import {parseFlags, parseSize, UsageError} from '../cli/args.js'
import type {Readable} from 'node:stream'
import type {CliIo} from '../cli/index.js'
import {ConfigError} from '../config/index.js'
import {auditConfig, type AuditSettings} from './analyse.js'
import {checkInputs, countArticles, enumerate, InputUsageError, recordTasks} from './inputs.js'
import {DEFAULT_BATCH, DEFAULT_TIMEOUT_MS, defaultWorkers, runPool} from './pool.js'
import {Progress} from './progress.js'
import {AuditStore, STORE_FILE} from './store.js'
import {writeExports} from './export.js'
import {writeReport} from './report.js'
import {mergeShards} from './merge.js'
import type {WorkerOutput} from './types.js'

export const auditHelp = `Usage: newslint audit <inputs…> --out DIR [options]
       newslint audit --stdin --jsonl [options] > results.jsonl
       newslint audit merge <shard results…> --out DIR

Audit a whole archive: every article is linted on a pool of worker threads
and lands exactly once in DIR, with its findings or the reason it could not
be audited.

Inputs: folders and globs of .txt, .md and .html articles, and JSON Lines
archives (.jsonl, .jsonl.gz), one article a line:
  {"id": "…", "headline": "…", "date": "YYYY-MM-DD", "body": "…" (or "html": "…"),
   "section": "…", "desk": "…", "author": "…", "url": "…", any other field}

DIR receives:
  audit.db       SQLite store (tables articles, findings, run), for --resume and queries
  results.jsonl  one line per article: key, id or path, status, counts, messages
  results.csv    one row per article, one column per rule
  report.html    self-contained report: totals, charts, worst articles, drill-down

Options:
  --out DIR            where results go (required, except with --stdin)
  --resume             continue a run that stopped (even kill -9): done articles are kept
  --force              start over in a DIR that already holds an audit
  --workers N          worker threads (default: all cores, ${defaultWorkers()} here)
  --batch N            articles per task sent to a worker (default ${DEFAULT_BATCH})
  --timeout SECONDS    time limit for one article (default ${DEFAULT_TIMEOUT_MS / 1000})
  --config FILE        configuration file (default: the nearest one to the working directory)
  --no-config          ignore configuration files
  --max-size SIZE      size limit for one article (default 5MB)
  --title TEXT         title of report.html
  --progress-every S   seconds between progress lines when stderr is not a terminal (default 10)
  --quiet              no progress output
  --stdin              read articles from stdin (needs --jsonl); write one result line
                       per article to stdout, in input order, deterministic
  --jsonl              stdin holds JSON Lines
  --stdin-name NAME    name of the stdin source in keys and paths (default: stdin)
  -h, --help           this help

Exit codes: 0 every article audited; 1 done, but some articles could not be
audited (malformed line, unreadable file, time limit, worker crash: their
reasons are in the results); 2 usage or internal error, nothing complete;
130/143 interrupted (SIGINT/SIGTERM): continue with --resume.
`

function parse(argv: string[]) {
  return parseFlags(argv, {
    out: {type: 'string', short: 'o'},
    resume: {type: 'boolean'},
    force: {type: 'boolean'},
    workers: {type: 'string'},
    batch: {type: 'string'},
    timeout: {type: 'string'},
    config: {type: 'string', short: 'c'},
    'no-config': {type: 'boolean'},
    'max-size': {type: 'string'},
    title: {type: 'string'},
    'progress-every': {type: 'string'},
    quiet: {type: 'boolean', short: 'q'},
    stdin: {type: 'boolean'},
    jsonl: {type: 'boolean'},
    'stdin-name': {type: 'string'},
    help: {type: 'boolean', short: 'h'}
  })
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${name}: expected a whole number above zero, not '${value}'`)
  return Number(value)
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new UsageError(`--${name}: expected a number of seconds above zero, not '${value}'`)
  return n
}

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'merge') return await runMerge(argv.slice(1), io)
    const {values, positionals} = parse(argv)
    if (values.help) {
      io.stdout.write(auditHelp)
      return 0
    }
    let maxBytes: number | undefined
    if (values['max-size']) {
      maxBytes = parseSize(values['max-size'])
    }
    if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot go together')
    const workers = positiveInteger('workers', values.workers) ?? defaultWorkers()
    const batchSize = positiveInteger('batch', values.batch) ?? DEFAULT_BATCH
    const timeoutMs = (positiveNumber('timeout', values.timeout) ?? DEFAULT_TIMEOUT_MS / 1000) * 1000
    const progressEvery = positiveNumber('progress-every', values['progress-every'])

    if (values.stdin) {
      if (!values.jsonl) throw new UsageError('--stdin reads JSON Lines: add --jsonl')
      if (positionals.length > 0) throw new UsageError('--stdin takes no input files')
      if (values.out || values.resume) throw new UsageError('--stdin writes results to stdout: --out and --resume do not apply (merge shards with `newslint audit merge`)')
      const settings: AuditSettings = {configPath: values.config, noConfig: values['no-config'], cwd: io.cwd, maxBytes}
      auditConfig(settings)
      return await runStdin(io, settings, {workers, batchSize, timeoutMs, name: values['stdin-name'] ?? 'stdin'})
    }
    if (values.jsonl) throw new UsageError('--jsonl goes with --stdin (archives are recognised by their .jsonl extension)')
    if (!values.out) throw new UsageError('--out DIR is required (where the store, results and report go)')
    const out = path.resolve(io.cwd, values.out)
    const storeFile = path.join(out, STORE_FILE)
    const exists = fs.existsSync(storeFile)
    if (values.resume && values.force) throw new UsageError('--resume and --force cannot go together')
    if (values.resume && !exists) throw new UsageError(`nothing to resume: ${values.out} holds no audit`)
    if (!values.resume && exists && !values.force) {
      throw new UsageError(`${values.out} already holds an audit: add --resume to continue it, or --force to start over`)
    }
    if (!values.resume) {
      // Check before a store exists, so that a mistake leaves DIR as it was.
      if (positionals.length === 0) throw new UsageError('no inputs: give folders, globs or .jsonl archives to audit')
      checkInputs(positionals, io.cwd)
      auditConfig({configPath: values.config, noConfig: values['no-config'], cwd: io.cwd, maxBytes})
    }
    if (values.force && exists) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(storeFile + suffix, {force: true})

    const store = new AuditStore(storeFile)
    let interrupted: ((signal: NodeJS.Signals) => void) | undefined
    try {
      let inputs = positionals
      let cwd = io.cwd
      let settings: AuditSettings = {configPath: values.config, noConfig: values['no-config'], cwd, maxBytes}
      if (values.resume) {
        const stored = store.get('inputs')
        if (!stored) throw new UsageError(`${values.out}: this store was not made by an audit run (a merge?): nothing to resume`)
        const before = JSON.parse(stored) as string[]
        cwd = store.get('cwd') ?? cwd
        if (inputs.length > 0 && JSON.stringify(inputs) !== stored) {
          throw new UsageError(`--resume: the inputs differ from the run being resumed (${before.join(' ')}); give the same inputs, or none`)
        }
        inputs = before
        settings = {...(JSON.parse(store.get('settings') ?? '{}') as AuditSettings), cwd}
        store.resuming = true
      } else {
        store.set('inputs', JSON.stringify(inputs))
        store.set('cwd', cwd)
        store.set('settings', JSON.stringify(settings))
        store.set('started', new Date().toISOString())
      }
      auditConfig(settings)
      store.set('status', 'running')
      const already = store.count().articles

      const progress = values.quiet ? undefined : new Progress({stream: io.stderr, tty: io.isTTY, every: progressEvery, already})
      // Ctrl-C or a polite kill: every stored article is committed (transactions are synchronous,
      // so this never runs in the middle of one); say how to go on.
      interrupted = (signal: NodeJS.Signals) => {
        progress?.stop()
        const stored = store.count().articles
        store.close()
        io.stderr.write(`\nnewslint audit: interrupted (${signal}) with ${stored.toLocaleString('en')} articles stored; continue with: newslint audit --out ${values.out} --resume\n`)
        process.exit(signal === 'SIGINT' ? 130 : 143)
      }
      process.once('SIGINT', interrupted)
      process.once('SIGTERM', interrupted)
      let counting = true
      if (progress) {
        countArticles(inputs, cwd, () => !counting).then(
          (total) => {
            if (counting) progress.setTotal(total)
          },
          () => {}
        )
      }
      let audited = 0
      let words = 0
      const started = performance.now()
      const cpuBefore = process.cpuUsage()
      const stats = await runPool(
        enumerate(inputs, cwd),
        {settings, workers, batchSize, timeoutMs, skip: values.resume ? (task) => store.has(task.key) : undefined},
        (outputs: WorkerOutput[]) => {
          const rows = outputs.map((output) => ({seq: output.seq, line: output.line, result: output.stored}))
          store.add(rows)
          for (const row of rows) words += row.result.words
          const errors = outputs.filter((o) => o.status === 'error').length
          audited += outputs.length
          progress?.add(outputs.length, errors)
        }
      )
      counting = false
      progress?.stop()
      const seconds = (performance.now() - started) / 1000
      const peakMb = Math.round(process.resourceUsage().maxRSS / 1024)
      const cpu = process.cpuUsage(cpuBefore)
      const cpuSeconds = Math.round((cpu.user + cpu.system) / 1000) / 1000
      // This run's figures, for `npm run bench` and for the curious: sqlite3 DIR/audit.db "select * from run"
      store.set('last_run', JSON.stringify({articles: audited, words, seconds: Math.round(seconds * 1000) / 1000, cpuSeconds, workers, batch: batchSize, peakRssMb: peakMb}))
      const totals = await finish(store, out, values.title)
      if (!totals) {
        store.close()
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(storeFile + suffix, {force: true})
        io.stderr.write('newslint audit: no articles found (looked for .txt, .md, .html, .jsonl, .jsonl.gz)\n')
        return 2
      }
      const findings = store.db.prepare('SELECT count(*) FROM findings').pluck().get() as number
      if (!values.quiet) {
        io.stderr.write(
          `newslint audit: ${totals.articles.toLocaleString('en')} articles (${audited.toLocaleString('en')} this run${stats.skipped ? `, ${stats.skipped.toLocaleString('en')} already done` : ''}), ` +
            `${findings.toLocaleString('en')} findings, ${totals.errors.toLocaleString('en')} not audited\n` +
            `  ${seconds.toFixed(1)} s, ${Math.round(audited / seconds).toLocaleString('en')} articles/s, ${Math.round(words / seconds).toLocaleString('en')} words/s on ${workers} worker${workers === 1 ? '' : 's'}, peak memory ${peakMb} MB\n` +
            `  ${path.join(values.out, 'report.html')}\n  ${path.join(values.out, 'results.jsonl')}\n  ${path.join(values.out, 'results.csv')}\n  ${path.join(values.out, STORE_FILE)}\n`
        )
      }
      return totals.errors > 0 ? 1 : 0
    } finally {
      if (interrupted) {
        process.off('SIGINT', interrupted)
        process.off('SIGTERM', interrupted)
      }
      store.close()
    }
  } catch (error) {
    return fail(error, io)
  }
}

/** Mark the store done and write the exports and the report; undefined when it holds no article. */
async function finish(store: AuditStore, out: string, title: string | undefined) {
  store.set('status', 'done')
  store.set('finished', new Date().toISOString())
  const totals = store.count()
  if (totals.articles === 0) return undefined
  await writeExports(store, out)
  writeReport(store, out, {title})
  return totals
}

function fail(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || error instanceof InputUsageError) {
    io.stderr.write(`newslint audit: ${(error as Error).message}\nRun 'newslint audit --help' for usage.\n`)
    return 2
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`newslint audit: configuration error: ${error.message}\n`)
    return 2
  }
  io.stderr.write(`newslint audit: internal error: ${(error as Error)?.message ?? String(error)}\n`)
  if (io.env.NEWSLINT_DEBUG) io.stderr.write(String((error as Error)?.stack) + '\n')
  return 2
}

async function runStdin(io: CliIo, settings: AuditSettings, options: {workers: number; batchSize: number; timeoutMs: number; name: string}): Promise<number> {
  let seq = 0
  let errors = 0
  const out = io.stdout
  await runPool(
    recordTasks(io.stdin as Readable, options.name, () => seq++),
    {settings, workers: options.workers, batchSize: options.batchSize, timeoutMs: options.timeoutMs, ordered: true},
    async (outputs) => {
      let text = ''
      for (const output of outputs) {
        text += output.line + '\n'
        if (output.status === 'error') errors++
      }
      if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve))
    }
  )
  return errors > 0 ? 1 : 0
}

async function runMerge(argv: string[], io: CliIo): Promise<number> {
  const args = parseFlags(argv, {out: {type: 'string', short: 'o'}, force: {type: 'boolean'}, title: {type: 'string'}, quiet: {type: 'boolean', short: 'q'}, help: {type: 'boolean', short: 'h'}})
  const {values, positionals} = args
  if (values.help) {
    io.stdout.write(auditHelp)
    return 0
  }
  if (!values.out) throw new UsageError('merge: --out DIR is required')
  if (positionals.length === 0) throw new UsageError('merge: give the shard results to combine (results.jsonl files, .jsonl.gz, or audit folders)')
  const out = path.resolve(io.cwd, values.out)
  const storeFile = path.join(out, STORE_FILE)
  if (fs.existsSync(storeFile)) {
    if (!values.force) throw new UsageError(`${values.out} already holds an audit: add --force to replace it`)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(storeFile + suffix, {force: true})
  }
  checkInputs(positionals, io.cwd)
  const store = new AuditStore(storeFile)
  try {
    store.set('merged', JSON.stringify(positionals))
    store.set('started', new Date().toISOString())
    const summary = await mergeShards(positionals, io.cwd, store)
    const totals = await finish(store, out, values.title)
    if (!totals) {
      io.stderr.write('newslint audit merge: no results found in the shards\n')
      return 2
    }
    if (!values.quiet) {
      io.stderr.write(
        `newslint audit merge: ${totals.articles.toLocaleString('en')} articles from ${summary.shards} shard${summary.shards === 1 ? '' : 's'}` +
          `${summary.duplicates ? `, ${summary.duplicates.toLocaleString('en')} duplicates dropped (same id in several shards)` : ''}` +
          `${summary.malformed ? `, ${summary.malformed} malformed result lines (kept as errors)` : ''}, ${totals.errors.toLocaleString('en')} not audited\n` +
          `  ${path.join(values.out, 'report.html')}\n`
      )
    }
    return totals.errors > 0 ? 1 : 0
  } finally {
    store.close()
  }
}
