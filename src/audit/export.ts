/**
 * Exports written at the end of every run, from the store, in input order:
 * `results.jsonl` (one result line per article) and `results.csv` (one row
 * per article, one column per rule). Written to a temporary name, then
 * renamed, so a killed export never leaves half a file behind.
 */
import fs from 'node:fs'
import path from 'node:path'
import {once} from 'node:events'
import {allRules} from '../../rules/index.js'
import type {AuditStore} from './store.js'
import type {AuditResult} from './types.js'

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`
  const out = fs.createWriteStream(temporary)
  let buffer = ''
  for (const line of lines) {
    buffer += line + '\n'
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  if (buffer) out.write(buffer)
  out.end()
  await once(out, 'finish')
  fs.renameSync(temporary, file)
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  let text = String(value)
  // Spreadsheets run cells that start with = + - @ as formulas: defuse them.
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function ruleColumns(store: AuditStore): string[] {
  const known = allRules.map((rule) => rule.meta.id)
  const found = (store.db.prepare('SELECT DISTINCT rule FROM findings ORDER BY rule').pluck().all() as string[]).filter((id) => !known.includes(id))
  return [...known, ...found]
}

function* csvRows(store: AuditStore, rules: string[]): Generator<string> {
  const header = ['key', 'id', 'path', 'line', 'status', 'error_code', 'error_message', 'headline', 'date', 'section', 'desk', 'author', 'words', 'errors', 'warnings', 'infos', 'findings', ...rules]
  yield header.map(csvCell).join(',')
  for (const line of store.lines()) {
    const r = JSON.parse(line) as AuditResult
    const cells = [r.key, r.id, r.path, r.line, r.status, r.error?.code, r.error?.message, r.headline, r.date, r.section, r.desk, r.author, r.words, r.counts.error, r.counts.warning, r.counts.info, r.counts.total, ...rules.map((id) => r.rules[id] ?? 0)]
    yield cells.map(csvCell).join(',')
  }
}

export async function writeExports(store: AuditStore, directory: string): Promise<void> {
  await writeLines(path.join(directory, 'results.jsonl'), store.lines())
  await writeLines(path.join(directory, 'results.csv'), csvRows(store, ruleColumns(store)))
}
