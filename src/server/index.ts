/**
 * newslint-language-server: newslint's findings while a reporter writes.
 *
 * stdio, LSP 3.17, built on vscode-languageserver. Plain text, Markdown and
 * HTML buffers are linted on open and on change (debounced, superseded runs
 * cancelled, stale versions never published) with the configuration the CLI
 * would use, reloaded when a configuration file changes. Diagnostics carry
 * their document version; hovers give the rule's documentation; code actions
 * apply replacements, disable a rule for a paragraph, or open the rule's docs.
 */
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Hover,
  type InitializeResult
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import pkg from '../version.js'
import {codeActions, OPEN_DOCS_COMMAND} from './actions.js'
import {CONFIG_GLOB, ConfigResolver, isConfigFile, filePath} from './config.js'
import {formatOf, Linter} from './linter.js'
import {hoverMarkdown, ruleDocumentation} from './rule-docs.js'
import {readSettings} from './settings.js'

export {DocumentParagraphCache} from './paragraph-cache.js'
export {readSettings, type ServerSettings, DEFAULT_DEBOUNCE, DEFAULT_MAX_SIZE} from './settings.js'

export const SERVER_NAME = 'newslint-language-server'
/** A request a client (or the bench) may send for the server's memory and counters. */
export const STATS_REQUEST = 'newslint/stats'
/** Without watched-file events from the client, configuration is read again at most this often (ms). */
const CONFIG_POLL_INTERVAL = 2000

function isPosition(value: unknown): value is {line: number; character: number} {
  const position = value as {line?: unknown; character?: unknown} | null
  return !!position && typeof position.line === 'number' && typeof position.character === 'number'
}

function isRange(value: unknown): value is {start: {line: number; character: number}; end: {line: number; character: number}} {
  const range = value as {start?: unknown; end?: unknown} | null
  return !!range && isPosition(range.start) && isPosition(range.end)
}

function uriOf(params: unknown): string | undefined {
  const uri = (params as {textDocument?: {uri?: unknown}} | null)?.textDocument?.uri
  return typeof uri === 'string' ? uri : undefined
}

const invalidParams = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `newslint: ${what}`)

/** Wire newslint to a connection (stdio by default). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)): Connection {
  const documents = new TextDocuments(TextDocument)
  const configs = new ConfigResolver()
  let linter: Linter | undefined
  let canShowDocument = false
  let watching = false
  let foldersChange = false

  connection.onInitialize((params): InitializeResult => {
    const settings = readSettings(params.initializationOptions, (warning) => connection.console.warn(warning))
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    configs.setWorkspaceFolders(folders)
    const capabilities = params.capabilities ?? {}
    watching = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    if (!watching) configs.pollInterval = CONFIG_POLL_INTERVAL
    canShowDocument = capabilities.window?.showDocument?.support === true
    foldersChange = capabilities.workspace?.workspaceFolders === true
    linter = new Linter(connection, documents, configs, settings)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: ['quickfix'], resolveProvider: false},
        executeCommandProvider: {commands: [OPEN_DOCS_COMMAND]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: SERVER_NAME, version: pkg.version}
    }
  })

  connection.onInitialized(() => {
    if (watching) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: CONFIG_GLOB}]})
        .catch((error: unknown) => {
          configs.pollInterval = CONFIG_POLL_INTERVAL
          connection.console.warn(`newslint: cannot watch configuration files (${String(error)}); reading them again every ${CONFIG_POLL_INTERVAL / 1000} s`)
        })
    }
    // vscode-languageserver throws when asked for folder events a client does not send.
    if (foldersChange) connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri))
      void connection.workspace.getWorkspaceFolders().then(
        (folders) => configs.setWorkspaceFolders((folders ?? []).map((folder) => folder.uri)),
        () => configs.setWorkspaceFolders(event.added.map((folder) => folder.uri).filter((uri) => !removed.has(uri)))
      )
      configs.reload()
      linter?.scheduleAll()
    })
  })

  // TextDocuments fires "change content" right after "open": lint an opened document at once, a changed one after the debounce.
  let opening: string | undefined
  documents.onDidOpen((event) => {
    if (!formatOf(event.document)) return
    opening = event.document.uri
    linter?.schedule(event.document.uri, 0)
  })
  documents.onDidChangeContent((event) => {
    if (opening === event.document.uri) {
      opening = undefined
      return
    }
    if (formatOf(event.document)) linter?.schedule(event.document.uri)
  })
  documents.onDidClose((event) => linter?.close(event.document.uri))

  connection.onDidChangeWatchedFiles((params) => {
    const changes = Array.isArray(params?.changes) ? params.changes : []
    if (changes.some((change) => typeof change?.uri === 'string' && isConfigFile(filePath(change.uri) ?? change.uri))) {
      configs.reload()
      linter?.scheduleAll()
    }
  })
  connection.onDidChangeConfiguration(() => {
    configs.reload()
    linter?.scheduleAll()
  })

  connection.onHover((params): Hover | null => {
    const uri = uriOf(params)
    if (!uri || !isPosition(params.position)) throw invalidParams('hover needs textDocument.uri and position')
    const published = linter?.published(uri)
    if (!published) return null
    const {line, character} = params.position
    const before = (a: {line: number; character: number}, b: {line: number; character: number}) => a.line < b.line || (a.line === b.line && a.character <= b.character)
    const seen = new Set<string>()
    const sections: string[] = []
    for (const diagnostic of published.diagnostics) {
      if (!before(diagnostic.range.start, {line, character}) || !before({line, character}, diagnostic.range.end)) continue
      if (typeof diagnostic.code !== 'string' || seen.has(diagnostic.code)) continue
      seen.add(diagnostic.code)
      const documentation = ruleDocumentation(diagnostic.code)
      if (documentation) sections.push(hoverMarkdown(documentation))
    }
    if (sections.length === 0) return null
    return {contents: {kind: 'markdown', value: sections.join('\n\n---\n\n')}}
  })

  connection.onCodeAction((params) => {
    const uri = uriOf(params)
    if (!uri || !isRange(params.range)) throw invalidParams('codeAction needs textDocument.uri and range')
    const document = documents.get(uri)
    if (!document || !linter) return null
    const format = formatOf(document)
    if (!format) return null
    const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics.filter((d) => d && isRange(d.range)) : []
    const published = linter.published(uri)
    return codeActions({
      document,
      format,
      diagnostics,
      markdownTree: published?.version === document.version ? published.markdownTree : undefined,
      dataFor: (diagnostic) => linter?.dataFor(uri, diagnostic)
    })
  })

  connection.onExecuteCommand(async (params) => {
    if (params?.command !== OPEN_DOCS_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `newslint: unknown command ${String(params?.command)}`)
    const url = params.arguments?.[0]
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw invalidParams('expected the documentation URL')
    if (canShowDocument) {
      const result = await connection.window.showDocument({uri: url, external: true})
      return {shown: result.success, url}
    }
    connection.window.showInformationMessage(`newslint documentation: ${url}`)
    return {shown: false, url}
  })

  connection.onRequest(STATS_REQUEST, (params: unknown) => {
    const options = (params ?? {}) as {gc?: unknown; timings?: unknown}
    const collect = options.gc === true
    const gc = (globalThis as {gc?: () => void}).gc
    if (collect && gc) gc()
    const memory = process.memoryUsage()
    return {
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      collected: Boolean(collect && gc),
      documents: documents.all().length,
      ...linter?.stats(),
      // `timings: true` hands over the run timings since the last such request.
      timings: options.timings === true ? linter?.runTimings(true) : undefined
    }
  })

  documents.listen(connection)
  connection.listen()
  return connection
}

/** Run the server on stdio (the bin). Standard output is the protocol: console output goes to stderr. */
export function main(argv: string[] = process.argv.slice(2)): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${pkg.version}\n`)
    return
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`Usage: ${SERVER_NAME} [--stdio]\n\nThe newslint language server. It speaks LSP over standard input and output;\nstart it from your editor (see docs/language-server.md).\n`)
    return
  }
  const unsupported = argv.find((arg) => /^--(node-ipc|socket|pipe)/.test(arg))
  if (unsupported) {
    process.stderr.write(`${SERVER_NAME}: only --stdio is supported, not ${unsupported}\n`)
    process.exitCode = 2
    return
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[method] = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`)
  }
  const connection = startServer()
  // A bug in one handler must not take the editor's linting down with it.
  process.on('uncaughtException', (error) => {
    try {
      connection.console.error(`newslint: internal error: ${error?.stack ?? String(error)}`)
    } catch {
      process.stderr.write(`newslint: internal error: ${String(error)}\n`)
    }
  })
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`newslint: unhandled rejection: ${String((reason as Error)?.stack ?? reason)}\n`)
  })
}
