/**
 * `newslint audit merge`: combine the result lines of shards (mapper output
 * of `--stdin --jsonl`, or the results.jsonl of audit folders) into one store.
 * An article is keyed by its id and the digest of its record when it has an
 * id, so that the same record audited twice (a retried or speculative task)
 * counts once while two different records that share an id both count;
 * results without an id are keyed by shard and position. A broken result line is kept as an
 * error, never dropped.
 */
import fs from 'node:fs'
import path from 'node:path'
import {openArchive, streamLines} from './inputs.js'
import {failure} from './analyse.js'
import type {AuditStore} from './store.js'
import type {AuditResult} from './types.js'

export interface MergeSummary {
  shards: number
  articles: number
  duplicates: number
  malformed: number
}

function shardFiles(input: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, input)
  if (fs.statSync(absolute).isDirectory()) {
    const inside = path.join(absolute, 'results.jsonl')
    if (fs.existsSync(inside)) return [inside]
    return fs
      .readdirSync(absolute)
      .filter((name) => /\.(jsonl|ndjson)(\.gz)?$/i.test(name) || /^part-\d+/.test(name))
      .sort()
      .map((name) => path.join(absolute, name))
  }
  return [absolute]
}

export async function mergeShards(inputs: string[], cwd: string, store: AuditStore): Promise<MergeSummary> {
  const summary: MergeSummary = {shards: 0, articles: 0, duplicates: 0, malformed: 0}
  store.resuming = true
  let seq = 0
  const files = inputs.flatMap((input) => shardFiles(input, cwd))
  for (const file of files) {
    summary.shards++
    const shard = path.relative(cwd, file).split(path.sep).join('/')
    let rows: Array<{seq: number; result: AuditResult; line: string}> = []
    const flush = () => {
      store.add(rows)
      rows = []
    }
    const seen = new Set<string>()
    const take = (result: AuditResult) => {
      if (store.has(result.key) || seen.has(result.key)) {
        summary.duplicates++
        return
      }
      seen.add(result.key)
      rows.push({seq: seq++, result, line: JSON.stringify(result)})
      summary.articles++
      if (rows.length >= 500) {
        flush()
        seen.clear()
      }
    }
    try {
      for await (const item of streamLines(openArchive(file))) {
        let result: AuditResult | undefined
        if (!('tooLong' in item)) {
          try {
            const parsed = JSON.parse(item.text) as AuditResult
            if (parsed && typeof parsed === 'object' && typeof parsed.key === 'string' && (parsed.status === 'ok' || parsed.status === 'error') && parsed.counts && Array.isArray(parsed.messages)) result = parsed
          } catch {
            result = undefined
          }
        }
        if (!result) {
          summary.malformed++
          take(failure(`${shard}:${item.line}`, shard, item.line, undefined, 'malformed-result', `Line ${item.line} of shard ${shard} is not a newslint audit result`))
          continue
        }
        result.key = result.id !== undefined ? `id:${result.id}${result.digest ? `:${result.digest}` : ''}` : `${shard}:${result.key}`
        result.rules ??= {}
        take(result)
      }
    } catch (error) {
      take(failure(`${shard}:unreadable`, shard, undefined, undefined, 'unreadable', `Cannot read shard ${shard}: ${(error as Error).message}`))
    }
    flush()
  }
  return summary
}
