/**
 * Existing retext plugins as newslint rules: their messages get newslint's
 * rule id, source, docs URL and severity, and lose their voice inside direct
 * quotations and outside body copy, as newslint's own rules do.
 */
import {VFile} from 'vfile'
import type {Root} from 'nlcst'
import type {Transformer} from 'unified'
import {defineRule, type Rule, type RuleMeta} from './rule.js'
import {quotationAt} from './article/quotes.js'
import type {Article, Sentence} from './article/types.js'

type RetextPlugin = (options?: any) => Transformer<Root, Root> | void

/**
 * A cheap test, on the article model, of the sentences where the plugin can
 * find anything: the plugin then walks only those (a full walk of every
 * word costs more than the check itself).
 */
export type Candidates = (article: Article) => Sentence[]

export function wrapRetextPlugin(
  meta: Omit<RuleMeta<Record<string, never>>, 'defaults'>,
  plugin: RetextPlugin,
  pluginOptions?: unknown,
  candidates?: Candidates
): Rule<Record<string, never>> {
  let transformer: Transformer<Root, Root> | void | undefined
  return defineRule({...meta, defaults: {}}, ({article, file, tree, report}) => {
    // Attach once: plugins build their word lists when attached.
    transformer ??= plugin.call(undefined as never, pluginOptions)
    if (!transformer) return
    let walked = tree
    if (candidates) {
      const sentences = candidates(article)
      if (sentences.length === 0) return
      walked = {type: 'RootNode', children: [{type: 'ParagraphNode', children: sentences.map((s) => s.node)}]}
    }
    const scratch = new VFile({value: article.text, path: file.path})
    ;(transformer as (tree: Root, file: VFile) => unknown)(walked, scratch)
    for (const message of scratch.messages) {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
      if (start === undefined || end === undefined) continue
      const paragraph = article.paragraphs.find((p) => p.start <= start && start < p.end)
      if (paragraph && paragraph.zone !== 'body' && paragraph.zone !== 'list-item') continue
      report({
        message: message.reason,
        start,
        end,
        quoted: quotationAt(article.quotations, start) !== undefined,
        actual: message.actual,
        expected: message.expected,
        note: meta.origin ? `From ${meta.origin}.` : undefined
      })
    }
  })
}
