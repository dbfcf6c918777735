/**
 * Reading raw input: bytes to text, with clear refusals for what is not an article.
 */
import type {VFile} from 'vfile'
import type {Format} from './types.js'

/** Default size limit for one article (bytes). News copy is rarely over 100 kB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024

export class InputError extends Error {
  /** A short, stable code for machine-readable reports. */
  code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
    this.name = 'InputError'
  }
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Decode a file's value to text. Throws `InputError` for binary data, broken
 * UTF-8 and files over the size limit.
 */
export function decodeInput(value: unknown, maxBytes = DEFAULT_MAX_BYTES): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') {
    if (value.length > maxBytes) throw tooLarge(value.length, maxBytes)
    if (value.includes('\u0000')) throw binary()
    return value.charCodeAt(0) === 0xfeff ? value.slice(1) : value
  }
  if (value instanceof Uint8Array) {
    if (value.byteLength > maxBytes) throw tooLarge(value.byteLength, maxBytes)
    if (value.includes(0)) throw binary()
    try {
      return decoder.decode(value)
    } catch {
      const at = firstInvalidUtf8(value)
      throw new InputError(
        'invalid-utf8',
        `Cannot read this file: it is not valid UTF-8 (first bad byte at offset ${at}). Re-save it as UTF-8.`
      )
    }
  }
  throw new InputError('unreadable', 'Cannot read this file: unexpected value type')
}

function binary() {
  return new InputError(
    'binary',
    'Cannot read this file: it looks binary (it contains NUL bytes), not an article'
  )
}

function tooLarge(size: number, max: number) {
  return new InputError(
    'too-large',
    `Cannot read this file: it is ${formatBytes(size)}, over the ${formatBytes(max)} limit for one article (raise it with --max-size or the maxSize setting)`
  )
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`
  return `${n} bytes`
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i
    i += length
  }
  return i
}

/** Decide the format of a file from its extension, or its content for stdin. */
export function detectFormat(file: VFile, text: string, hint?: Format): Format {
  if (hint) return hint
  const extname = (file.extname || '').toLowerCase()
  if (extname === '.md' || extname === '.markdown' || extname === '.mdx') return 'markdown'
  if (extname === '.html' || extname === '.htm' || extname === '.xhtml') return 'html'
  if (extname === '.txt' || extname === '.text') return 'text'
  const head = text.slice(0, 1024).trimStart()
  if (/^(<!doctype html|<html|<article|<body|<p[\s>]|<h1)/i.test(head)) return 'html'
  if (/^---\r?\n/.test(head)) return 'markdown'
  return 'text'
}
