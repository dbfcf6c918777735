/**
 * truncated-sentence: Sentences and paragraphs cut short in editing.
 * Documentation: rules/truncated-sentence.md. (Being built: see its issue.)
 */
import {defineRule} from '../src/rule.js'

export default defineRule(
  {
    id: 'truncated-sentence',
    category: 'truncation',
    description: 'Sentences and paragraphs cut short in editing.',
    level: 'warn',
    recommended: true,
    defaults: {}
  },
  () => {}
)
