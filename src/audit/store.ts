/**
 * The audit store: one SQLite database (`DIR/audit.db`, WAL) holding one row
 * per article (keyed, so a resumed run never doubles one) and one row per
 * finding, for resuming and for querying:
 *
 *     sqlite3 DIR/audit.db "select rule, count(*) from findings group by rule"
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type {StoredResult} from './types.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS run (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  key TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  id TEXT,
  path TEXT NOT NULL,
  line INTEGER,
  status TEXT NOT NULL,
  error_code TEXT,
  error_message TEXT,
  headline TEXT,
  date TEXT,
  month TEXT,
  section TEXT,
  desk TEXT,
  author TEXT,
  words INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  infos INTEGER NOT NULL,
  findings INTEGER NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq);
CREATE TABLE IF NOT EXISTS findings (
  key TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  line INTEGER,
  column INTEGER,
  reason TEXT,
  text TEXT
);
CREATE INDEX IF NOT EXISTS findings_key ON findings (key);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule);
`

export const STORE_FILE = 'audit.db'

export interface StoredLine {
  key: string
  seq: number
  line: string
}

export class AuditStore {
  readonly db: Database.Database
  private insertArticle: Database.Statement
  private deleteFindings: Database.Statement
  private insertFinding: Database.Statement
  private hasKey: Database.Statement
  private insertMany: (rows: Array<{seq: number; result: StoredResult; line: string}>) => void

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(SCHEMA)
    this.insertArticle = this.db.prepare(`INSERT OR REPLACE INTO articles
      (key, seq, id, path, line, status, error_code, error_message, headline, date, month, section, desk, author, words, errors, warnings, infos, findings, result)
      VALUES (@key, @seq, @id, @path, @line, @status, @error_code, @error_message, @headline, @date, @month, @section, @desk, @author, @words, @errors, @warnings, @infos, @findings, @result)`)
    this.deleteFindings = this.db.prepare('DELETE FROM findings WHERE key = ?')
    this.insertFinding = this.db.prepare('INSERT INTO findings (key, rule, severity, line, column, reason, text) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.hasKey = this.db.prepare('SELECT 1 FROM articles WHERE key = ?').pluck()
    this.insertMany = this.db.transaction((rows: Array<{seq: number; result: StoredResult; line: string}>) => {
      for (const {seq, result, line} of rows) {
        const replaced = this.insertArticle.run({
          key: result.key,
          seq,
          id: result.id ?? null,
          path: result.path,
          line: result.line ?? null,
          status: result.status,
          error_code: result.error?.code ?? null,
          error_message: result.error?.message ?? null,
          headline: result.headline ?? null,
          date: result.date ?? null,
          month: result.date ? result.date.slice(0, 7) : null,
          section: result.section ?? null,
          desk: result.desk ?? null,
          author: result.author ?? null,
          words: result.words,
          errors: result.counts.error,
          warnings: result.counts.warning,
          infos: result.counts.info,
          findings: result.counts.total,
          result: line
        })
        if (replaced.changes > 1 || this.resuming) this.deleteFindings.run(result.key)
        for (const message of result.messages) {
          this.insertFinding.run(result.key, message.rule, message.severity, message.line, message.column, message.reason, message.text)
        }
      }
    })
  }

  /** Set when keys may already be stored (resume, merge): findings are replaced, not added. */
  resuming = false

  has(key: string): boolean {
    return this.hasKey.get(key) !== undefined
  }

  /** Store results in one transaction. */
  add(rows: Array<{seq: number; result: StoredResult; line: string}>): void {
    if (rows.length > 0) this.insertMany(rows)
  }

  get(name: string): string | undefined {
    return (this.db.prepare('SELECT value FROM run WHERE name = ?').pluck().get(name) as string | undefined) ?? undefined
  }

  set(name: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO run (name, value) VALUES (?, ?)').run(name, value)
  }

  count(): {articles: number; errors: number} {
    const row = this.db.prepare("SELECT count(*) AS articles, coalesce(sum(status = 'error'), 0) AS errors FROM articles").get() as {articles: number; errors: number}
    return row
  }

  /** Result lines in input order, streamed from the database. */
  *lines(): Generator<string> {
    for (const line of this.db.prepare('SELECT result FROM articles ORDER BY seq, key').pluck().iterate()) yield line as string
  }

  close(): void {
    if (!this.db.open) return
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch {
      // Another reader holds the WAL: it is checkpointed next time.
    }
    this.db.close()
  }
}
