/**
 * The audit worker (a piscina worker thread): lints a batch of articles with
 * one processor and sends back one result line per article.
 */
import {workerData} from 'node:worker_threads'
import {Auditor, failure, type AuditSettings} from './analyse.js'
import type {AuditTask, WorkerOutput} from './types.js'

let auditor: Auditor | undefined

export default function auditBatch(tasks: AuditTask[]): WorkerOutput[] {
  auditor ??= new Auditor((workerData as {settings: AuditSettings}).settings)
  const out: WorkerOutput[] = []
  for (const task of tasks) {
    let result
    try {
      result = auditor.audit(task)
    } catch (error) {
      // A rule threw: the article is reported, the batch goes on.
      const where = task.kind === 'file' ? task.path : task.source
      const line = task.kind === 'file' ? undefined : task.line
      result = failure(task.key, where, line, undefined, 'internal-error', `newslint failed on this article: ${String((error as Error)?.message ?? error)}`)
    }
    out.push({key: task.key, seq: task.seq, line: JSON.stringify(result), status: result.status})
  }
  return out
}
