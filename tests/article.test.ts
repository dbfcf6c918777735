import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lintSync} from '../src/index.js'
import type {Article} from '../src/article/types.js'
import {readMarkdown, readWholeMarkdown} from '../src/article/markdown.js'
import {closingRun} from '../src/article/model.js'
import {sourceOffsets} from '../src/article/realign.js'

function article(value: string, path: string, date?: string): Article {
  const file = lintSync(new VFile({path, value}), {config: {preset: 'none'}, date})
  return file.data.article!
}

const plain = [
  'Port Authority Reopens Northern Harbour After Storm Damage',
  'By Mira Okafor',
  'HALDEN, Norway (Coastal Wire) – The northern harbour reopened on Tuesday after repairs that took 11 days.',
  'Harbour master Ivo Lind said the quay was safe.',
  'Repair Costs',
  'The authority said it spent 4.2 million crowns on the work.'
].join('\n')

describe('plain text', () => {
  const a = article(plain, 'story.txt')
  it('finds headline, byline and dateline', () => {
    expect(a.headline?.text).toBe('Port Authority Reopens Northern Harbour After Storm Damage')
    expect(a.byline?.text).toBe('By Mira Okafor')
    expect(a.dateline).toMatchObject({text: 'HALDEN, Norway (Coastal Wire) –', place: 'HALDEN, Norway', agency: 'Coastal Wire'})
  })
  it('makes one paragraph a line when each line stands alone, and sections under subheadings', () => {
    expect(a.paragraphs.map((p) => p.zone)).toEqual(['headline', 'byline', 'body', 'body', 'subheading', 'body'])
    expect(a.sections).toHaveLength(2)
    expect(a.sections[1].heading?.text).toBe('Repair Costs')
    expect(a.sections[1].paragraphs.map((p) => p.index)).toEqual([5])
  })
  it('keeps dateline words out of the first sentence words, and offsets exact', () => {
    const first = a.sentences.find((s) => s.zone === 'body')!
    expect(first.words[0].text).toBe('The')
    for (const sentence of a.sentences) {
      expect(plain.slice(sentence.start, sentence.end)).toBe(sentence.text)
      for (const word of sentence.words) expect(plain.slice(word.start, word.end)).toBe(word.text)
    }
  })
  it('keeps hard-wrapped prose as one paragraph', () => {
    const wrapped = article('Storm warning\n\nThe weather service warned on Monday that\nwinds could reach 120 km/h along the coast\nby the evening.\n\nFerries were cancelled.\n', 'w.txt')
    expect(wrapped.paragraphs.map((p) => p.zone)).toEqual(['headline', 'body', 'body'])
    expect(wrapped.paragraphs[1].sentences).toHaveLength(1)
  })
  it('reads datelines with a date', () => {
    const wire = article('Chipmaker raises forecast\n\nSAN JOSE, March 22 - The company raised its forecast, it said.\n', 'wire.txt')
    expect(wire.dateline).toMatchObject({place: 'SAN JOSE', month: 3, day: 22})
  })
})

describe('quotations', () => {
  it('finds straight and curly quotes, leaves apostrophes alone, and carries a quote over paragraphs', () => {
    const text = [
      'Mayor speaks',
      '',
      '“We will rebuild the bridge,” the mayor’s spokesman said. He added: "It is the town\'s lifeline."',
      '',
      '“The first phase starts in May.',
      '',
      '“The second phase follows next year,” he said.'
    ].join('\n')
    const a = article(text, 'q.md')
    expect(a.quotations.map((q) => text.slice(q.start, q.end))).toEqual([
      '“We will rebuild the bridge,”',
      '"It is the town\'s lifeline."',
      '“The first phase starts in May.',
      '“The second phase follows next year,”'
    ])
    expect(a.quotations[2]).toMatchObject({closed: false, continued: false})
    expect(a.quotations[3]).toMatchObject({closed: true, continued: true})
    const sentence = a.sentences.find((s) => s.text.startsWith('“The first'))!
    expect(sentence.quoted).toBe('full')
    expect(a.sentences.find((s) => s.text.startsWith('“We will'))!.quoted).toBe('partial')
  })
})

describe('markdown', () => {
  const md = '---\ntitle: "Council approves budget"\ndate: 2024-03-05\nsection: Politics\n---\n\nBy Ana Ruiz\n\nThe council approved the budget on Tuesday.\n\n## Reaction\n\n- Unions welcomed it.\n- Traders did not.\n\n> A quoted block.\n'
  const a = article(md, 'b.md')
  it('takes headline and publication date from front matter, with the headline span in the file', () => {
    expect(a.headline?.text).toBe('Council approves budget')
    expect(md.slice(a.headline!.start, a.headline!.end)).toBe('Council approves budget')
    expect(a.published).toEqual({date: '2024-03-05', source: 'frontmatter'})
    expect(a.meta.section).toBe('Politics')
  })
  it('gives headings, list items and block quotes their zones', () => {
    expect(a.paragraphs.map((p) => p.zone)).toEqual(['headline', 'byline', 'body', 'subheading', 'list-item', 'list-item', 'blockquote'])
  })
  it('lets --date override the metadata', () => {
    expect(article(md, 'b.md', '2024-03-06').published).toEqual({date: '2024-03-06', source: 'option'})
  })
})

describe('markdown with inline markup only', () => {
  // Paragraphs of words and inline markup, sometimes wrapped, sometimes one line each: read paragraph by
  // paragraph, they must give the blocks the Markdown parser gives for the whole file.
  const piece = fc.constantFrom('The', 'council', 'said', 'on', 'Tuesday.', 'it', 'would', '*cut*', '**jobs**', '_now_', 'user_name', '`code`', '[link](https://x.test)', '[L8N1NW0MW]', '<Merrill Lynch, Pierce>', '<b>bold</b>', '&amp;', 'AT&T', '\\*', '|', 'e-mail', '“quoted,”', '2,400')
  const line = fc.array(piece, {minLength: 1, maxLength: 12}).map((words) => words.join(' '))
  const paragraph = fc.array(line, {minLength: 1, maxLength: 3}).map((lines) => lines.join('\n'))
  const doc = fc.tuple(fc.boolean(), fc.array(paragraph, {minLength: 1, maxLength: 6}), fc.constantFrom('\n\n', '\n\n\n', '\n  \n')).map(
    ([front, paragraphs, gap]) => `${front ? '---\ntitle: "A headline"\ndate: 2024-03-05\n---\n\n' : ''}${paragraphs.join(gap)}\n`
  )
  it('reads each paragraph as the whole-file parse does', () => {
    fc.assert(
      fc.property(doc, (value) => {
        const fast = readMarkdown(value)
        const whole = readWholeMarkdown(value)
        // A paragraph of plain text is parsed as text either way (see `plainMarkdown` in parse.ts).
        const plain = (node: unknown) => (node as {children: Array<{type: string}>}).children.every((child) => child.type === 'text')
        const shape = (blocks: typeof fast.blocks) =>
          blocks.map(({start, end, kind, zone, text, node}) => (node && !plain(node) ? {start, end, kind, zone, text, node: JSON.stringify(node)} : {start, end, kind, zone}))
        expect(shape(fast.blocks)).toEqual(shape(whole.blocks))
      }),
      {numRuns: Number(process.env.NEWSLINT_PROPERTY_RUNS ?? 300)}
    )
  })
  it('reads wire tickers in angle brackets as copy', () => {
    const value = 'Shares of <DH> rose.\n\nThe *board* met.\n'
    expect(readMarkdown(value).blocks.map((b) => value.slice(b.start, b.end))).toEqual(['Shares of <DH> rose.', 'The *board* met.'])
    expect(article(value, 't.md').sentences[0].words.map((w) => w.text)).toContain('DH')
  })
  it('leaves files with block markup or comments to the Markdown parser', () => {
    for (const value of ['Text *with* markup.\n\n# Heading\n', 'Title\n=\n\nText *with* markup.\n', 'Title\n=\n\nPlain text.\n', 'Text *with* markup.\n\n<!-- newslint-disable -->\n\nMore.\n', '[a]: https://x.test\n\nText [a] *here*.\n']) {
      expect(readMarkdown(value).tree.children.length).toBeGreaterThan(1)
    }
  })
})

describe('closingRun', () => {
  it('keeps every end-anchored match of closing punctuation', () => {
    const patterns = [/(?:[.?!…]+["'”’»)\]]*|["'”’»)\]]+[.?!…]+|\.{3})\s*$/, /[.?!…]["'”’»)\]]*$|[.?!…]\s*["'”’»)\]]$/, /(?:\.\.\.|…)\s*$/, /["'”’»]\s*(?:\.\.\.|…)?\s*$/]
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '.', '?', '!', '…', '"', "'", '”', '’', '»', ')', ']', '(', '\u00a0'), {maxLength: 14}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (value) => {
        for (const pattern of patterns) {
          expect(pattern.exec(closingRun(value))?.[0]).toBe(pattern.exec(value)?.[0])
        }
      }),
      {numRuns: 2000}
    )
  })
})

describe('decoded text placed in the source (realign)', () => {
  it('maps each decoded character to where it is written', () => {
    expect(sourceOffsets('AT&T fell', 'AT&amp;T fell')).toEqual([0, 1, 2, 7, 8, 9, 10, 11, 12, 13])
    expect(sourceOffsets('©right', '&copyright')).toEqual([0, 5, 6, 7, 8, 9, 10])
    expect(sourceOffsets('don’t', 'don&#8217;t')).toEqual([0, 1, 2, 3, 10, 11])
    expect(sourceOffsets('*x*', '\\*x\\*')).toEqual([0, 2, 3, 5])
    expect(sourceOffsets('a\nb', 'a\r\n   b')).toEqual([0, 1, 6, 7])
    expect(sourceOffsets('abc', 'xyz')).toBeUndefined()
  })
  it('puts messages on the words they are about after character references (HTML and Markdown)', () => {
    const html = '<html><body><article><h1>Phone maker &amp; rival</h1><p>Shares in AT&amp;T fell after numerous complaints, critics say.</p></article></body></html>'
    const md = 'Phone maker *news*\n\nShares in AT&amp;T \\*fell\\* after *many* complaints, critics say.\n'
    for (const [value, path] of [[html, 'e.html'], [md, 'e.md']]) {
      const file = lintSync(new VFile({path, value}))
      const marked = file.messages.map((m) => [m.ruleId, value.slice(m.place!.start.offset, m.place!.end.offset)])
      expect(marked).toContainEqual(['unattributed-claim', 'critics say'])
      expect(marked.map(([rule]) => rule)).not.toContain('truncated-sentence')
    }
  })
})

describe('quotation marks written as character references', () => {
  it('are quotation marks (WordPress writes &#8220; and &#8221;)', () => {
    const curly = '<article><h1>Port strike ends</h1><p>The chamber of commerce was blunt on Tuesday.</p><p>“Many residents remain wary of the plan, and numerous shops have closed since the strike began.”</p></article>'
    for (const value of [curly, curly.replace('“', '&#8220;').replace('”', '&#8221;'), curly.replace('“', '&ldquo;').replace('”', '&rdquo;')]) {
      const file = lintSync(new VFile({path: 'q.html', value}))
      const quoted = file.data.article!.sentences.filter((sentence) => sentence.quoted === 'full')
      expect(quoted.map((sentence) => sentence.words[0].text)).toEqual(['Many'])
      expect(file.messages.filter((m) => m.fatal === false)).toEqual([])
    }
  })
  it('leave words as they read ("it’s", "AT&T"), at their place in the file', () => {
    const value = '<article><p>The company&#8217;s plan for AT&amp;T was set.</p></article>'
    const words = article(value, 'w.html').sentences[0].words
    expect(words.map((w) => w.text)).toEqual(['The', 'company’s', 'plan', 'for', 'AT&T', 'was', 'set'])
    expect(words.map((w) => value.slice(w.start, w.end))).toContain('company&#8217;s')
  })
  it('reopen a quotation that runs over paragraphs', () => {
    const value = '<article><p>&#8220;We will not move,&#8221; said Ana Ruiz. &#8220;The plan is wrong.</p><p>&#8220;Many residents remain wary of it.&#8221;</p></article>'
    const a = article(value, 'r.html')
    expect(a.quotations.map((q) => [value.slice(q.start, q.start + 7), q.closed, q.continued])).toEqual([
      ['&#8220;', true, false],
      ['&#8220;', false, false],
      ['&#8220;', true, true]
    ])
  })
})

describe('html', () => {
  const html = `<!doctype html><html><head><title>Site</title>
<meta property="article:published_time" content="2023-11-07T23:30:00-05:00">
<meta property="article:section" content="World"></head>
<body><nav><p>Home | World | Sport</p></nav>
<article><h1>Ferry service resumes</h1><p class="byline">By Jon Berg</p>
<p>The ferry resumed on Monday.</p><figure><img src="x.jpg"><figcaption>Photo: the ferry at dock.</figcaption></figure>
<p>Tickets sold out, the operator said.</p></article><footer><p>© Site</p></footer></body></html>`
  const a = article(html, 'f.html')
  it('reads the article body, not the chrome', () => {
    expect(a.paragraphs.map((p) => [p.zone, p.text.replace(/<[^>]+>/g, '')])).toEqual([
      ['headline', 'Ferry service resumes'],
      ['byline', 'By Jon Berg'],
      ['body', 'The ferry resumed on Monday.'],
      ['caption', 'Photo: the ferry at dock.'],
      ['body', 'Tickets sold out, the operator said.']
    ])
  })
  it('reads the publication date as written and the section', () => {
    expect(a.published).toEqual({date: '2023-11-07', source: 'meta'})
    expect(a.meta.section).toBe('World')
  })
  it('falls back to <time datetime>', () => {
    expect(article('<article><h1>X</h1><time datetime="2022-01-02">Jan 2</time><p>Text.</p></article>', 't.html').published).toEqual({date: '2022-01-02', source: 'time'})
  })
})
