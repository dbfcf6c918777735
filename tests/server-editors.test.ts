/**
 * The editor snippets of docs/language-server.md marked `<!-- tested: … -->`
 * run in real editors (headless Neovim, Emacs with eglot) against the built
 * server: a buffer with "the the" must get newslint's diagnostic. Skipped
 * where the editor is not installed.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'newslint-language-server.js')
const docs = fs.readFileSync(path.join(root, 'docs', 'language-server.md'), 'utf8')

/** The fenced block right after `<!-- tested: name -->`. */
function snippet(name: string): string {
  const match = new RegExp(`<!-- tested: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(docs)
  if (!match) throw new Error(`docs/language-server.md has no snippet marked "tested: ${name}"`)
  return match[1]
}

function installed(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 20_000})
  return result.status === 0
}

const hasNeovim = installed('nvim', ['--headless', '-u', 'NONE', '+lua if vim.lsp.start_client then vim.cmd("qall!") else vim.cmd("cquit!") end'])
const hasEglot = installed('emacs', ['--batch', '-q', '--eval', "(require 'eglot)"])

let directory: string

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-editors-'))
  fs.writeFileSync(path.join(directory, 'story.md'), '# Harbour workers walk out\n\nThe union said the the strike would go on.\n')
  fs.writeFileSync(path.join(directory, 'story.txt'), 'Harbour workers walk out\n\nThe union said the the strike would go on.\n')
})

afterAll(() => {
  if (directory) fs.rmSync(directory, {recursive: true, force: true})
})

describe('editor snippets in docs/language-server.md', () => {
  it.skipIf(!hasNeovim)('Neovim (built-in client) shows the diagnostic and clears it after an edit', () => {
    const lua = snippet('neovim').replace(`cmd = {'newslint-language-server', '--stdio'}`, `cmd = {${JSON.stringify(process.execPath)}, ${JSON.stringify(bin)}, '--stdio'}`)
    expect(lua).toContain(bin)
    const script = `${lua}
vim.cmd('filetype on')
vim.cmd('edit story.md')
local found = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write(string.format('%d:%d %s %s\\n', d.lnum + 1, d.col + 1, d.code or '', d.message)) end
vim.api.nvim_buf_set_lines(0, 2, 3, false, {'The union said the strike would go on.'})
local cleared = vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 50)
io.stdout:write('cleared: ' .. tostring(cleared) .. '\\n')
for _, client in ipairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
vim.cmd((found and cleared) and 'qall!' or 'cquit!')
`
    fs.writeFileSync(path.join(directory, 'test.lua'), script)
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', 'luafile test.lua'], {cwd: directory, encoding: 'utf8', timeout: 40_000})
    const output = `${result.stdout}${result.stderr}`
    expect(output).toContain('3:16 repeated-words')
    expect(output).toContain('cleared: true')
    expect(result.status).toBe(0)
  })

  it.skipIf(!hasEglot)('Emacs eglot shows the diagnostic, the hover and the quick fix', () => {
    const elisp = snippet('eglot').replace(`("newslint-language-server" "--stdio")`, `(${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "--stdio")`)
    expect(elisp).toContain(bin)
    const script = `(require 'eglot)
(require 'flymake)
${elisp}
(find-file (expand-file-name "story.txt"))
(text-mode)
(apply #'eglot (eglot--guess-contact))
(let ((tries 0))
  (while (and (< tries 150) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)
    (setq tries (1+ tries))))
(dolist (d (flymake-diagnostics))
  (princ (format "diagnostic: %s\\n" (flymake-diagnostic-text d))))
(goto-char (point-min))
(search-forward "the the")
(backward-char 3)
(let* ((server (eglot-current-server))
       (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
       (actions (jsonrpc-request server :textDocument/codeAction
                                 (list :textDocument (eglot--TextDocumentIdentifier)
                                       :range (list :start (eglot--pos-to-lsp-position (line-beginning-position))
                                                    :end (eglot--pos-to-lsp-position (line-end-position)))
                                       :context (list :diagnostics
                                                      (vconcat (mapcar (lambda (d) (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))))
                                                                       (flymake-diagnostics))))))))
  (princ (format "hover: %s\\n" (plist-get (plist-get hover :contents) :value)))
  (mapc (lambda (a) (princ (format "action: %s\\n" (plist-get a :title)))) actions))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
`
    fs.writeFileSync(path.join(directory, 'test.el'), script)
    const result = spawnSync('emacs', ['--batch', '-q', '-l', 'test.el'], {cwd: directory, encoding: 'utf8', timeout: 40_000})
    const output = `${result.stdout}${result.stderr}`
    expect(output).toContain('diagnostic: newslint [repeated-words]: Unexpected repeated `the`')
    expect(output).toContain('hover: **newslint: repeated-words**')
    expect(output).toContain('action: Replace “the the” with “the”')
    expect(result.status).toBe(0)
  })
})

describe('snippets that are not run here', () => {
  it('Sublime LSP settings are valid JSON with the server command', () => {
    const json = /```json\n([\s\S]*?)```/.exec(docs)![1]
    const settings = JSON.parse(json) as {clients: {newslint: {command: string[]}}}
    expect(settings.clients.newslint.command).toEqual(['newslint-language-server', '--stdio'])
  })
})
