/**
 * Code actions on newslint diagnostics:
 * - apply a replacement the rule suggests (`expected`), as a quick fix;
 * - "Disable <rule> for this paragraph": a control comment
 *   `<!-- newslint-ignore <rule> -->` before the block, in Markdown and HTML
 *   (merged into an ignore comment already there, since only the node right
 *   after a comment is ignored);
 * - "Open the documentation of <rule>": a command the server carries out
 *   with `window/showDocument`.
 */
import type {Root as MdastRoot} from 'mdast'
import {CodeActionKind, type CodeAction, type Diagnostic, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ruleById} from '../../rules/index.js'
import {readMarkdown} from '../article/markdown.js'
import {readHtml} from '../article/html.js'
import type {Format} from '../article/types.js'
import type {DiagnosticData} from './diagnostics.js'

export const OPEN_DOCS_COMMAND = 'newslint.openRuleDocs'

/** Replacements offered per diagnostic, at most. */
const MAX_REPLACEMENTS = 5

export interface ActionInput {
  document: TextDocument
  format: Format
  diagnostics: Diagnostic[]
  /** The Markdown tree of the last lint, when it was for this very version. */
  markdownTree?: MdastRoot
  /** `data` of a published diagnostic like this one, for clients that drop it. */
  dataFor?: (diagnostic: Diagnostic) => DiagnosticData | undefined
}

export function codeActions(input: ActionInput): CodeAction[] {
  const {document} = input
  const actions: CodeAction[] = []
  const disabled = new Set<string>()
  for (const diagnostic of input.diagnostics) {
    if (!diagnostic || diagnostic.source !== 'newslint' || typeof diagnostic.code !== 'string') continue
    const ruleId = diagnostic.code
    const data = (isData(diagnostic.data) ? diagnostic.data : undefined) ?? input.dataFor?.(diagnostic)
    const expected = data?.expected?.filter((value): value is string => typeof value === 'string').slice(0, MAX_REPLACEMENTS) ?? []
    const current = document.getText(diagnostic.range)
    const actual = data?.actual ?? current
    // A finding from an older version whose text has changed since: its replacement would land on other words.
    const moved = data?.version !== undefined && data.version !== document.version && data.actual !== undefined && data.actual !== current
    for (const value of moved ? [] : expected) {
      actions.push({
        title: !value ? `Remove “${actual}”` : actual ? `Replace “${actual}” with “${value}”` : `Insert “${value}”`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: expected.length === 1,
        edit: {changes: {[document.uri]: [{range: diagnostic.range, newText: value}]}}
      })
    }
    const rule = ruleById(ruleId)
    if (!rule) continue
    if ((input.format === 'markdown' || input.format === 'html') && !disabled.has(ruleId)) {
      const ignore = ignoreComment(input, document.offsetAt(diagnostic.range.start), rule.meta.id)
      if (ignore) {
        disabled.add(ruleId)
        actions.push({
          title: `Disable ${rule.meta.id} for this ${ignore.block}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {changes: {[document.uri]: [ignore.edit]}}
        })
      }
    }
    const url = diagnostic.codeDescription?.href ?? rule.meta.docs
    if (!actions.some((action) => action.command?.arguments?.[0] === url)) {
      actions.push({
        title: `Open the documentation of ${rule.meta.id}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: {title: `Open the documentation of ${rule.meta.id}`, command: OPEN_DOCS_COMMAND, arguments: [url]}
      })
    }
  }
  return actions
}

function isData(value: unknown): value is DiagnosticData {
  return value !== null && typeof value === 'object' && (Array.isArray((value as DiagnosticData).expected) || 'actual' in value || 'version' in value)
}

const ignorePattern = /<!--\s*newslint-ignore\b([^>]*?)\s*-->/

/** Add `ruleId` to an ignore comment's rules, or undefined when it already ignores it (or every rule). */
function mergeIgnore(comment: string, ruleId: string): string | undefined {
  const rules = (ignorePattern.exec(comment)?.[1] ?? '').split(/[\s,]+/).filter(Boolean)
  if (rules.length === 0 || rules.includes(ruleId)) return undefined
  return `<!-- newslint-ignore ${[...rules, ruleId].join(' ')} -->`
}

/** What an ignore comment before a Markdown node covers, in the action's title. */
const blockNames: Record<string, string> = {list: 'list', 'list-item': 'list item', blockquote: 'quotation', heading: 'heading', table: 'table', caption: 'caption'}

/** The edit that puts an ignore comment for `ruleId` before the block at `offset`, and what the block is. */
function ignoreComment(input: ActionInput, offset: number, ruleId: string): {edit: TextEdit; block: string} | undefined {
  const edit = ignoreEdit(input, offset, ruleId)
  return edit && {edit: edit.edit, block: blockNames[edit.type] ?? 'paragraph'}
}

function ignoreEdit(input: ActionInput, offset: number, ruleId: string): {edit: TextEdit; type: string} | undefined {
  const text = input.document.getText()
  const comment = `<!-- newslint-ignore ${ruleId} -->`
  if (input.format === 'html') {
    let blocks
    try {
      blocks = readHtml(text).blocks
    } catch {
      return undefined
    }
    // The innermost block element (p, li, h1…) around the finding.
    const block = blocks.filter((b) => b.start <= offset && offset < b.end).sort((a, b) => b.start - a.start)[0]
    if (!block) return undefined
    // The comment must touch the element: white space between them would be the node ignored.
    const before = /<!--\s*newslint-ignore\b[^>]*?-->$/.exec(text.slice(Math.max(0, block.start - 500), block.start))
    if (before) {
      const merged = mergeIgnore(before[0], ruleId)
      if (!merged) return undefined
      return {edit: {range: rangeOf(input.document, block.start - before[0].length, block.start), newText: merged}, type: block.kind}
    }
    return {edit: {range: rangeOf(input.document, block.start, block.start), newText: comment}, type: block.kind}
  }
  let tree = input.markdownTree
  if (!tree) {
    try {
      tree = readMarkdown(text).tree
    } catch {
      return undefined
    }
  }
  const node = tree.children.find((child) => (child.position?.start.offset ?? Infinity) <= offset && offset <= (child.position?.end.offset ?? -1))
  if (!node?.position || node.type === 'yaml' || node.type === 'html') return undefined
  const start = node.position.start.offset!
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0]
  const previous = tree.children[tree.children.indexOf(node) - 1]
  if (previous?.type === 'html' && ignorePattern.test(previous.value) && previous.position && text.slice(previous.position.end.offset, lineStart).trim() === '') {
    const merged = mergeIgnore(previous.value, ruleId)
    if (!merged) return undefined
    return {edit: {range: rangeOf(input.document, previous.position.start.offset!, previous.position.end.offset!), newText: merged}, type: node.type}
  }
  return {edit: {range: rangeOf(input.document, lineStart, lineStart), newText: `${indent}${comment}\n`}, type: node.type}
}

function rangeOf(document: TextDocument, start: number, end: number) {
  return {start: document.positionAt(start), end: document.positionAt(end)}
}
