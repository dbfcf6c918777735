/**
 * The rule framework. A rule is a small module: `meta` in the spirit of
 * ESLint (id, category, description, default level, options schema, docs
 * URL) and a `check` that asks the shared models and reports. `defineRule`
 * turns it into a retext plugin that works in newslint's processor and in
 * anyone's retext pipeline.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {Plugin} from 'unified'
import {createMessage, docsUrl, type Level, type ReportInput} from './message.js'
import {articleOf} from './article/index.js'
import type {Article} from './article/types.js'

export type Category = 'truncation' | 'dates' | 'attribution' | 'figures' | 'style'

/** A JSON Schema (draft-07 subset) for a rule's options. */
export type OptionsSchema = Record<string, unknown>

export interface RuleMeta<Options = Record<string, unknown>> {
  id: string
  category: Category
  description: string
  /** Level when the config does not say. */
  level: Exclude<Level, 'off'>
  /** Options schema; `additionalProperties: false` is assumed. */
  schema?: OptionsSchema
  defaults: Options
  /** Where the rule comes from, for wrapped third-party plugins. */
  origin?: string
  /** In the `recommended` preset. */
  recommended: boolean
}

export interface RuleContext<Options> {
  article: Article
  file: VFile
  tree: Root
  options: Options
  report(input: ReportInput): void
}

/** What a rule takes in a unified pipeline: a level, options, or both. */
export type RuleSetting<Options> = Level | Partial<Options> | [Level, Partial<Options>?] | undefined | null | boolean

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta<Options> & {docs: string}
  check(context: RuleContext<Options>): void
  /** The retext plugin. */
  plugin: Plugin<[RuleSetting<Options>?], Root>
}

export function normaliseSetting<Options>(meta: RuleMeta<Options>, setting: RuleSetting<Options>): {level: Level; options: Options} {
  let level: Level = meta.level
  let options: Partial<Options> | undefined
  if (setting === false) level = 'off'
  else if (typeof setting === 'string') level = setting
  else if (Array.isArray(setting)) {
    level = setting[0]
    options = setting[1]
  } else if (setting && typeof setting === 'object') options = setting
  return {level, options: {...meta.defaults, ...(options ?? {})} as Options}
}

export function runRule<Options>(rule: Rule<Options>, tree: Root, file: VFile, level: Level, options: Options): void {
  if (level === 'off') return
  const article = articleOf(tree, file)
  if (file.data.inputError) return
  rule.check({
    article,
    file,
    tree,
    options,
    report(input) {
      createMessage(file, rule.meta.id, level, input)
    }
  })
}

export function defineRule<Options extends object>(
  meta: RuleMeta<Options>,
  check: (context: RuleContext<Options>) => void
): Rule<Options> {
  const rule: Rule<Options> = {
    meta: {...meta, docs: docsUrl(meta.id)},
    check,
    plugin(setting?: RuleSetting<Options>) {
      const {level, options} = normaliseSetting(meta, setting)
      return (tree: Root, file: VFile) => runRule(rule, tree, file, level, options)
    }
  }
  Object.defineProperty(rule.plugin, 'name', {value: meta.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())})
  return rule
}
