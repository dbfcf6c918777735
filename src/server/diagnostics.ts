/**
 * newslint messages as LSP diagnostics: range, severity from the message
 * (`fatal` true → Error, false → Warning, unset → Information), `code` = rule
 * id, `codeDescription.href` = the rule's docs, `source: 'newslint'`, related
 * information for the other place of a cross-sentence finding, and the
 * replacements in `data` for code actions.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {DiagnosticSeverity, type Diagnostic, type Position, type Range} from 'vscode-languageserver'
import {messageData} from '../message.js'

/** What a diagnostic carries in `data` (returned by the client with code action requests). */
export interface DiagnosticData {
  expected?: string[]
  actual?: string
  /** The document version the finding was computed for. */
  version?: number
}

interface Point {
  line?: number
  column?: number
}

/**
 * The parser drops a byte order mark, so columns on the first line are one
 * short of the editor's: `bom` is 1 when the buffer starts with one.
 */
function position(point: Point | undefined, bom: number): Position {
  if (!point?.line || !point.column) return {line: 0, character: 0}
  const line = point.line - 1
  return {line, character: point.column - 1 + (line === 0 ? bom : 0)}
}

function rangeOf(place: VFileMessage['place'], bom: number): Range {
  if (!place) return {start: position(undefined, bom), end: position(undefined, bom)}
  if ('start' in place) return {start: position(place.start, bom), end: position(place.end ?? place.start, bom)}
  const point = position(place, bom)
  return {start: point, end: point}
}

export function severityOf(message: VFileMessage): DiagnosticSeverity {
  if (message.fatal === true) return DiagnosticSeverity.Error
  if (message.fatal === false) return DiagnosticSeverity.Warning
  return DiagnosticSeverity.Information
}

export function toDiagnostic(message: VFileMessage, uri: string, bom: number, version?: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(message.place, bom),
    severity: severityOf(message),
    source: 'newslint',
    message: message.reason
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  const related = messageData(message)?.related
  if (related?.length) {
    diagnostic.relatedInformation = related.map((place) => ({
      location: {uri, range: rangeOf(place.place, bom)},
      message: place.message
    }))
  }
  const data: DiagnosticData = {}
  if (message.expected?.length) data.expected = [...message.expected]
  if (message.actual !== undefined && message.actual !== null) data.actual = message.actual
  if (data.expected || data.actual !== undefined) diagnostic.data = version === undefined ? data : {...data, version}
  return diagnostic
}

export function toDiagnostics(file: VFile, uri: string, bom: number, version?: number): Diagnostic[] {
  return file.messages.map((message) => toDiagnostic(message, uri, bom, version))
}
