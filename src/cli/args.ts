/**
 * Command-line parsing shared by `newslint` and `newslint audit`: node's
 * parseArgs, with its errors turned into one usage line.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

/** A mistake in the command line: one line on stderr and exit code 2. */
export class UsageError extends Error {}

export function parseFlags<const T extends Options>(argv: string[], options: T): ReturnType<typeof parseArgs<{args: string[]; allowPositionals: true; strict: true; options: T}>> {
  try {
    return parseArgs({args: argv, allowPositionals: true, strict: true, options})
  } catch (error) {
    throw new UsageError(String((error as Error).message).replace(/\. To specify.*$/s, ''))
  }
}

/** `500kB`, `5MB`, `1048576` → bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim())
  if (!match) throw new UsageError(`--max-size: expected a size such as 500kB or 5MB, not '${value}'`)
  const unit = (match[2] ?? 'b').toLowerCase()
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1
  const bytes = Math.floor(Number(match[1]) * factor)
  if (!(bytes > 0)) throw new UsageError('--max-size must be above zero')
  return bytes
}
