/**
 * End-to-end tests of newslint-language-server: the built bin runs as a
 * child process and a real LSP client (vscode-languageserver-protocol over
 * stdio) drives it. Rules that exist today (repeated-words: "the the") are
 * used, and assertions look for them among whatever else is reported, so
 * the tests keep working as more rules land.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticSeverity,
  ErrorCodes,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit
} from 'vscode-languageserver-protocol/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'newslint-language-server.js')

const story = [
  '# Harbour workers walk out',
  '',
  'Dock workers at the northern harbour stopped work on Tuesday morning.',
  '',
  'The union said the the strike would last until the port authority met its demands.',
  '',
  'Ships waited offshore as cranes stood still along the quay.',
  ''
].join('\n')

class Client {
  readonly child: ChildProcessWithoutNullStreams
  readonly connection: ProtocolConnection
  readonly published: PublishDiagnosticsParams[] = []
  readonly shownDocuments: string[] = []
  readonly stderr: string[] = []
  readonly logs: Array<{type: number; message: string}> = []
  private waiters: Array<() => void> = []

  constructor() {
    this.child = spawn(process.execPath, [bin, '--stdio'], {cwd: root, stdio: 'pipe'})
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()))
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin))
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params)
      for (const waiter of this.waiters) waiter()
    })
    this.connection.onNotification('window/logMessage', (params: {type: number; message: string}) => this.logs.push(params))
    this.connection.onNotification('window/showMessage', () => {})
    this.connection.onRequest('client/registerCapability', () => null)
    this.connection.onRequest('workspace/workspaceFolders', () => [])
    this.connection.onRequest('window/showDocument', (params: {uri: string}) => {
      this.shownDocuments.push(params.uri)
      return {success: true}
    })
    this.connection.listen()
  }

  /** The first publication for `uri` (from index `from` on) that passes `test`. */
  diagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true, from = 0): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.published.slice(from).find((p) => p.uri === uri && test(p))
        if (found) {
          this.waiters = this.waiters.filter((w) => w !== check)
          clearTimeout(timer)
          resolve(found)
        }
      }
      // A guard against a hang, not a timing assertion.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check)
        reject(new Error(`no diagnostics for ${uri} matching the test; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => p.version))}\n${this.stderr.join('')}`))
      }, 20_000)
      this.waiters.push(check)
      check()
    })
  }

  forVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version)
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
  }

  replace(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text}]})
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode)
      else this.child.once('exit', (code) => resolve(code))
    })
  }

  kill(): void {
    this.connection.dispose()
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill()
  }
}

function repeated(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === 'repeated-words')
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits)
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? []
}

let workspace: string
let client: Client
let initialized: InitializeResult
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'server', 'index.js'))) {
    spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root], {stdio: 'inherit'})
  }
  workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-server-')))
  client = new Client()
  initialized = await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{uri: pathToFileURL(workspace).href, name: 'newsroom'}],
    capabilities: {
      workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, workspaceFolders: true},
      window: {showDocument: {support: true}},
      textDocument: {publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true}}
    },
    // Long enough that a burst of edits sent at once is always one run.
    initializationOptions: {debounce: 100}
  })
  await client.connection.sendNotification('initialized', {})
})

afterAll(async () => {
  if (process.env.NEWSLINT_DEBUG_LSP) console.log(client?.logs, client?.stderr.join(''))
  client?.kill()
  if (workspace) fs.rmSync(workspace, {recursive: true, force: true})
})

describe('newslint-language-server', () => {
  it('initializes over stdio with its capabilities', () => {
    expect(initialized.serverInfo?.name).toBe('newslint-language-server')
    expect(initialized.capabilities.hoverProvider).toBe(true)
    expect(initialized.capabilities.codeActionProvider).toBeTruthy()
    expect(initialized.capabilities.textDocumentSync).toMatchObject({openClose: true, change: 2})
  })

  it('publishes diagnostics for an opened Markdown buffer, with version, code, docs and severity', async () => {
    const uri = uriOf('open.md')
    client.open(uri, 'markdown', story, 1)
    const published = await client.forVersion(uri, 1)
    const diagnostic = repeated(published.diagnostics)
    expect(diagnostic).toBeDefined()
    expect(diagnostic).toMatchObject({
      source: 'newslint',
      severity: DiagnosticSeverity.Warning,
      codeDescription: {href: expect.stringMatching(/rules\/repeated-words\.md$/)},
      range: {start: {line: 4, character: 15}, end: {line: 4, character: 22}},
      data: {expected: ['the']}
    })
  })

  it('places findings right in a buffer that starts with a byte order mark', async () => {
    const uri = uriOf('bom.txt')
    client.open(uri, 'plaintext', '\uFEFFThe the strike went on.\nThe union said the the strike would go on.\n', 1)
    const found = (await client.forVersion(uri, 1)).diagnostics.filter((d) => d.code === 'repeated-words').map((d) => d.range.start)
    expect(found).toEqual([
      {line: 0, character: 1},
      {line: 1, character: 15}
    ])
  })

  it('points at the other place of a cross-sentence finding', async () => {
    // The headline and the body disagree on a figure: the core case of inconsistent-figure.
    const uri = uriOf('figures.md')
    const text = '# Crane collapse kills 12 at northern harbour\n\nA crane collapsed at the northern harbour on Tuesday, killing 21 dock workers, the port authority said.\n'
    client.open(uri, 'markdown', text, 1)
    const withRelated = (await client.forVersion(uri, 1)).diagnostics.filter((d) => d.relatedInformation?.length)
    expect(withRelated.length).toBeGreaterThan(0)
    for (const diagnostic of withRelated) {
      for (const related of diagnostic.relatedInformation!) {
        expect(related.location.uri).toBe(uri)
        expect(related.message).toBeTruthy()
        expect(related.location.range.start.line).toBeLessThanOrEqual(2)
      }
    }
    const figure = withRelated.find((d) => d.code === 'inconsistent-figure')
    if (figure) expect(figure.relatedInformation![0].location.range.start).toEqual({line: 2, character: 62})
  })

  it('publishes only for the latest version after a burst of edits', async () => {
    const uri = uriOf('burst.md')
    client.open(uri, 'markdown', story, 1)
    await client.forVersion(uri, 1)
    const from = client.published.length
    // Ten keystrokes typed into the first body paragraph, as incremental changes.
    const typed = ' Pickets'
    for (let i = 0; i < typed.length; i++) {
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: {uri, version: 2 + i},
        contentChanges: [{range: {start: {line: 2, character: 69 + i}, end: {line: 2, character: 69 + i}}, text: typed[i]}]
      })
    }
    const last = 1 + typed.length
    const published = await client.forVersion(uri, last)
    expect(repeated(published.diagnostics)?.range.start).toEqual({line: 4, character: 15})
    const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version)
    expect(versions).toEqual([last])
    // The unchanged paragraphs came from the paragraph cache.
    const stats = await client.connection.sendRequest<{cacheHits: number; published: number}>('newslint/stats', {})
    expect(stats.cacheHits).toBeGreaterThan(0)
  })

  it('shows the rule documentation on hover', async () => {
    const uri = uriOf('open.md')
    const hover = await client.connection.sendRequest<{contents: {kind: string; value: string}} | null>('textDocument/hover', {
      textDocument: {uri},
      position: {line: 4, character: 17}
    })
    expect(hover?.contents.kind).toBe('markdown')
    expect(hover?.contents.value).toContain('repeated-words')
    expect(hover?.contents.value).toContain('typed twice in a row')
    expect(hover?.contents.value).toMatch(/\]\(https:\/\/.*repeated-words\.md\)/)
    const nothing = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 3}})
    expect(nothing).toBeNull()
  })

  it('offers a replacement, a control comment and the docs as code actions (Markdown)', async () => {
    const uri = uriOf('actions.md')
    client.open(uri, 'markdown', story, 1)
    const diagnostic = repeated((await client.forVersion(uri, 1)).diagnostics)!
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic]}
    })
    const titles = actions.map((a) => a.title)
    expect(titles).toContain('Replace “the the” with “the”')
    expect(titles).toContain('Disable repeated-words for this paragraph')
    expect(titles).toContain('Open the documentation of repeated-words')

    const fixed = apply(story, editsOf(actions.find((a) => a.title.startsWith('Replace'))!, uri))
    expect(fixed).toContain('The union said the strike')
    client.replace(uri, 2, fixed)
    expect(repeated((await client.forVersion(uri, 2)).diagnostics)).toBeUndefined()

    const disabled = apply(story, editsOf(actions.find((a) => a.title.startsWith('Disable'))!, uri))
    expect(disabled).toContain('<!-- newslint-ignore repeated-words -->\nThe union said the the strike')
    client.replace(uri, 3, disabled)
    expect(repeated((await client.forVersion(uri, 3)).diagnostics)).toBeUndefined()

    const docs = actions.find((a) => a.command)!
    await client.connection.sendRequest('workspace/executeCommand', docs.command)
    expect(client.shownDocuments.at(-1)).toMatch(/rules\/repeated-words\.md$/)
  })

  it('uses the diagnostics the server published when a client drops `data`', async () => {
    const uri = uriOf('actions.md')
    client.replace(uri, 4, story)
    const diagnostic = repeated((await client.forVersion(uri, 4)).diagnostics)!
    const {data: _dropped, ...bare} = diagnostic
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: bare.range,
      context: {diagnostics: [bare]}
    })
    expect(actions.map((a) => a.title)).toContain('Replace “the the” with “the”')
  })

  it('lints HTML and puts the control comment right before the element', async () => {
    const uri = uriOf('story.html')
    const html = '<article>\n  <h1>Harbour workers walk out</h1>\n  <p>Dock workers stopped work on Tuesday.</p>\n  <p>The union said the the strike would go on.</p>\n</article>\n'
    client.open(uri, 'html', html, 1)
    const diagnostic = repeated((await client.forVersion(uri, 1)).diagnostics)!
    expect(diagnostic.range.start.line).toBe(3)
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic]}
    })
    const disabled = apply(html, editsOf(actions.find((a) => a.title.startsWith('Disable'))!, uri))
    expect(disabled).toContain('  <!-- newslint-ignore repeated-words --><p>The union said the the strike')
    client.replace(uri, 2, disabled)
    expect(repeated((await client.forVersion(uri, 2)).diagnostics)).toBeUndefined()
  })

  it('lints plain text, without a control comment action', async () => {
    const uri = uriOf('wire.txt')
    const text = 'Harbour workers walk out\n\nThe union said the the strike would go on.\n'
    client.open(uri, 'plaintext', text, 1)
    const diagnostic = repeated((await client.forVersion(uri, 1)).diagnostics)!
    expect(diagnostic.range.start).toEqual({line: 2, character: 15})
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic]}
    })
    expect(actions.map((a) => a.title)).toContain('Replace “the the” with “the”')
    expect(actions.some((a) => a.title.startsWith('Disable'))).toBe(false)
  })

  it('does not lint languages newslint does not read', async () => {
    const uri = uriOf('script.js')
    client.open(uri, 'javascript', 'const the = "the the"\n', 1)
    const probe = uriOf('probe.md')
    client.open(probe, 'markdown', 'The the end.\n', 1)
    await client.forVersion(probe, 1)
    expect(client.published.some((p) => p.uri === uri)).toBe(false)
  })

  it('reads the configuration file above the document and reloads it when it changes', async () => {
    fs.mkdirSync(path.join(workspace, 'desk'))
    const uri = uriOf('desk/config.md')
    client.open(uri, 'markdown', story, 1)
    expect(repeated((await client.forVersion(uri, 1)).diagnostics)?.severity).toBe(DiagnosticSeverity.Warning)

    const rc = path.join(workspace, 'desk', '.newslintrc.json')
    const changed = async (content: string | undefined, type: FileChangeType) => {
      const from = client.published.length
      if (content === undefined) fs.rmSync(rc)
      else fs.writeFileSync(rc, content)
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type}]})
      return client.diagnostics(uri, () => true, from)
    }
    expect(repeated((await changed('{"rules": {"repeated-words": "error"}}', FileChangeType.Created)).diagnostics)?.severity).toBe(DiagnosticSeverity.Error)
    expect(repeated((await changed('{"rules": {"repeated-words": "off"}}', FileChangeType.Changed)).diagnostics)).toBeUndefined()

    const broken = await changed('{"rules": {"no-such-rule": "error"}}', FileChangeType.Changed)
    expect(broken.diagnostics).toHaveLength(1)
    expect(broken.diagnostics[0]).toMatchObject({code: 'config-error', severity: DiagnosticSeverity.Error})
    expect(broken.diagnostics[0].message).toContain('no-such-rule')

    expect(repeated((await changed(undefined, FileChangeType.Deleted)).diagnostics)?.severity).toBe(DiagnosticSeverity.Warning)
  })

  it('uses the workspace folder’s configuration for an untitled buffer', async () => {
    const rc = path.join(workspace, '.newslintrc.yml')
    fs.writeFileSync(rc, 'rules:\n  repeated-words: info\n')
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: FileChangeType.Created}]})
    const uri = 'untitled:Untitled-1'
    client.open(uri, 'markdown', 'The union said the the strike would go on.\n', 1)
    expect(repeated((await client.forVersion(uri, 1)).diagnostics)?.severity).toBe(DiagnosticSeverity.Information)
    fs.rmSync(rc)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: FileChangeType.Deleted}]})
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  it('survives malformed messages, bad parameters and unknown methods', async () => {
    // Not JSON at all, then JSON that is not a JSON-RPC message.
    for (const body of ['{"jsonrpc": "2.0", "id": 1, "meth', '{"jsonrpc":"2.0","id":"x","method":42}', '[1, 2, 3]']) {
      client.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    }
    await expect(client.connection.sendRequest('textDocument/hover', {position: {line: 0, character: 0}})).rejects.toMatchObject({code: ErrorCodes.InvalidParams})
    await expect(client.connection.sendRequest('textDocument/codeAction', null)).rejects.toMatchObject({code: ErrorCodes.InvalidParams})
    await expect(client.connection.sendRequest('newslint/no-such-method', {})).rejects.toMatchObject({code: ErrorCodes.MethodNotFound})
    await client.connection.sendNotification('newslint/no-such-notification', {})
    await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri: 'file:///never/opened.md', version: 3}, contentChanges: [{text: 'x'}]})
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: 'nope'})
    await expect(client.connection.sendRequest('workspace/executeCommand', {command: 'newslint.openRuleDocs', arguments: [42]})).rejects.toMatchObject({
      code: ErrorCodes.InvalidParams
    })

    // Documents the protocol allows but no editor should send.
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: 42}})
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: uriOf('no-text.md'), languageId: 'markdown', version: 1}})
    const binary = uriOf('binary.txt')
    client.open(binary, 'plaintext', 'The\u0000strike', 1)
    expect((await client.forVersion(binary, 1)).diagnostics[0]).toMatchObject({severity: DiagnosticSeverity.Error, source: 'newslint'})
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri: binary, version: 2},
      contentChanges: [{range: {start: {line: 40, character: 0}, end: {line: 99, character: 9}}, text: ' the the end'}]
    })
    expect(repeated((await client.forVersion(binary, 2)).diagnostics)).toBeUndefined()

    // Still alive, still linting.
    const uri = uriOf('after-malformed.md')
    client.open(uri, 'markdown', 'The union said the the strike would go on.\n', 1)
    expect(repeated((await client.forVersion(uri, 1)).diagnostics)).toBeDefined()
    expect(client.child.exitCode).toBeNull()
  })

  it('answers a 5 MB document with one diagnostic about its size', async () => {
    const uri = uriOf('huge.md')
    const paragraph = 'The union said the strike would last until the port authority met its demands. '.repeat(10) + '\n\n'
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))
    expect(text.length).toBeGreaterThanOrEqual(5 * 1024 * 1024)
    client.open(uri, 'markdown', text, 1)
    const published = await client.forVersion(uri, 1)
    expect(published.diagnostics).toHaveLength(1)
    expect(published.diagnostics[0]).toMatchObject({code: 'too-large', source: 'newslint'})
    expect(published.diagnostics[0].message).toMatch(/it is 5\.0 MB, over the 256\.0 kB limit/)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0)
    const stats = await client.connection.sendRequest<{documents: number}>('newslint/stats', {})
    expect(stats.documents).toBeGreaterThan(0)
  })

  it('logged no internal error', () => {
    // Errors are logged for the malformed messages sent on purpose, and nothing else.
    const errors = client.logs.filter((log) => log.type === 1 && !/neither a response nor a notification|Content-Length|JSON|malformed|Unexpected/i.test(log.message))
    expect(errors).toEqual([])
    expect(client.stderr.join('')).not.toMatch(/internal error|cannot lint/)
  })

  it('shuts down and exits cleanly', async () => {
    await client.connection.sendRequest('shutdown')
    const exited = client.exited()
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(0)
  })
})
