/**
 * What flows through an audit: tasks (one article to lint, as a file path or
 * a JSON line) and results (one line per article, findings or an error with
 * its reason). The result line is the unit of every output: the store, the
 * `results.jsonl` export, the `--stdin` mapper output and `merge` input.
 */

/** One article to audit. `key` is unique in the run and stable across runs. */
export type AuditTask =
  | {key: string; seq: number; kind: 'file'; path: string}
  | {key: string; seq: number; kind: 'record'; source: string; line: number; json: string}
  /** An article that failed before it reached a worker (unreadable archive…). */
  | {key: string; seq: number; kind: 'failed'; source: string; line?: number; code: string; message: string}

export type Severity = 'error' | 'warning' | 'info'

export interface AuditMessage {
  rule: string
  severity: Severity
  line: number
  column: number
  endLine: number
  endColumn: number
  /** Offsets into the article text (headline + blank line + body for JSON records). */
  start: number
  end: number
  reason: string
  /** The flagged text (capped). */
  text: string
  /** A few words either side of the flagged text (capped). */
  excerpt: string
  kind?: string
}

export interface AuditCounts {
  error: number
  warning: number
  info: number
  total: number
}

export interface AuditResult {
  key: string
  /** The record's id (JSON Lines), absent for files. */
  id?: string
  /** The file the article (or its record) came from, relative to the working directory. */
  path: string
  /** Line of the record in its JSON Lines file. */
  line?: number
  status: 'ok' | 'error'
  error?: {code: string; message: string}
  headline?: string
  /** Publication date `YYYY-MM-DD`, when known. */
  date?: string
  section?: string
  desk?: string
  author?: string
  url?: string
  words: number
  counts: AuditCounts
  /** Findings per rule id. */
  rules: Record<string, number>
  messages: AuditMessage[]
  /** Fingerprint of the record's JSON line (records only): `merge` keys by id and digest. */
  digest?: string
  /** Fields of the record newslint does not know, kept as they were. */
  meta?: Record<string, unknown>
}

/** What the store keeps in columns: the result without excerpts, offsets and metadata. */
export type StoredMessage = Pick<AuditMessage, 'rule' | 'severity' | 'line' | 'column' | 'reason' | 'text'>
export interface StoredResult extends Pick<AuditResult, 'key' | 'id' | 'path' | 'line' | 'status' | 'error' | 'headline' | 'date' | 'section' | 'desk' | 'author' | 'words' | 'counts'> {
  messages: StoredMessage[]
}

/** What a worker sends back for one task. */
export interface WorkerOutput {
  key: string
  seq: number
  /** The result as one JSON line (without newline). */
  line: string
  status: 'ok' | 'error'
  /** The columns for the store, so that the main thread need not parse `line`. */
  stored: StoredResult
}

export function storedResult(result: AuditResult): StoredResult {
  const {key, id, path, line, status, error, headline, date, section, desk, author, words, counts} = result
  return {
    key, id, path, line, status, error, headline, date, section, desk, author, words, counts,
    messages: result.messages.map(({rule, severity, line, column, reason, text}) => ({rule, severity, line, column, reason, text}))
  }
}
