/**
 * The audit worker (a piscina worker thread): lints a batch of articles with
 * one processor and sends back one result line per article.
 */
import {workerData} from 'node:worker_threads'
import {Auditor, failure, recordDigest, taskId, type AuditSettings} from './analyse.js'
import {storedResult, type AuditTask, type WorkerOutput} from './types.js'

let auditor: Auditor | undefined

/**
 * `clock` is shared with the main thread's watchdog: [article number (1-based),
 * start time in ms] of the article being linted.
 */
export default function auditBatch({tasks, clock: buffer}: {tasks: AuditTask[]; clock: SharedArrayBuffer}): WorkerOutput[] {
  auditor ??= new Auditor((workerData as {settings: AuditSettings}).settings)
  const clock = new BigInt64Array(buffer)
  const out: WorkerOutput[] = []
  for (const [index, task] of tasks.entries()) {
    Atomics.store(clock, 1, 0n)
    Atomics.store(clock, 0, BigInt(index + 1))
    Atomics.store(clock, 1, BigInt(Date.now()))
    let result
    try {
      result = auditor.audit(task)
    } catch (error) {
      // A rule threw: the article is reported, the batch goes on.
      const where = task.kind === 'file' ? task.path : task.source
      const line = task.kind === 'file' ? undefined : task.line
      result = failure(task.key, where, line, taskId(task), 'internal-error', `newslint failed on this article: ${String((error as Error)?.message ?? error)}`)
      if (task.kind === 'record') result.digest = recordDigest(task.json)
    }
    out.push({key: task.key, seq: task.seq, line: JSON.stringify(result), status: result.status, stored: storedResult(result)})
  }
  return out
}
