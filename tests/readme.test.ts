/** The README stays true to the code: its editor snippets are the tested ones, its commands exist. */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {allRules} from '../rules/index.js'
import {helpText} from '../src/cli/help.js'

const root = path.resolve(import.meta.dirname, '..')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')

describe('README', () => {
  it('has the two quick-start commands and CI runs the test command', () => {
    expect(readme).toContain('npm ci && npx newslint examples/harbour-strike.md')
    expect(readme).toMatch(/^npm test$/m)
    expect(fs.existsSync(path.join(root, 'examples/harbour-strike.md'))).toBe(true)
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8')
    expect(ci).toMatch(/^npm ci$/m)
    expect(ci).toMatch(/^npm test$/m)
  })
  it('lists every rule with its docs page', () => {
    for (const rule of allRules) expect(readme).toContain(`[\`${rule.meta.id}\`](rules/${rule.meta.id}.md)`)
  })
  it('shows only CLI options that --help documents', () => {
    const flags = new Set([...readme.matchAll(/npx newslint[^\n]*?(--[a-z-]+)/g)].map((m) => m[1]))
    for (const flag of flags) expect(helpText, flag).toContain(flag)
  })
  it('has the editor snippets of docs/language-server.md, verbatim', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/language-server.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Editors'), readme.indexOf('## Archive audits'))
    const snippets = [...section.matchAll(/```(?:lua|elisp|toml|json)\n[\s\S]*?```/g)].map((m) => m[0])
    expect(snippets.length).toBe(4)
    for (const snippet of snippets) expect(doc).toContain(snippet)
  })
})
