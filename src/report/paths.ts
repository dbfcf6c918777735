import path from 'node:path'
import type {VFile} from 'vfile'

/** A file's path relative to `root`, with forward slashes (for SARIF and annotations). */
export function relativePath(file: VFile, root: string): string {
  if (!file.path) return '<stdin>'
  const absolute = path.resolve(file.cwd, file.path)
  const relative = path.relative(root, absolute)
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/')
}

export interface Range {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

export function rangeOf(message: {place?: unknown; line?: number; column?: number}): Range {
  const place = message.place as {start?: {line: number; column: number}; end?: {line: number; column: number}; line?: number; column?: number} | undefined
  if (place && place.start && place.end) {
    return {startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column}
  }
  const line = message.line ?? 1
  const column = message.column ?? 1
  return {startLine: line, startColumn: column, endLine: line, endColumn: column}
}
