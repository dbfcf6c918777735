/**
 * Linting open documents: a debounce after each change, cancellation of a
 * run that a newer change supersedes, and no publishing for a version that
 * is no longer the document's.
 *
 * A run parses (through the document's paragraph cache, so only the blocks
 * that changed are tokenised again), yields to the event loop so that a
 * change that arrived meanwhile can cancel it, then runs the rules on the
 * whole article (article-level rules need every paragraph) and publishes
 * the diagnostics with the version they were computed for.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import type {Root as MdastRoot} from 'mdast'
import type {Connection, Diagnostic, TextDocuments} from 'vscode-languageserver'
import {DiagnosticSeverity} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {createProcessor} from '../processor.js'
import type {ResolvedConfig} from '../config/index.js'
import type {Format} from '../article/types.js'
import {DocumentParagraphCache} from './paragraph-cache.js'
import {ConfigResolver, filePath} from './config.js'
import {toDiagnostics, type DiagnosticData} from './diagnostics.js'
import type {ServerSettings} from './settings.js'

type Processor = ReturnType<typeof createProcessor>

/** What was last published for a document. */
export interface Published {
  version: number
  diagnostics: Diagnostic[]
  /** The Markdown tree the diagnostics were computed on (for code actions). */
  markdownTree?: MdastRoot
}

interface DocumentState {
  timer?: NodeJS.Timeout
  /** The run in progress, if any. */
  run?: {version: number; cancelled: boolean}
  /** How long the last published run took (wall-clock ms). */
  lastRun?: number
  cache: DocumentParagraphCache
  processor?: {config: ResolvedConfig; format: Format; date: string | undefined; value: Processor}
  published?: Published
}

export interface LintStats {
  /** Runs that published diagnostics. */
  published: number
  /** Runs stopped because a newer change came in. */
  cancelled: number
  /** Runs whose result was for a version no longer current. */
  stale: number
  /** Runs that failed (an internal error, logged). */
  failed: number
  cacheHits: number
  cacheMisses: number
  cacheEntries: number
}

/** How long one published run took inside the server, from the start of the run to publishing. */
export interface RunTiming {
  /** Wall-clock milliseconds. */
  wall: number
  /** Milliseconds of CPU time of the process (less sensitive to other load on the machine). */
  cpu: number
}

/** Run timings kept for `newslint/stats` (the most recent ones). */
const MAX_TIMINGS = 2000
/** A run slower than this (ms) delays the next one by as long as it took, up to `MAX_DELAY`. */
const SLOW_RUN = 250
const MAX_DELAY = 5000

const languageFormats: Record<string, Format> = {
  markdown: 'markdown',
  mdx: 'markdown',
  html: 'html',
  plaintext: 'text',
  text: 'text'
}

const extensionFormats: Record<string, Format> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text'
}

/** The format of a document, or undefined for a language newslint does not read (code, JSON…). */
export function formatOf(document: Pick<TextDocument, 'languageId' | 'uri'>): Format | undefined {
  const byLanguage = languageFormats[document.languageId]
  if (byLanguage) return byLanguage
  const extension = path.extname(document.uri.replace(/[?#].*$/, '')).toLowerCase()
  return extensionFormats[extension]
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`
  return `${n} bytes`
}

/** A diagnostic about the whole document, on its first character. */
function documentDiagnostic(code: string, severity: DiagnosticSeverity, message: string): Diagnostic {
  return {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity, source: 'newslint', code, message}
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))

export class Linter {
  private readonly states = new Map<string, DocumentState>()
  private readonly totals = {published: 0, cancelled: 0, stale: 0, failed: 0}
  private timings: RunTiming[] = []

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ConfigResolver,
    private readonly settings: ServerSettings
  ) {}

  private state(uri: string): DocumentState {
    let state = this.states.get(uri)
    if (!state) {
      state = {cache: new DocumentParagraphCache()}
      this.states.set(uri, state)
    }
    return state
  }

  /**
   * Lint `uri` after the debounce; a change before then (or during the run)
   * supersedes this one. After a slow run (a very long document), wait at
   * least as long as it took, so that the server is not linting all the time.
   */
  schedule(uri: string, debounce = this.settings.debounce): void {
    const state = this.state(uri)
    const delay = state.lastRun !== undefined && state.lastRun > SLOW_RUN ? Math.max(debounce, Math.min(state.lastRun, MAX_DELAY)) : debounce
    if (state.run) state.run.cancelled = true
    if (state.timer) clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void this.lint(uri)
    }, delay)
  }

  /** Lint every open document again (configuration changed). */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri)
  }

  /** A document was closed: stop, forget, and clear its diagnostics. */
  close(uri: string): void {
    const state = this.states.get(uri)
    if (state?.timer) clearTimeout(state.timer)
    if (state?.run) state.run.cancelled = true
    this.states.delete(uri)
    void this.connection.sendDiagnostics({uri, diagnostics: []})
  }

  published(uri: string): Published | undefined {
    return this.states.get(uri)?.published
  }

  /** The `data` of a published diagnostic at the same place with the same code. */
  dataFor(uri: string, diagnostic: Diagnostic): DiagnosticData | undefined {
    const match = this.published(uri)?.diagnostics.find(
      (d) =>
        d.code === diagnostic.code &&
        d.range.start.line === diagnostic.range?.start?.line &&
        d.range.start.character === diagnostic.range?.start?.character &&
        d.range.end.line === diagnostic.range?.end?.line &&
        d.range.end.character === diagnostic.range?.end?.character
    )
    return match?.data as DiagnosticData | undefined
  }

  /** The timings of recent published runs; `reset` starts a new series. */
  runTimings(reset = false): RunTiming[] {
    const timings = this.timings
    if (reset) this.timings = []
    return timings
  }

  stats(): LintStats {
    let cacheHits = 0
    let cacheMisses = 0
    let cacheEntries = 0
    for (const state of this.states.values()) {
      cacheHits += state.cache.hits
      cacheMisses += state.cache.misses
      cacheEntries += state.cache.size
    }
    return {...this.totals, cacheHits, cacheMisses, cacheEntries}
  }

  private isCurrent(uri: string, version: number, run: {cancelled: boolean}): boolean {
    return !run.cancelled && this.documents.get(uri)?.version === version
  }

  private publish(uri: string, state: DocumentState, published: Published): void {
    state.published = published
    this.totals.published++
    void this.connection.sendDiagnostics({uri, version: published.version, diagnostics: published.diagnostics})
  }

  private processorFor(state: DocumentState, config: ResolvedConfig, format: Format): Processor {
    const date = config.date ?? this.settings.date
    const current = state.processor
    if (current && current.config === config && current.format === format && current.date === date) return current.value
    // The size limit is checked before parsing (above), with the server's own message.
    const value = createProcessor({config, format, date, maxBytes: Number.MAX_SAFE_INTEGER})
    state.processor = {config, format, date, value}
    return value
  }

  async lint(uri: string): Promise<void> {
    const document = this.documents.get(uri)
    const format = document && formatOf(document)
    if (!document || !format) return
    const state = this.state(uri)
    if (state.run) state.run.cancelled = true
    const version = document.version
    const run = {version, cancelled: false}
    state.run = run
    const began = performance.now()
    const cpuBefore = process.cpuUsage()
    try {
      const text = document.getText()
      // A didOpen without text (no editor sends one) makes a document without content.
      if (typeof text !== 'string') return
      const lookup = this.configs.forDocument(uri)
      if (lookup.error) {
        const error = lookup.error
        const diagnostic = documentDiagnostic('config-error', DiagnosticSeverity.Error, `newslint cannot read its configuration: ${error.message}`)
        if (path.isAbsolute(error.file)) {
          diagnostic.relatedInformation = [{location: {uri: pathToFileURL(error.file).href, range: diagnostic.range}, message: 'the configuration file'}]
        }
        this.publish(uri, state, {version, diagnostics: [diagnostic]})
        return
      }
      const config = lookup.config
      // The editor's setting decides; a configuration file (written for the CLI) may only lower the limit.
      const maxBytes = this.settings.maxSizeFromClient ? this.settings.maxSize : Math.min(config.maxSize ?? Infinity, this.settings.maxSize)
      // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when the limit could be passed.
      const bytes = text.length * 3 <= maxBytes ? text.length : Buffer.byteLength(text)
      if (bytes > maxBytes) {
        state.cache.clear()
        const message = `newslint does not lint this document while you type: it is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit for one article. Split it, or raise the limit with the "maxSize" initialization option (newslint.maxSize in VS Code).`
        this.publish(uri, state, {version, diagnostics: [documentDiagnostic('too-large', DiagnosticSeverity.Warning, message)]})
        return
      }

      const processor = this.processorFor(state, config, format)
      const file = new VFile({path: filePath(uri) ?? uri.replace(/^[a-z][a-z0-9+.-]*:/i, ''), value: text})
      if (this.settings.paragraphCache) file.data.paragraphCache = state.cache
      state.cache.begin()
      const tree = processor.parse(file)
      state.cache.end()

      // Let changes that came in while parsing cancel this run before the rules.
      await yieldToEvents()
      if (!this.isCurrent(uri, version, run)) {
        this.totals.cancelled++
        return
      }
      processor.runSync(tree, file)
      if (!this.isCurrent(uri, version, run)) {
        this.totals.stale++
        return
      }
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
      const source = file.data.sourceTree
      this.publish(uri, state, {
        version,
        diagnostics: toDiagnostics(file, uri, bom, version),
        markdownTree: source?.format === 'markdown' && !bom ? (source.tree as MdastRoot) : undefined
      })
      const cpu = process.cpuUsage(cpuBefore)
      const wall = performance.now() - began
      state.lastRun = wall
      if (this.timings.length >= MAX_TIMINGS) this.timings.shift()
      this.timings.push({wall, cpu: (cpu.user + cpu.system) / 1000})
    } catch (error) {
      this.totals.failed++
      this.connection.console.error(`newslint: cannot lint ${uri}: ${(error as Error)?.stack ?? String(error)}`)
    } finally {
      if (state.run === run) state.run = undefined
    }
  }
}
