/**
 * Property-based tests: reading and linting arbitrary input never throws,
 * and every reported position lies inside the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ParseEnglish} from 'parse-english'
import {lintSync, createProcessor} from '../src/index.js'
import {PlacedParser} from '../src/article/parse.js'

const processor = createProcessor({config: {preset: 'all'}})

const newsy = fc.constantFrom(
  'The', 'the', 'council', 'said', 'on', 'Thursday', 'December 8', 'Feb. 30', '2024', '1,905', 'about 2,000', 'numerous',
  'a number of', 'critics say', '“', '”', '"', '‘', '’', "'", '(', ')', '.', ',', '…', '...', ' - ', ' – ', '\n', '\n\n',
  '# ', '## ', '- ', '> ', '<!-- newslint-disable -->', '<p>', '</p>', '<h1>', '<br>', '&amp;', '---\n', 'title: x\n',
  'By Jo Ng', 'SEOUL (Reuters) - ', '\r\n', '\t', '$5bn', '3 mln dlrs', 'pct', 'a commitment.', 'of.', '🙂', 'é', '\u200b'
)

const article = fc.oneof(
  fc.string({maxLength: 400}),
  fc.string({unit: 'binary', maxLength: 200}),
  fc.array(newsy, {maxLength: 120}).map((parts) => parts.join(' ')),
  fc.array(newsy, {maxLength: 120}).map((parts) => parts.join(''))
)

function checkPositions(file: VFile) {
  const length = String(file.value).length
  const lines = String(file.value).split(/\r\n|\r|\n/).length
  for (const message of file.messages) {
    const place = message.place as {start?: {offset?: number; line: number}; end?: {offset?: number; line: number}} | undefined
    if (!place || !place.start || !place.end) continue
    expect(place.start.offset).toBeGreaterThanOrEqual(0)
    expect(place.end.offset!).toBeLessThanOrEqual(length)
    expect(place.start.offset!).toBeLessThanOrEqual(place.end.offset!)
    expect(place.start.line).toBeGreaterThanOrEqual(1)
    expect(place.end.line).toBeLessThanOrEqual(lines)
  }
}

describe('linting arbitrary input', () => {
  for (const extname of ['txt', 'md', 'html']) {
    it(`never throws and keeps positions inside the file (.${extname})`, () => {
      fc.assert(
        fc.property(article, (value) => {
          const file = lintSync(new VFile({path: `x.${extname}`, value}), {}, processor)
          checkPositions(file)
        }),
        {numRuns: 150}
      )
    })
  }
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), (bytes) => {
        const file = lintSync(new VFile({path: 'x.txt', value: bytes}), {}, processor)
        checkPositions(file)
      }),
      {numRuns: 150}
    )
  })
})

/** `NEWSLINT_PROPERTY_RUNS=20000 npx vitest run tests/property.test.ts` for a deeper search. */
const deepRuns = (runs: number) => Number(process.env.NEWSLINT_PROPERTY_RUNS ?? runs)

describe('the placed tokenizer', () => {
  const text = fc.oneof(
    fc.string({maxLength: 300}),
    fc.string({unit: 'binary', maxLength: 200}),
    fc.string({unit: 'grapheme', maxLength: 200}),
    fc.array(fc.constantFrom('\r', '\n', '\r\n', '\uD83D', '\uDE42', '🙂🙂', '--', '——', '...', '$$', ' ', 'Mr.', 'U.S.', "don't", 'e-mail', '½'), {maxLength: 60}).map((parts) => parts.join('')),
    fc.array(newsy, {maxLength: 80}).map((parts) => parts.join(' ')),
    // Words glued by the symbols parse-english merges on: "U.S.", "AT&T", "e-mail", "w/o", "rock'n'roll", "3.5.".
    fc
      .array(fc.constantFrom('U', 'S', 'a', 'b', 'etc', 'Mr', 'w', 'n', '3', '12', 'x', 'The', ' ', ' ', '  ', '\n', '\n\n', '.', '.', '. ', '..', '...', ',', ';', '&', "'", '’', '-', '--', '/', ':', '=', '?', '@', '_', '!', '…', '(', ')', '"'), {maxLength: 60})
      .map((parts) => parts.join(''))
  )
  const english = new ParseEnglish()

  it('copies parse-latin and parse-english expressions exactly (src/article/plugins.ts)', () => {
    const read = (file: string) => fs.readFileSync(path.join('node_modules', file), 'utf8')
    const literal = (source: string, name: string) => new RegExp(`const ${name} =\\s*(/.*?/)\\n`).exec(source)?.[1]
    const ours = fs.readFileSync('src/article/plugins.ts', 'utf8')
    for (const [file, names] of [
      ['parse-latin/lib/expressions.js', ['wordSymbolInner', 'terminalMarker', 'numerical']],
      ['parse-english/lib/regex.js', ['elisionPrefix', 'elisionAffix']],
      ['parse-english/lib/index.js', ['apostrophe']]
    ] as const) {
      for (const name of names) {
        expect(literal(ours, name), name).toBeDefined()
        expect(literal(ours, name), name).toBe(literal(read(file), name))
      }
    }
  })

  it.each(['word. . next', 'x. .', 'U.S. and U.K. officials met.', 'e-mail, AT&T; 3.5.', 'w/ and w/o', "rock 'n' roll", 'etc. and so on.', 'x.y.z. Next', '... . ..', "’twas the '90s", 'pre- and post-war', 'a.m. or p.m.?', "o' the 'n' w/ W/o", "1.2.3. and 4.5.", "A.B.C.'s -- end-"])(
    'builds the tree parse-english builds for %j',
    (value) => {
      expect(new PlacedParser().parse(value)).toEqual(english.parse(value))
    }
  )

  it('builds the tree parse-english builds', () => {
    const placed = new PlacedParser()
    fc.assert(
      fc.property(text, (value) => {
        expect(placed.parse(value)).toEqual(english.parse(value))
      }),
      {numRuns: deepRuns(400)}
    )
  })

  it('places every point at its origin, as if the text started there', () => {
    const placed = new PlacedParser()
    fc.assert(
      fc.property(text, fc.integer({min: 1, max: 40}), fc.integer({min: 1, max: 30}), fc.integer({min: 0, max: 5000}), (value, line, column, offset) => {
        // parse-english's tokens, each point moved: lines down, columns right on the first line, offsets on.
        const move = (point: {line: number; column: number; offset?: number}) => ({
          line: point.line + line - 1,
          column: point.line === 1 ? point.column + column - 1 : point.column,
          offset: point.offset! + offset
        })
        const expected = english.tokenize(value).map((node) => ({start: move(node.position!.start), end: move(node.position!.end)}))
        placed.origin = {line, column, offset}
        expect(placed.tokenize(value).map((node) => node.position)).toEqual(expected)
      }),
      {numRuns: deepRuns(300)}
    )
  })
})
