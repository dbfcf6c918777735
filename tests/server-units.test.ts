/**
 * Units of the language server that the end-to-end tests cannot look into:
 * the paragraph cache gives the very tree a fresh parse gives, wherever the
 * cached blocks move; messages become diagnostics with the right severity,
 * range and related information; settings and rule documentation.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Root} from 'nlcst'
import {parseArticle} from '../src/article/parse.js'
import {createMessage} from '../src/message.js'
import {lintSync} from '../src/index.js'
import {resolveConfig} from '../src/config/index.js'
import {DocumentParagraphCache} from '../src/server/paragraph-cache.js'
import {toDiagnostic, toDiagnostics} from '../src/server/diagnostics.js'
import {readSettings, DEFAULT_DEBOUNCE} from '../src/server/settings.js'
import {firstParagraph, ruleDocumentation} from '../src/server/rule-docs.js'
import {formatOf, Linter} from '../src/server/linter.js'
import {ConfigResolver} from '../src/server/config.js'
import {codeActions} from '../src/server/actions.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {Diagnostic} from 'vscode-languageserver'

const paragraphs = [
  'The union said the the strike would last until Friday.',
  'Dock workers stopped work on Tuesday morning, officials said.',
  'About 1,800 containers were waiting, according to the port authority.',
  '"We will not go back," a picket said.',
  'Ships waited offshore as cranes stood still along the quay.'
]

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
}

function parse(text: string, path: string, cache?: DocumentParagraphCache): Root {
  const file = new VFile({path, value: text})
  if (cache) file.data.paragraphCache = cache
  cache?.begin()
  const tree = parseArticle(file)
  cache?.end()
  return tree
}

describe('paragraph cache', () => {
  for (const [format, path, join] of [
    ['Markdown', 'story.md', (ps: string[]) => `# Harbour strike\n\n${ps.join('\n\n')}\n`],
    ['plain text', 'story.txt', (ps: string[]) => `Harbour strike\n\n${ps.join('\n\n')}\n`],
    ['HTML', 'story.html', (ps: string[]) => `<article>\n<h1>Harbour strike</h1>\n${ps.map((p) => `  <p>${p}</p>`).join('\n')}\n</article>\n`],
    ['Markdown with indented list items', 'list.md', (ps: string[]) => `# Harbour strike\n\n${ps.map((p) => `  - ${p}`).join('\n')}\n`]
  ] as const) {
    it(`gives the tree a fresh parse gives, through 60 random edits (${format})`, () => {
      const next = random(7)
      const cache = new DocumentParagraphCache()
      const current = [...paragraphs]
      for (let edit = 0; edit < 60; edit++) {
        const index = Math.floor(next() * current.length)
        const choice = next()
        if (choice < 0.4) current[index] = current[index].replace(/\b(\w+)\b/, (word) => `${word}${'x'.repeat(1 + Math.floor(next() * 3))}`)
        else if (choice < 0.6) current.splice(index, 0, paragraphs[Math.floor(next() * paragraphs.length)])
        else if (choice < 0.8 && current.length > 2) current.splice(index, 1)
        else current[index] = `${current[index]} More.`
        // Sometimes a line break inside a paragraph, so lines move but offsets do not tell.
        if (choice > 0.9 && format === 'Markdown') current[index] = current[index].replace(' ', '\n')
        const text = join(current)
        expect(parse(text, path, cache)).toEqual(parse(text, path))
      }
      expect(cache.hits).toBeGreaterThan(cache.misses)
      // Only the blocks of the last two parses are kept.
      expect(cache.size).toBeLessThanOrEqual(2 * (current.length + 2))
    })
  }

  it('keeps two blocks with the same text apart, before and after they move', () => {
    const cache = new DocumentParagraphCache()
    const same = 'The union said the the strike would go on.'
    for (const text of [`${same}\n\n${same}\n`, `Intro.\n\n${same}\n\n${same}\n`, `Intro, longer.\n\n\n${same}\n\nMiddle.\n\n${same}\n`]) {
      expect(parse(text, 'same.md', cache)).toEqual(parse(text, 'same.md'))
    }
  })

  it('gives the same messages as a lint without it', () => {
    const config = resolveConfig({})
    const cache = new DocumentParagraphCache()
    const texts = [paragraphs.join('\n\n'), ['Intro line here.', ...paragraphs].join('\n\n'), paragraphs.slice(1).join('\n\n')]
    for (const text of texts) {
      const cached = new VFile({path: 'a.md', value: text})
      cached.data.paragraphCache = cache
      cache.begin()
      lintSync(cached, {config})
      cache.end()
      const plain = lintSync(new VFile({path: 'a.md', value: text}), {config})
      const shape = (file: VFile) => file.messages.map((m) => [m.ruleId, m.reason, m.line, m.column, m.place])
      expect(shape(cached)).toEqual(shape(plain))
    }
  })
})

describe('diagnostics', () => {
  it('maps severity, range, code, docs and related places', () => {
    const file = new VFile({path: 'a.md', value: 'Line one.\nThe strike began on Monday, March 4.\n'})
    const error = createMessage(file, 'inconsistent-date', 'error', {message: 'Monday is not March 4', start: 20, end: 36, related: [{start: 0, end: 4, message: 'the other date'}], expected: ['Sunday']})!
    const warning = createMessage(file, 'repeated-words', 'warn', {message: 'w', start: 0, end: 4})!
    const info = createMessage(file, 'repeated-words', 'warn', {message: 'i', start: 0, end: 4, weak: true})!
    const diagnostic = toDiagnostic(error, 'file:///a.md', 0)
    expect(diagnostic).toMatchObject({
      severity: 1,
      code: 'inconsistent-date',
      source: 'newslint',
      codeDescription: {href: expect.stringContaining('inconsistent-date.md')},
      range: {start: {line: 1, character: 10}, end: {line: 1, character: 26}},
      relatedInformation: [{location: {uri: 'file:///a.md', range: {start: {line: 0, character: 0}, end: {line: 0, character: 4}}}, message: 'the other date'}],
      data: {expected: ['Sunday']}
    })
    expect(toDiagnostic(warning, 'file:///a.md', 0).severity).toBe(2)
    expect(toDiagnostic(info, 'file:///a.md', 0).severity).toBe(3)
    // A byte order mark moves the first line by one character in the editor.
    expect(toDiagnostic(warning, 'file:///a.md', 1).range.start).toEqual({line: 0, character: 1})
  })

  it('puts a message without a place on the first character', () => {
    const file = new VFile({value: ''})
    file.message('cannot read', {ruleId: 'too-large', source: 'newslint'})
    expect(toDiagnostics(file, 'file:///a.md', 0)[0].range).toEqual({start: {line: 0, character: 0}, end: {line: 0, character: 0}})
  })
})

describe('settings and documentation', () => {
  it('reads initializationOptions and keeps defaults for bad values', () => {
    const warnings: string[] = []
    expect(readSettings({debounce: 0, maxSize: 2048, date: '2024-03-12'}, (w) => warnings.push(w))).toMatchObject({debounce: 0, maxSize: 2048, maxSizeFromClient: true, date: '2024-03-12'})
    const fallback = readSettings({debounce: -1, maxSize: 'big', date: 'yesterday'}, (w) => warnings.push(w))
    expect(fallback).toMatchObject({debounce: DEFAULT_DEBOUNCE, maxSizeFromClient: false})
    expect(fallback.date).toBeUndefined()
    expect(warnings).toHaveLength(3)
    expect(readSettings('nope', (w) => warnings.push(w)).debounce).toBe(DEFAULT_DEBOUNCE)
  })

  it('finds the first paragraph of a rule page and the description', () => {
    expect(firstParagraph('# rule\n\nFirst line\nsecond line.\n\n* list\n')).toBe('First line second line.')
    const documentation = ruleDocumentation('repeated-words')
    expect(documentation?.description).toMatch(/twice/)
    expect(documentation?.summary).toMatch(/^A word typed twice/)
    expect(ruleDocumentation('no-such-rule')).toBeUndefined()
  })

  it('knows which buffers it reads', () => {
    expect(formatOf({languageId: 'markdown', uri: 'untitled:1'})).toBe('markdown')
    expect(formatOf({languageId: 'plaintext', uri: 'file:///a'})).toBe('text')
    expect(formatOf({languageId: 'unknown', uri: 'file:///story.HTML'})).toBe('html')
    expect(formatOf({languageId: 'javascript', uri: 'file:///a.js'})).toBeUndefined()
  })
})

describe('linter scheduling', () => {
  /** A Linter on a fake connection and document store, to step through a run. */
  function setup(text: string) {
    const sent: Array<{uri: string; version?: number; diagnostics: Diagnostic[]}> = []
    let document = TextDocument.create('untitled:story', 'markdown', 1, text)
    const documents = {get: (uri: string) => (uri === document.uri ? document : undefined), all: () => [document]}
    const connection = {
      sendDiagnostics: async (params: {uri: string; version?: number; diagnostics: Diagnostic[]}) => void sent.push(params),
      console: {error: (message: string) => void sent.push({uri: 'error', diagnostics: [], version: -1, message} as never)}
    }
    const linter = new Linter(connection as never, documents as never, new ConfigResolver(), readSettings({debounce: 0}, () => {}))
    const edit = (next: string) => {
      document = TextDocument.update(document, [{text: next}], document.version + 1)
    }
    return {sent, linter, edit, uri: document.uri}
  }

  it('cancels a run when a newer change comes in while it runs, and publishes only the newer version', async () => {
    const {sent, linter, edit, uri} = setup('The union said the the strike would go on.\n')
    // The run parses synchronously, then yields: the change comes in during the yield.
    const first = linter.lint(uri)
    edit('The union said the strike would go on, and on and on.\n')
    const second = linter.lint(uri)
    await Promise.all([first, second])
    expect(sent.map((s) => s.version)).toEqual([2])
    expect(linter.stats()).toMatchObject({cancelled: 1, published: 1})
  })

  it('does not publish a version that is no longer the document’s', async () => {
    const {sent, linter, edit, uri} = setup('The union said the the strike would go on.\n')
    const run = linter.lint(uri)
    edit('Something else entirely.\n')
    await run
    expect(sent).toEqual([])
  })
})

describe('code actions', () => {
  const diagnosticAt = (document: TextDocument, text: string): Diagnostic => {
    const start = document.getText().indexOf(text)
    return {
      range: {start: document.positionAt(start), end: document.positionAt(start + text.length)},
      source: 'newslint',
      code: 'repeated-words',
      message: 'repeated',
      data: {expected: ['the'], actual: text}
    }
  }
  const disable = (document: TextDocument, format: 'markdown' | 'html') => {
    const actions = codeActions({document, format, diagnostics: [diagnosticAt(document, 'the the')]})
    const action = actions.find((a) => a.title.startsWith('Disable'))
    return {title: action?.title, text: action && TextDocument.applyEdits(document, action.edit!.changes![document.uri])}
  }

  it('offers no replacement for a finding whose words have changed since it was found', () => {
    const document = TextDocument.create('file:///a.md', 'markdown', 2, 'The union said the strike went on.\n')
    const stale: Diagnostic = {
      range: {start: {line: 0, character: 15}, end: {line: 0, character: 22}},
      source: 'newslint',
      code: 'repeated-words',
      message: 'repeated',
      data: {expected: ['the'], actual: 'the the', version: 1}
    }
    expect(codeActions({document, format: 'markdown', diagnostics: [stale]}).some((a) => a.title.startsWith('Replace'))).toBe(false)
    const current = {...stale, data: {expected: ['the'], actual: 'the str', version: 1}}
    expect(codeActions({document, format: 'markdown', diagnostics: [current]}).some((a) => a.title.startsWith('Replace'))).toBe(true)
  })

  it('adds the rule to an ignore comment already before the block', () => {
    const document = TextDocument.create('file:///a.md', 'markdown', 1, '# Title\n\n<!-- newslint-ignore indefinite-article -->\nThe union said the the strike went on.\n')
    expect(disable(document, 'markdown').text).toContain('<!-- newslint-ignore indefinite-article repeated-words -->\nThe union')
  })

  it('names what the comment covers: a list in Markdown', () => {
    const document = TextDocument.create('file:///a.md', 'markdown', 1, '# Title\n\n- One item.\n- The union said the the strike went on.\n')
    expect(disable(document, 'markdown')).toEqual({title: 'Disable repeated-words for this list', text: '# Title\n\n<!-- newslint-ignore repeated-words -->\n- One item.\n- The union said the the strike went on.\n'})
  })

  it('merges with an ignore comment touching an HTML element', () => {
    const document = TextDocument.create('file:///a.html', 'html', 1, '<article><h1>Title</h1>\n<!-- newslint-ignore indefinite-article --><p>The union said the the strike went on.</p></article>')
    expect(disable(document, 'html').text).toContain('<!-- newslint-ignore indefinite-article repeated-words --><p>The union')
  })
})
