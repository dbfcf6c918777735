/**
 * The audit pool: articles stream from the inputs into a piscina worker pool
 * in small batches, with as many batches in flight as there are workers (so
 * memory stays bounded and a batch's clock starts when a worker takes it).
 * A shared clock tells the main thread which article each worker is on and
 * since when: an article over its time limit has its worker stopped, and an
 * article that kills its worker is known too; that one article ends as an
 * error (`timeout` or `crash`), the rest of its batch runs again.
 */
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import {failure, recordDigest, taskId, type AuditSettings} from './analyse.js'
import {storedResult, type AuditTask, type WorkerOutput} from './types.js'

export interface PoolOptions {
  settings: AuditSettings
  /** Worker threads (default: all cores). */
  workers?: number
  /** Articles per task sent to a worker. */
  batchSize?: number
  /** Time limit for one article, in milliseconds. */
  timeoutMs?: number
  /** Deliver results in input order (the `--stdin` mapper). */
  ordered?: boolean
  /** Leave out tasks already done (`--resume`). */
  skip?: (task: AuditTask) => boolean
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_BATCH = 8

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length)
}

/** The compiled worker: next to this module in dist, or in dist when running from sources (tests). */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.ts')) {
    const root = path.resolve(path.dirname(here), '..', '..')
    return path.join(root, 'dist', 'src', 'audit', 'worker.js')
  }
  return path.join(path.dirname(here), 'worker.js')
}

function taskWhere(task: AuditTask): {source: string; line?: number} {
  return task.kind === 'file' ? {source: task.path} : {source: task.source, line: task.line}
}

class Slots {
  private free: number
  private waiting: Array<() => void> = []
  constructor(size: number) {
    this.free = size
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }
  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.free++
  }
}

export interface PoolStats {
  submitted: number
  skipped: number
}

/**
 * Run every task; `deliver` receives results as they come (or in input
 * order) and may return a promise to slow the pool down (backpressure).
 */
export async function runPool(
  tasks: AsyncIterable<AuditTask>,
  options: PoolOptions,
  deliver: (outputs: WorkerOutput[]) => void | Promise<void>
): Promise<PoolStats> {
  const workers = Math.max(1, options.workers ?? defaultWorkers())
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    maxQueue: workers * 4,
    workerData: {settings: options.settings},
    resourceLimits: {maxOldGenerationSizeMb: 1024}
  })
  const slots = new Slots(workers)
  const stats: PoolStats = {submitted: 0, skipped: 0}
  let failed: unknown
  const running = new Set<Promise<void>>()

  // Ordered delivery: hold results until every earlier one has come.
  const held = new Map<number, WorkerOutput>()
  const order: number[] = []
  let deliverChain: Promise<void> = Promise.resolve()
  const push = (outputs: WorkerOutput[]) => {
    if (!options.ordered) {
      deliverChain = deliverChain.then(() => deliver(outputs))
      return deliverChain
    }
    for (const output of outputs) held.set(output.seq, output)
    const ready: WorkerOutput[] = []
    while (order.length > 0 && held.has(order[0])) {
      const seq = order.shift()!
      ready.push(held.get(seq)!)
      held.delete(seq)
    }
    if (ready.length > 0) deliverChain = deliverChain.then(() => deliver(ready))
    return deliverChain
  }

  // The watchdog: each batch carries a shared clock the worker sets as it
  // starts each article ([article number, start time]); an article running
  // over the limit has its batch stopped (which ends that worker thread).
  const watched = new Set<{clock: BigInt64Array; controller: AbortController; overdue: number}>()
  const watchdog = setInterval(() => {
    const now = BigInt(Date.now())
    for (const entry of watched) {
      if (entry.overdue !== 0) continue
      const article = Atomics.load(entry.clock, 0)
      const started = Atomics.load(entry.clock, 1)
      // Read the article number again: the worker may have moved on meanwhile.
      if (started > 0n && now - started > BigInt(timeoutMs) && Atomics.load(entry.clock, 0) === article) {
        entry.overdue = Number(article)
        entry.controller.abort()
      }
    }
  }, Math.max(20, Math.min(250, timeoutMs / 4)))
  watchdog.unref()

  /** Run a batch; on failure, say which article (1-based) was running, 0 if unknown. */
  const runOne = async (batch: AuditTask[]): Promise<WorkerOutput[] | {error: unknown; at: number; overdue: boolean}> => {
    const clock = new BigInt64Array(new SharedArrayBuffer(16))
    const entry = {clock, controller: new AbortController(), overdue: 0}
    watched.add(entry)
    try {
      return (await pool.run({tasks: batch, clock: clock.buffer}, {signal: entry.controller.signal})) as WorkerOutput[]
    } catch (error) {
      if (entry.overdue > 0) return {error, at: entry.overdue, overdue: true}
      return {error, at: Number(Atomics.load(clock, 0)), overdue: false}
    } finally {
      watched.delete(entry)
    }
  }

  const runBatch = async (batch: AuditTask[]): Promise<void> => {
    const outputs: WorkerOutput[] = []
    let rest = batch
    let blind = 0
    while (rest.length > 0) {
      const run = await runOne(rest)
      if (Array.isArray(run)) {
        outputs.push(...run)
        break
      }
      const at = run.at >= 1 && run.at <= rest.length ? run.at : 0
      if (at > 0) {
        // The article at fault is known: report it, run the others again.
        outputs.push(failedOutput(rest[at - 1], run.error, timeoutMs, run.overdue))
        rest = rest.filter((_, index) => index !== at - 1)
      } else if (rest.length === 1 || blind > 0) {
        // Failed before any article started, twice (or alone): report them all.
        for (const task of rest) outputs.push(failedOutput(task, run.error, timeoutMs, false))
        break
      } else blind++
    }
    await push(outputs)
  }

  const dispatch = async (batch: AuditTask[]) => {
    await slots.take()
    if (failed) {
      slots.give()
      return
    }
    stats.submitted += batch.length
    const job: Promise<void> = runBatch(batch)
      .catch((error) => {
        failed ??= error
      })
      .finally(() => {
        running.delete(job)
        slots.give()
      })
    running.add(job)
  }

  try {
    let batch: AuditTask[] = []
    const iterator = tasks[Symbol.asyncIterator]()
    for (;;) {
      let next: IteratorResult<AuditTask>
      const pending = iterator.next()
      if (batch.length > 0) {
        // A slow source (a pipe) must not hold a partial batch back.
        let timer: NodeJS.Timeout | undefined
        const raced = await Promise.race([pending, new Promise<'idle'>((resolve) => (timer = setTimeout(() => resolve('idle'), 50)))])
        clearTimeout(timer)
        if (raced === 'idle') {
          const ready = batch
          batch = []
          await dispatch(ready)
          next = await pending
        } else next = raced
      } else next = await pending
      if (failed) throw failed
      if (next.done) break
      const task = next.value
      if (options.skip?.(task)) {
        stats.skipped++
        continue
      }
      if (options.ordered) {
        order.push(task.seq)
      }
      batch.push(task)
      if (batch.length >= batchSize) {
        const ready = batch
        batch = []
        await dispatch(ready)
      }
    }
    if (batch.length > 0) await dispatch(batch)
    while (running.size > 0) await Promise.race(running)
    await deliverChain
    if (failed) throw failed
  } finally {
    clearInterval(watchdog)
    await pool.destroy()
  }
  return stats
}

function failedOutput(task: AuditTask, error: unknown, timeoutMs: number, overdue: boolean): WorkerOutput {
  const {source, line} = taskWhere(task)
  const id = taskId(task)
  const code = (error as {code?: string})?.code
  const result = overdue
    ? failure(task.key, source, line, id, 'timeout', `Linting this article took longer than the ${timeoutMs / 1000} s limit (--timeout); it was stopped`)
    : code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? failure(task.key, source, line, id, 'crash', `The worker auditing this article ran out of memory: ${String((error as Error)?.message ?? error)}`)
      : failure(task.key, source, line, id, 'crash', `The worker auditing this article crashed: ${String((error as Error)?.message ?? error)}`)
  if (task.kind === 'record') result.digest = recordDigest(task.json)
  return {key: task.key, seq: task.seq, line: JSON.stringify(result), status: 'error', stored: storedResult(result)}
}
