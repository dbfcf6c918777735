/**
 * The newslint extension for VS Code: starts newslint-language-server over
 * stdio for Markdown, plain text and HTML documents. Everything else (the
 * linting, the configuration files, hovers, quick fixes) is the server's.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import {commands, window, workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

const BIN = 'newslint-language-server'

/** Where the server is: the setting, the workspace's node_modules, then the PATH. */
function serverOptions(): ServerOptions {
  const configured = workspace.getConfiguration('newslint').get<string>('serverPath')?.trim()
  const candidates: string[] = []
  if (configured) candidates.push(configured)
  for (const folder of workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue
    candidates.push(path.join(folder.uri.fsPath, 'node_modules', 'newslint', 'bin', `${BIN}.js`))
    // newslint's own checkout.
    candidates.push(path.join(folder.uri.fsPath, 'bin', `${BIN}.js`))
  }
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue
    // A bin script runs with Node; an executable runs as it is.
    if (candidate.endsWith('.js')) return {command: 'node', args: [candidate, '--stdio'], transport: TransportKind.stdio}
    return {command: candidate, args: ['--stdio'], transport: TransportKind.stdio}
  }
  if (configured) void window.showWarningMessage(`newslint: ${configured} does not exist; trying ${BIN} on the PATH`)
  return {command: BIN, args: ['--stdio'], transport: TransportKind.stdio}
}

function initializationOptions(): Record<string, unknown> {
  const settings = workspace.getConfiguration('newslint')
  const options: Record<string, unknown> = {debounce: settings.get<number>('debounce', 150)}
  const maxSize = settings.get<number | null>('maxSize', null)
  if (typeof maxSize === 'number' && maxSize > 0) options.maxSize = maxSize
  return options
}

async function start(): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'markdown'},
      {scheme: 'file', language: 'plaintext'},
      {scheme: 'file', language: 'html'},
      {scheme: 'untitled', language: 'markdown'},
      {scheme: 'untitled', language: 'plaintext'},
      {scheme: 'untitled', language: 'html'}
    ],
    initializationOptions: initializationOptions()
  }
  client = new LanguageClient('newslint', 'newslint', serverOptions(), clientOptions)
  await client.start()
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    commands.registerCommand('newslint.restartServer', async () => {
      await client?.stop()
      await start()
    }),
    workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('newslint')) await commands.executeCommand('newslint.restartServer')
    })
  )
  try {
    await start()
  } catch (error) {
    void window.showErrorMessage(`newslint: cannot start ${BIN}: ${String((error as Error)?.message ?? error)}`)
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}
