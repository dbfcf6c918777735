/**
 * The `recommended` preset for anyone's retext pipeline:
 *
 *     import {retext} from 'retext'
 *     import {recommended} from 'newslint'
 *     await retext().use(recommended).process(text)
 *
 * It adds every recommended newslint rule as a retext plugin. In a plain
 * retext pipeline, the article model is rebuilt from the tree (no front
 * matter or HTML metadata: pass a publication date with newslint's own
 * processor for date checks).
 */
import type {Preset} from 'unified'
import {allRules} from '../rules/index.js'

export const recommended: Preset = {
  plugins: allRules.filter((rule) => rule.meta.recommended).map((rule) => rule.plugin)
}
