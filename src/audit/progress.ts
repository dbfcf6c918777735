/**
 * Progress on stderr: a bar redrawn in place on a terminal (articles/s, ETA,
 * errors), a plain line every few seconds otherwise (logs, CI, schedulers).
 */
export interface ProgressOptions {
  stream: NodeJS.WritableStream
  tty: boolean
  /** Seconds between plain lines. */
  every?: number
  /** Articles already done before this run (resume). */
  already?: number
}

export class Progress {
  private done = 0
  private errors = 0
  private total: number | undefined
  private started = Date.now()
  private last = 0
  private lastLength = 0
  private timer: NodeJS.Timeout | undefined

  constructor(private options: ProgressOptions) {
    const interval = options.tty ? 200 : (options.every ?? 10) * 1000
    this.timer = setInterval(() => this.draw(), interval)
    this.timer.unref()
  }

  setTotal(total: number): void {
    this.total = total
  }

  add(count: number, errors: number): void {
    this.done += count
    this.errors += errors
  }

  private samples: Array<{at: number; done: number}> = []

  /** Articles per second over the last half minute (the start-up of the workers soon drops out). */
  private rate(): number {
    const now = Date.now()
    this.samples.push({at: now, done: this.done})
    while (this.samples.length > 2 && now - this.samples[1].at > 30_000) this.samples.shift()
    const first = this.samples[0].at - this.started > 1000 || this.samples.length < 2 ? this.samples[0] : {at: this.started, done: 0}
    const seconds = Math.max((now - first.at) / 1000, 0.001)
    return (this.done - first.done) / seconds
  }

  private line(): string {
    const rate = this.rate()
    const already = this.options.already ?? 0
    const done = this.done + already
    const parts: string[] = []
    if (this.total !== undefined && this.total > 0) {
      const fraction = Math.min(1, done / this.total)
      const remaining = Math.max(0, this.total - done)
      const eta = rate > 0 ? formatDuration(remaining / rate) : '?'
      if (this.options.tty) {
        const width = 24
        const filled = Math.round(fraction * width)
        parts.push(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`)
      }
      parts.push(`${done.toLocaleString('en')}/${this.total.toLocaleString('en')} articles (${(fraction * 100).toFixed(1)}%)`)
      parts.push(`${rate.toFixed(0)} articles/s`, `ETA ${eta}`)
    } else parts.push(`${done.toLocaleString('en')} articles`, `${rate.toFixed(0)} articles/s`)
    parts.push(`${this.errors} error${this.errors === 1 ? '' : 's'}`)
    return parts.join('  ')
  }

  draw(): void {
    const text = this.line()
    if (this.options.tty) {
      this.options.stream.write(`\r${text}${' '.repeat(Math.max(0, this.lastLength - text.length))}`)
      this.lastLength = text.length
    } else {
      if (this.done === this.last) return
      this.last = this.done
      this.options.stream.write(`newslint audit: ${text}\n`)
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    if (this.options.tty) {
      this.draw()
      this.options.stream.write('\n')
    }
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}
