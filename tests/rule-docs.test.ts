/**
 * Every rule has documentation in `rules/<id>.md`, and its examples run.
 *
 * An example is a code block (```text, ```markdown or ```html) followed by a
 * ```messages block, one message a line:
 *
 *     3:41-3:54 warning 'a commitment' usually takes a complement
 *
 * (start-end, severity, then the start of the message). An empty
 * ```messages block states that the example is quiet.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {lintWith} from './helpers.js'
import {severityOfMessage} from '../src/message.js'

const rulesDir = path.resolve(import.meta.dirname, '../rules')

interface Example {
  lang: string
  code: string
  messages: string[]
}

export function examplesOf(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({lang: m[1], body: m[2]}))
  const examples: Example[] = []
  for (let i = 0; i < blocks.length - 1; i++) {
    if (['text', 'markdown', 'html'].includes(blocks[i].lang) && blocks[i + 1].lang === 'messages') {
      examples.push({lang: blocks[i].lang, code: blocks[i].body, messages: blocks[i + 1].body.split('\n').filter((l) => l.trim())})
      i++
    }
  }
  return examples
}

describe('rule documentation', () => {
  for (const rule of allRules) {
    const id = rule.meta.id
    describe(id, () => {
      const docPath = path.join(rulesDir, `${id}.md`)
      it('has a doc page that names the rule and its options', () => {
        expect(fs.existsSync(docPath), `${docPath} is missing`).toBe(true)
        const doc = fs.readFileSync(docPath, 'utf8')
        expect(doc.startsWith(`# ${id}`)).toBe(true)
        expect(rule.meta.docs.endsWith(`/rules/${id}.md`)).toBe(true)
        for (const option of Object.keys(rule.meta.defaults)) expect(doc, `option ${option} undocumented`).toContain(`\`${option}\``)
      })
      const doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : ''
      const examples = examplesOf(doc)
      it('has a flagged example and a quiet example', () => {
        expect(examples.some((e) => e.messages.length > 0)).toBe(true)
        expect(examples.some((e) => e.messages.length === 0)).toBe(true)
      })
      examples.forEach((example, n) => {
        it(`example ${n + 1} (${example.messages.length ? 'flagged' : 'quiet'})`, () => {
          const ext = example.lang === 'markdown' ? 'md' : example.lang === 'html' ? 'html' : 'txt'
          const file = lintWith(example.code, `example.${ext}`, {[id]: rule.meta.level})
          const actual = file.messages
            .filter((m) => m.ruleId === id)
            .map((m) => {
              const place = m.place as {start: {line: number; column: number}; end: {line: number; column: number}}
              return {where: `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`, severity: severityOfMessage(m), reason: m.reason}
            })
          const expected = example.messages.map((line) => {
            const match = /^(\d+:\d+-\d+:\d+)\s+(error|warning|info)\s+(.*)$/.exec(line.trim())
            if (!match) throw new Error(`Bad messages line in ${id}.md: ${line}`)
            return {where: match[1], severity: match[2], reason: match[3].replace(/…$/, '')}
          })
          expect(actual.map((a) => `${a.where} ${a.severity}`)).toEqual(expected.map((e) => `${e.where} ${e.severity}`))
          actual.forEach((a, i) => expect(a.reason.startsWith(expected[i].reason), `"${a.reason}" should start with "${expected[i].reason}"`).toBe(true))
        })
      })
    })
  }
})
