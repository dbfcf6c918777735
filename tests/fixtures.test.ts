/**
 * Fixture-driven tests: `fixtures/<rule-id>/<name>.{txt,md,html}` with
 * `<name>.expected.json` stating every message of that rule
 * (`{"date"?: "YYYY-MM-DD", "messages": [{rule, line, column, severity, text}]}`).
 * A quiet fixture states `"messages": []`. The whole recommended preset runs,
 * as a user would run it; only the folder's rule is compared.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintWith, stateMessage, type StatedMessage} from './helpers.js'

const root = path.resolve(import.meta.dirname, '../fixtures')
const folders = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()) : []

describe('fixtures', () => {
  it('has fixtures', () => {
    expect(folders.length).toBeGreaterThan(0)
  })
  for (const folder of folders) {
    const dir = path.join(root, folder)
    const articles = fs.readdirSync(dir).filter((name) => /\.(txt|md|html)$/.test(name))
    describe(folder, () => {
      it('has a quiet fixture and a flagged one', () => {
        const expectations = articles.map((name) => readExpected(dir, name).messages.length)
        expect(expectations.some((n) => n === 0), `${folder} needs a quiet fixture`).toBe(true)
        expect(expectations.some((n) => n > 0), `${folder} needs a flagged fixture`).toBe(true)
      })
      for (const name of articles) {
        it(name, () => {
          const expected = readExpected(dir, name)
          const text = fs.readFileSync(path.join(dir, name), 'utf8')
          const file = lintWith(text, name, undefined, expected.date)
          const actual = file.messages.filter((m) => m.ruleId === folder).map((m) => stateMessage(file, m))
          expect(actual).toEqual(expected.messages)
        })
      }
    })
  }
})

function readExpected(dir: string, name: string): {date?: string; messages: StatedMessage[]} {
  const file = path.join(dir, name.replace(/\.(txt|md|html)$/, '.expected.json'))
  if (!fs.existsSync(file)) throw new Error(`${file} is missing`)
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}
