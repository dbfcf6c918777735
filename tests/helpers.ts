/** Shared test helpers: lint with one rule on, and read positions the way fixtures state them. */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lintSync} from '../src/index.js'
import {resolveConfig} from '../src/config/index.js'
import {severityOfMessage} from '../src/message.js'

export interface StatedMessage {
  rule: string
  line: number
  column: number
  severity: 'error' | 'warning' | 'info'
  /** The text between the message's start and end. */
  text: string
}

export function lintWith(text: string, path: string, rules: Record<string, unknown> | undefined, date?: string): VFile {
  const config = resolveConfig(rules ? {preset: 'none', rules} : {})
  return lintSync(new VFile({path, value: text}), {config, date})
}

export function stateMessage(file: VFile, message: VFileMessage): StatedMessage {
  const text = String(file.value)
  const place = message.place as {start: {offset?: number}; end: {offset?: number}} | undefined
  const start = place && 'start' in place ? place.start.offset ?? 0 : 0
  const end = place && 'end' in place ? place.end.offset ?? start : start
  return {
    rule: String(message.ruleId),
    line: message.line ?? 0,
    column: message.column ?? 0,
    severity: severityOfMessage(message),
    text: text.slice(start, end)
  }
}
