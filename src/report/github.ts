/**
 * `--reporter github`: GitHub Actions workflow annotations, errors first.
 * GitHub shows only ten annotations of each level per step, so the full
 * list is also appended as Markdown to `$GITHUB_STEP_SUMMARY` when set.
 */
import fs from 'node:fs'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {severityOfMessage, type Severity} from '../message.js'
import {rangeOf, relativePath} from './paths.js'

/** Escape data (the message) as GitHub's toolkit does. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value (file, title): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const command: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}
const rank: Record<Severity, number> = {error: 0, warning: 1, info: 2}

interface Entry {
  path: string
  message: VFileMessage
  severity: Severity
}

function entries(files: VFile[], root: string): Entry[] {
  const list: Entry[] = []
  for (const file of files) {
    for (const message of file.messages) list.push({path: relativePath(file, root), message, severity: severityOfMessage(message)})
  }
  return list.sort((a, b) => rank[a.severity] - rank[b.severity])
}

export function reportGithub(files: VFile[], options: {root?: string; summaryPath?: string} = {}): string {
  const root = options.root ?? process.cwd()
  const list = entries(files, root)
  const lines = list.map(({path, message, severity}) => {
    const range = rangeOf(message)
    const title = `newslint(${message.ruleId ?? 'newslint'})`
    const properties = [
      `file=${escapeProperty(path)}`,
      `line=${range.startLine}`,
      `col=${range.startColumn}`,
      `endLine=${range.endLine}`,
      `endColumn=${range.endColumn}`,
      `title=${escapeProperty(title)}`
    ].join(',')
    const body = message.note ? `${message.reason}\n${message.note}` : message.reason
    return `::${command[severity]} ${properties}::${escapeData(body)}`
  })
  const summaryPath = options.summaryPath ?? process.env.GITHUB_STEP_SUMMARY
  if (summaryPath) {
    try {
      fs.appendFileSync(summaryPath, summaryMarkdown(list))
    } catch (error) {
      lines.push(`::warning::${escapeData(`newslint could not write the step summary: ${(error as Error).message}`)}`)
    }
  }
  return lines.join('\n')
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
}

export function summaryMarkdown(list: Entry[]): string {
  const counts = {error: 0, warning: 0, info: 0}
  for (const entry of list) counts[entry.severity]++
  let out = `## newslint\n\n${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info message(s)\n\n`
  if (list.length === 0) return out + 'No findings.\n\n'
  out += '| Severity | File | Line | Rule | Message |\n| --- | --- | --- | --- | --- |\n'
  for (const {path, message, severity} of list) {
    const range = rangeOf(message)
    const rule = message.url ? `[${message.ruleId}](${message.url})` : String(message.ruleId ?? '')
    out += `| ${severity} | ${cell(path)} | ${range.startLine}:${range.startColumn} | ${rule} | ${cell(message.reason)} |\n`
  }
  return out + '\n'
}
