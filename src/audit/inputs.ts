/**
 * Audit inputs: folders, globs and files of articles (.txt, .md, .html) and
 * JSON Lines archives (.jsonl, .jsonl.gz, one article a line), enumerated
 * lazily and in a stable order so that a resumed run sees the same keys.
 * Archives are read as streams, so memory stays bounded whatever their size.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type {Readable} from 'node:stream'
import type {AuditTask} from './types.js'

export const ARTICLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm']
export const ARCHIVE_EXTENSIONS = ['.jsonl', '.ndjson', '.jsonl.gz', '.ndjson.gz']
/** Longest JSON line read whole; a longer one is reported as too large. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024

export class InputUsageError extends Error {}

export function isArchive(file: string): boolean {
  const lower = file.toLowerCase()
  return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext))
}

function isArticle(file: string): boolean {
  return ARTICLE_EXTENSIONS.includes(path.extname(file).toLowerCase())
}

const globChars = /[*?[{]/

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}

/** A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) as a regular expression over posix paths. */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]
    if (char === '*') {
      if (glob[index + 1] === '*') {
        index++
        if (glob[index + 1] === '/') {
          index++
          source += '(?:.*/)?'
        } else source += '.*'
      } else source += '[^/]*'
    } else if (char === '?') source += '[^/]'
    else if (char === '[') {
      const close = glob.indexOf(']', index)
      if (close === -1) source += '\\['
      else {
        source += '[' + glob.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']'
        index = close
      }
    } else if (char === '{') {
      const close = glob.indexOf('}', index)
      if (close === -1) source += '\\{'
      else {
        source += '(?:' + glob.slice(index + 1, close).split(',').map((part) => part.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|') + ')'
        index = close
      }
    } else source += char.replace(/[.+^$()|\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/** Every file under `directory`, sorted, skipping hidden folders and node_modules. */
function* walk(directory: string): Generator<string> {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(directory, {withFileTypes: true})
  } catch {
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      yield* walk(full)
    } else if (entry.isFile() || entry.isSymbolicLink()) yield full
  }
}

/** The files an input names, in a stable order. */
function* expand(input: string, cwd: string): Generator<string> {
  const absolute = path.resolve(cwd, input)
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(absolute)
  } catch {
    stat = undefined
  }
  if (stat?.isDirectory()) {
    for (const file of walk(absolute)) if (isArticle(file) || isArchive(file)) yield file
    return
  }
  if (stat) {
    yield absolute
    return
  }
  if (!globChars.test(input)) return
  const posix = toPosix(absolute)
  const parts = posix.split('/')
  const firstGlob = parts.findIndex((part) => globChars.test(part))
  const base = parts.slice(0, firstGlob).join('/') || '/'
  const pattern = globToRegExp(posix)
  for (const file of walk(base)) if (pattern.test(toPosix(file))) yield file
}

/** Check inputs before starting: a name that is neither a file, a folder nor a glob is a usage error. */
export function checkInputs(inputs: string[], cwd: string): void {
  for (const input of inputs) {
    if (globChars.test(input)) continue
    if (!fs.existsSync(path.resolve(cwd, input))) throw new InputUsageError(`no such file or folder: ${input}`)
  }
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file)
  return toPosix(rel.startsWith('..') || path.isAbsolute(rel) ? file : rel)
}

/** Lines of a stream, with their 1-based numbers; blank lines are skipped. */
export async function* streamLines(stream: Readable): AsyncGenerator<{line: number; text: string} | {line: number; tooLong: number}> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let skipping = 0
  let line = 0
  const emit = (buffer: Buffer) => {
    line++
    let end = buffer.length
    if (end > 0 && buffer[end - 1] === 0x0d) end--
    const text = buffer.toString('utf8', 0, end)
    return text.trim() === '' ? undefined : {line, text}
  }
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0
    for (;;) {
      const newline = chunk.indexOf(0x0a, from)
      if (newline === -1) break
      if (skipping > 0) {
        line++
        yield {line, tooLong: skipping + newline - from}
        skipping = 0
      } else {
        const piece = chunk.subarray(from, newline)
        const whole = pendingBytes > 0 ? Buffer.concat([...pending, piece]) : piece
        pending = []
        pendingBytes = 0
        const item = emit(whole)
        if (item) yield item
      }
      from = newline + 1
    }
    if (from < chunk.length) {
      if (skipping > 0) skipping += chunk.length - from
      else {
        pending.push(Buffer.from(chunk.subarray(from)))
        pendingBytes += chunk.length - from
        if (pendingBytes > MAX_LINE_BYTES) {
          skipping = pendingBytes
          pending = []
          pendingBytes = 0
        }
      }
    }
  }
  if (skipping > 0) {
    line++
    yield {line, tooLong: skipping}
  } else if (pendingBytes > 0) {
    const item = emit(Buffer.concat(pending))
    if (item) yield item
  }
}

export function openArchive(file: string): Readable {
  const stream = fs.createReadStream(file, {highWaterMark: 256 * 1024})
  if (file.toLowerCase().endsWith('.gz')) {
    const gunzip = zlib.createGunzip()
    stream.on('error', (error) => gunzip.destroy(error))
    return stream.pipe(gunzip)
  }
  return stream
}

/** Tasks for JSON lines read from a stream (an archive, or stdin). */
export async function* recordTasks(stream: Readable, source: string, next: () => number): AsyncGenerator<AuditTask> {
  let last = 0
  try {
    for await (const item of streamLines(stream)) {
      last = item.line
      const key = `${source}:${item.line}`
      if ('tooLong' in item) {
        yield {key, seq: next(), kind: 'failed', source, line: item.line, code: 'too-large', message: `Line ${item.line} is ${item.tooLong} bytes, over the ${MAX_LINE_BYTES} byte limit for one record`}
      } else yield {key, seq: next(), kind: 'record', source, line: item.line, json: item.text}
    }
  } catch (error) {
    // The archive breaks off (truncated gzip, I/O error): say where, once.
    yield {
      key: `${source}:unreadable-after-${last}`,
      seq: next(),
      kind: 'failed',
      source,
      line: last + 1,
      code: 'unreadable',
      message: `Cannot read ${source} after line ${last}: ${(error as Error).message}. Articles after that line, if any, were not audited.`
    }
  }
}

/** Every article the inputs hold, as tasks, in a stable order. */
export async function* enumerate(inputs: string[], cwd: string): AsyncGenerator<AuditTask> {
  let seq = 0
  const next = () => seq++
  const seen = new Set<string>()
  for (const input of inputs) {
    for (const file of expand(input, cwd)) {
      if (seen.has(file)) continue
      seen.add(file)
      const source = relative(file, cwd)
      if (isArchive(file)) yield* recordTasks(openArchive(file), source, next)
      else yield {key: source, seq: next(), kind: 'file', path: source}
    }
  }
}

/** How many articles the inputs hold (for the ETA); counts non-blank lines of archives. */
export async function countArticles(inputs: string[], cwd: string, stop: () => boolean): Promise<number> {
  let count = 0
  const seen = new Set<string>()
  for (const input of inputs) {
    for (const file of expand(input, cwd)) {
      if (stop()) return count
      if (seen.has(file)) continue
      seen.add(file)
      if (!isArchive(file)) {
        count++
        continue
      }
      try {
        let length = 0
        for await (const chunk of openArchive(file) as AsyncIterable<Buffer>) {
          if (stop()) return count
          let from = 0
          for (;;) {
            const newline = chunk.indexOf(0x0a, from)
            if (newline === -1) break
            length += newline - from
            if (length > 2 || (length > 0 && chunk.subarray(from, newline).toString().trim() !== '')) count++
            length = 0
            from = newline + 1
          }
          length += chunk.length - from
        }
        if (length > 0) count++
      } catch {
        count++
      }
    }
  }
  return count
}
