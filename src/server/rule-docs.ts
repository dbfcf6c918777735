/**
 * A rule's short documentation for hovers: its description from `meta` and
 * the first paragraph of `rules/<id>.md` when there is one.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ruleById} from '../../rules/index.js'
import {docsUrl} from '../message.js'

export interface RuleDocumentation {
  id: string
  description: string | undefined
  /** The first paragraph of the rule's Markdown documentation. */
  summary: string | undefined
  url: string
}

/** The folder of the package (sources and build sit at different depths). */
function packageRoot(): string | undefined {
  let directory = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (fs.existsSync(path.join(directory, 'package.json')) && fs.existsSync(path.join(directory, 'rules'))) return directory
    const parent = path.dirname(directory)
    if (parent === directory) return undefined
    directory = parent
  }
}

let root: string | undefined | null = null
const cache = new Map<string, RuleDocumentation | undefined>()

/** The first prose paragraph of a Markdown document (after the title). */
export function firstParagraph(markdown: string): string | undefined {
  const paragraphs = markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)
  for (const paragraph of paragraphs) {
    const trimmed = paragraph.trim()
    if (!trimmed || /^(#|```|~~~|<!--|[*+-] |\||>)/.test(trimmed)) continue
    return trimmed.replace(/\s*\n\s*/g, ' ')
  }
  return undefined
}

export function ruleDocumentation(id: string): RuleDocumentation | undefined {
  if (cache.has(id)) return cache.get(id)
  const rule = ruleById(id)
  let documentation: RuleDocumentation | undefined
  if (rule) {
    if (root === null) root = packageRoot()
    let summary: string | undefined
    if (root && /^[a-z0-9-]+$/.test(rule.meta.id)) {
      try {
        summary = firstParagraph(fs.readFileSync(path.join(root, 'rules', `${rule.meta.id}.md`), 'utf8'))
      } catch {
        // No documentation page yet: the description alone.
      }
    }
    documentation = {id: rule.meta.id, description: rule.meta.description, summary, url: rule.meta.docs ?? docsUrl(rule.meta.id)}
  }
  cache.set(id, documentation)
  return documentation
}

/** Forget read documentation (rules/*.md may change while a server runs from a checkout). */
export function clearRuleDocumentation(): void {
  cache.clear()
}

/** The hover text for a rule, in Markdown. */
export function hoverMarkdown(documentation: RuleDocumentation): string {
  const parts = [`**newslint: ${documentation.id}**`]
  if (documentation.description) parts.push(documentation.description)
  if (documentation.summary && documentation.summary !== documentation.description) parts.push(documentation.summary)
  parts.push(`[Rule documentation](${documentation.url})`)
  return parts.join('\n\n')
}
