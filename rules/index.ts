/**
 * The rule registry: newslint's own rules and the retext plugins it wraps.
 */
import retextRepeatedWords from 'retext-repeated-words'
import retextRedundantAcronyms from 'retext-redundant-acronyms'
import retextIndefiniteArticle from 'retext-indefinite-article'
import type {Rule} from '../src/rule.js'
import {wrapRetextPlugin} from '../src/wrap.js'
import truncatedSentence from './truncated-sentence.js'
import inconsistentDate from './inconsistent-date.js'
import dateFormat from './date-format.js'
import unattributedClaim from './unattributed-claim.js'
import missingFigure from './missing-figure.js'
import inconsistentFigure from './inconsistent-figure.js'

export const repeatedWords = wrapRetextPlugin(
  {id: 'repeated-words', category: 'style', description: 'Warn on a word typed twice in a row (“the the”).', level: 'warn', recommended: true, origin: 'retext-repeated-words'},
  retextRepeatedWords,
  undefined,
  // Only sentences with a word twice in a row.
  (article) => article.sentences.filter((s) => s.words.some((w, i) => i > 0 && w.lower === s.words[i - 1].lower))
)
export const redundantAcronyms = wrapRetextPlugin(
  {id: 'redundant-acronyms', category: 'style', description: 'Warn on an acronym followed by a word it contains (“ATM machine”).', level: 'warn', recommended: false, origin: 'retext-redundant-acronyms'},
  retextRedundantAcronyms
)
export const indefiniteArticle = wrapRetextPlugin(
  {id: 'indefinite-article', category: 'style', description: 'Warn on “a” before a vowel sound and “an” before a consonant sound.', level: 'warn', recommended: false, origin: 'retext-indefinite-article'},
  retextIndefiniteArticle
)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allRules: Rule<any>[] = [
  truncatedSentence,
  inconsistentDate,
  dateFormat,
  unattributedClaim,
  missingFigure,
  inconsistentFigure,
  repeatedWords,
  redundantAcronyms,
  indefiniteArticle
]

const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]))

export function ruleById(id: string): Rule<any> | undefined {
  return byId.get(id.replace(/^newslint[:/]/, ''))
}
