/**
 * Audit one article: build its VFile (a file on disk, or a JSON record as
 * headline + blank line + body, or its HTML), lint it with the one newslint
 * processor, and turn the VFile into a result line. Runs in the workers, and
 * in-process for tests and benchmarks.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createProcessor} from '../processor.js'
import {findConfig, loadConfigFile, resolveConfig, type ResolvedConfig} from '../config/index.js'
import {messageData, severityOfMessage} from '../message.js'
import {normaliseDate} from '../article/published.js'
import type {AuditMessage, AuditResult, AuditTask} from './types.js'

/** Record fields newslint reads; every other field is kept as metadata. */
const KNOWN_FIELDS = new Set(['id', 'headline', 'title', 'date', 'body', 'text', 'html', 'section', 'desk', 'author', 'url'])
const MAX_TEXT = 160
const CONTEXT = 60

export interface AuditSettings {
  /** A configuration file (`--config`). */
  configPath?: string
  /** Ignore configuration files (`--no-config`). */
  noConfig?: boolean
  /** Where to look for the nearest configuration file. */
  cwd: string
  /** Size limit for one article, in bytes. */
  maxBytes?: number
}

/** Resolve the one configuration every article of the audit uses. Throws ConfigError. */
export function auditConfig(settings: AuditSettings): ResolvedConfig {
  if (settings.configPath) {
    const config = loadConfigFile(path.resolve(settings.cwd, settings.configPath))
    if (!config) throw new Error(`${settings.configPath}: no "newslint" field in this package.json`)
    return config
  }
  if (settings.noConfig) return resolveConfig({})
  return findConfig(settings.cwd) ?? resolveConfig({})
}

export class Auditor {
  private config: ResolvedConfig
  private maxBytes: number | undefined
  private cwd: string
  private processors = new Map<string, ReturnType<typeof createProcessor>>()

  constructor(settings: AuditSettings) {
    this.config = auditConfig(settings)
    this.maxBytes = settings.maxBytes
    this.cwd = settings.cwd
  }

  /** One processor per publication date (the date is a processor option); a handful in practice. */
  private processorFor(date: string | undefined) {
    const key = date ?? ''
    let processor = this.processors.get(key)
    if (!processor) {
      if (this.processors.size > 2000) this.processors.clear()
      processor = createProcessor({config: this.config, date, maxBytes: this.maxBytes})
      this.processors.set(key, processor)
    }
    return processor
  }

  audit(task: AuditTask): AuditResult {
    if (task.kind === 'failed') return failure(task.key, task.source, task.line, undefined, task.code, task.message)
    if (task.kind === 'file') return this.auditFile(task.key, task.path)
    return this.auditRecord(task.key, task.source, task.line, task.json)
  }

  private auditFile(key: string, file: string): AuditResult {
    let value: Buffer
    try {
      value = fs.readFileSync(path.resolve(this.cwd, file))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return failure(key, file, undefined, undefined, 'unreadable', `Cannot read this file${code ? ` (${code})` : ''}: ${(error as Error).message}`)
    }
    const vfile = new VFile({path: file, value, cwd: this.cwd})
    return this.lint(vfile, {key, path: file}, undefined)
  }

  private auditRecord(key: string, source: string, line: number, json: string): AuditResult {
    let record: unknown
    try {
      record = JSON.parse(json)
    } catch (error) {
      return failure(key, source, line, undefined, 'malformed-line', `Line ${line} is not valid JSON: ${(error as Error).message}`)
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return failure(key, source, line, undefined, 'malformed-line', `Line ${line} is not a JSON object`)
    }
    const fields = record as Record<string, unknown>
    const id = fields.id === undefined || fields.id === null ? undefined : typeof fields.id === 'object' ? JSON.stringify(fields.id) : String(fields.id)
    const headline = stringField(fields.headline) ?? stringField(fields.title)
    const body = stringField(fields.body) ?? stringField(fields.text)
    const html = stringField(fields.html)
    if (body === undefined && html === undefined) {
      return {...failure(key, source, line, id, 'no-body', `Record ${id ?? `on line ${line}`} has no "body" (or "html") text`), digest: recordDigest(json)}
    }
    const meta: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(fields)) {
      if (!KNOWN_FIELDS.has(name) && name !== '__proto__') meta[name] = value
    }
    const fileMeta: Record<string, unknown> = {...meta}
    for (const name of ['section', 'desk', 'author', 'url', 'date'] as const) {
      if (fields[name] !== undefined && fields[name] !== null) fileMeta[name] = fields[name]
    }
    if (id !== undefined) fileMeta.id = id
    let vfile: VFile
    if (body !== undefined) {
      const value = headline ? `${headline}\n\n${body}` : body
      vfile = new VFile({path: 'record.txt', value})
    } else {
      const value = headline && !/<h1[\s>]/i.test(html!) ? `<h1>${escapeHtml(headline)}</h1>\n${html}` : html!
      vfile = new VFile({path: 'record.html', value})
    }
    vfile.data.meta = fileMeta
    const date = normaliseDate(fields.date)
    const result = this.lint(vfile, {key, path: source, line, id}, date)
    if (Object.keys(meta).length > 0) result.meta = meta
    result.digest = recordDigest(json)
    return result
  }

  private lint(vfile: VFile, where: {key: string; path: string; line?: number; id?: string}, date: string | undefined): AuditResult {
    const processor = this.processorFor(date)
    testHooks(vfile)
    const tree = processor.parse(vfile)
    processor.runSync(tree, vfile)
    const article = vfile.data.article
    const meta = article?.meta ?? {}
    const result: AuditResult = {
      key: where.key,
      ...(where.id !== undefined ? {id: where.id} : {}),
      path: where.path,
      ...(where.line !== undefined ? {line: where.line} : {}),
      status: 'ok',
      words: article?.wordCount ?? 0,
      counts: {error: 0, warning: 0, info: 0, total: 0},
      rules: {},
      messages: []
    }
    const headline = article?.headline?.text ?? stringField(meta.headline) ?? stringField(meta.title)
    if (headline) result.headline = cap(headline.replace(/\s+/g, ' ').trim(), 300)
    if (article?.published?.date) result.date = article.published.date
    for (const name of ['section', 'desk', 'author', 'url'] as const) {
      const value = meta[name]
      if (typeof value === 'string' || typeof value === 'number') result[name] = String(value)
      else if (Array.isArray(value) && value.length > 0) result[name] = value.map(String).join(', ')
    }
    if (vfile.data.inputError) {
      result.status = 'error'
      result.error = {...vfile.data.inputError}
      return result
    }
    const text = String(vfile.value ?? '')
    for (const message of vfile.messages) result.messages.push(toAuditMessage(message, text))
    result.messages.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    for (const message of result.messages) {
      result.counts[message.severity]++
      result.counts.total++
      result.rules[message.rule] = (result.rules[message.rule] ?? 0) + 1
    }
    return result
  }
}

function toAuditMessage(message: VFileMessage, text: string): AuditMessage {
  const place = message.place as {start?: {line: number; column: number; offset?: number}; end?: {line: number; column: number; offset?: number}; line?: number; column?: number} | undefined
  const startPoint = place && 'start' in place && place.start ? place.start : {line: message.line ?? 1, column: message.column ?? 1, offset: undefined}
  const endPoint = place && 'end' in place && place.end ? place.end : startPoint
  const start = startPoint.offset ?? 0
  const end = Math.max(start, endPoint.offset ?? start)
  const before = text.slice(Math.max(0, start - CONTEXT), start)
  const after = text.slice(end, end + CONTEXT)
  const flagged = text.slice(start, end)
  const data = messageData(message)
  const result: AuditMessage = {
    rule: String(message.ruleId ?? 'unknown'),
    severity: data?.severity ?? severityOfMessage(message),
    line: startPoint.line,
    column: startPoint.column,
    endLine: endPoint.line,
    endColumn: endPoint.column,
    start,
    end,
    reason: message.reason,
    text: cap(flagged, MAX_TEXT),
    excerpt: oneLine(`${before.length === CONTEXT ? '…' : ''}${before}${cap(flagged, MAX_TEXT)}${after}${after.length === CONTEXT ? '…' : ''}`)
  }
  if (data?.kind) result.kind = data.kind
  return result
}

/** The id of a task's record, when it has one (for errors found outside the record's audit). */
export function taskId(task: AuditTask): string | undefined {
  if (task.kind !== 'record') return undefined
  try {
    const value = (JSON.parse(task.json) as {id?: unknown} | null)?.id
    if (value === undefined || value === null) return undefined
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  } catch {
    return undefined
  }
}

/** A short fingerprint of a record's line: tells two records that share an id apart when shards merge. */
export function recordDigest(json: string): string {
  return crypto.createHash('sha256').update(json).digest('hex').slice(0, 16)
}

export function failure(key: string, source: string, line: number | undefined, id: string | undefined, code: string, message: string): AuditResult {
  return {
    key,
    ...(id !== undefined ? {id} : {}),
    path: source,
    ...(line !== undefined ? {line} : {}),
    status: 'error',
    error: {code, message},
    words: 0,
    counts: {error: 0, warning: 0, info: 0, total: 0},
    rules: {},
    messages: []
  }
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function cap(value: string, max: number): string {
  return value.length > max ? value.slice(0, max - 1) + '…' : value
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ')
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Test hooks, on only when NEWSLINT_AUDIT_TEST_HOOKS=1: an article containing
 * `@@newslint-hang@@` never finishes, one containing `@@newslint-crash@@`
 * kills its worker, and NEWSLINT_AUDIT_TEST_DELAY_MS slows every article.
 */
const hooks = process.env.NEWSLINT_AUDIT_TEST_HOOKS === '1'
const delay = Number(process.env.NEWSLINT_AUDIT_TEST_DELAY_MS ?? 0)
function testHooks(vfile: VFile) {
  if (!hooks) return
  const text = String(vfile.value)
  if (text.includes('@@newslint-hang@@')) for (;;) {/* spin */}
  if (text.includes('@@newslint-crash@@')) process.exit(70)
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay)
}
