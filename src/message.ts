/**
 * The one place that creates newslint messages: rule id, source, docs URL,
 * exact place (start and end), severity, and the copy editor's note.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'

export type Severity = 'error' | 'warning' | 'info'
export type Level = 'off' | 'info' | 'warn' | 'error'

/** Where rule documentation lives. */
export const DOCS_BASE = 'https://github.com/newslint/newslint/blob/main/rules/'

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`
}

export interface RelatedPlace {
  start: number
  end: number
  message: string
}

export interface ReportInput {
  /** What is wrong and what to do, as a copy editor's margin note. */
  message: string
  start: number
  end: number
  /** A weak signal: reported as info whatever the rule's level. */
  weak?: boolean
  /** The text is a direct quotation: info at most (an editor cannot change quoted words). */
  quoted?: boolean
  /** Why this matters (shown as the note). */
  note?: string
  actual?: string
  expected?: string[]
  /** Other places involved (the other date, the other figure). */
  related?: RelatedPlace[]
  /** 0..1, how sure the rule is. */
  confidence?: number
  /** A finer label (`weekday-mismatch`, `weasel`…). */
  kind?: string
}

/** Extra fields newslint puts on messages, beyond vfile-message's own. */
export interface NewslintMessageData {
  kind?: string
  confidence?: number
  related?: Array<RelatedPlace & {place: {start: Point; end: Point}}>
  severity: Severity
}

interface Point {
  line: number
  column: number
  offset: number
}

const locations = new WeakMap<VFile, {text: string; place: ReturnType<typeof location>}>()

/** Offset → line/column, cached per file. */
export function pointAt(file: VFile, offset: number): Point {
  const text = String(file.value ?? '')
  let cached = locations.get(file)
  if (!cached || cached.text !== text) {
    cached = {text, place: location(file)}
    locations.set(file, cached)
  }
  const clamped = Math.max(0, Math.min(offset, text.length))
  const point = cached.place.toPoint(clamped)
  if (point) return {line: point.line, column: point.column, offset: clamped}
  // End of file: vfile-location returns undefined past the last character.
  const lines = text.slice(0, clamped).split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1].length + 1, offset: clamped}
}

export function severityOf(level: Level, input: Pick<ReportInput, 'weak' | 'quoted'>): Severity | undefined {
  if (level === 'off') return undefined
  if (input.weak || input.quoted || level === 'info') return 'info'
  return level === 'error' ? 'error' : 'warning'
}

export function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Create a message on `file` for `ruleId` at the configured `level`. */
export function createMessage(file: VFile, ruleId: string, level: Level, input: ReportInput): VFileMessage | undefined {
  const severity = severityOf(level, input)
  if (!severity) return undefined
  const start = pointAt(file, input.start)
  const end = pointAt(file, Math.max(input.start, input.end))
  const message = file.message(input.message, {place: {start, end}, ruleId, source: 'newslint'})
  message.fatal = fatalOf(severity)
  message.url = docsUrl(ruleId)
  if (input.note) message.note = input.note
  if (input.actual !== undefined) message.actual = input.actual
  if (input.expected) message.expected = input.expected
  const data: NewslintMessageData = {severity}
  if (input.kind) data.kind = input.kind
  if (input.confidence !== undefined) data.confidence = Math.round(input.confidence * 100) / 100
  if (input.related?.length) {
    data.related = input.related.map((r) => ({...r, place: {start: pointAt(file, r.start), end: pointAt(file, r.end)}}))
  }
  Object.assign(message, {data})
  return message
}

export function messageData(message: VFileMessage): NewslintMessageData | undefined {
  return (message as VFileMessage & {data?: NewslintMessageData}).data
}

export function severityOfMessage(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}
