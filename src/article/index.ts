/**
 * The article model, computed once per file by the newslint parser, or
 * rebuilt from any retext-english tree when a rule runs in someone else's
 * pipeline.
 */
import type {Root, Paragraph as NlcstParagraph} from 'nlcst'
import type {VFile} from 'vfile'
import {assignZones, type Block} from './blocks.js'
import {buildArticle} from './model.js'
import type {Article} from './types.js'

export * from './types.js'
export {parseArticle, newslintParse, type ParseOptions} from './parse.js'
export {quotationAt} from './quotes.js'
export {closingRun} from './model.js'

/** The article model of a file, built from `tree` if the newslint parser did not run. */
export function articleOf(tree: Root, file: VFile): Article {
  if (file.data.article) return file.data.article
  const text = String(file.value ?? '')
  const paragraphs = tree.children.filter((c): c is NlcstParagraph => c.type === 'ParagraphNode')
  const blocks: Block[] = paragraphs.map((p) => ({
    start: p.position?.start.offset ?? 0,
    end: p.position?.end.offset ?? 0,
    kind: 'paragraph'
  }))
  assignZones(blocks, text, false)
  const article = buildArticle({text, format: 'text', blocks, blockParagraphs: paragraphs.map((p) => [p]), meta: {}, published: undefined})
  file.data.article = article
  return article
}

/**
 * A model computed once per file and cached on `file.data` (dates, figures,
 * attribution…). Rules ask for models; models know only the article.
 */
export function modelOf<T>(file: VFile, key: string, build: (article: Article) => T): T {
  const data = file.data as Record<string, unknown>
  const cache = (data.models ??= new Map<string, unknown>()) as Map<string, unknown>
  if (cache.has(key)) return cache.get(key) as T
  const article = file.data.article
  if (!article) throw new Error(`newslint: model '${key}' asked for before the article was read`)
  const value = build(article)
  cache.set(key, value)
  return value
}
