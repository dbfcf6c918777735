/**
 * missing-figure: Vague quantities where a figure is expected.
 * Documentation: rules/missing-figure.md. (Being built: see its issue.)
 */
import {defineRule} from '../src/rule.js'

export default defineRule(
  {
    id: 'missing-figure',
    category: 'figures',
    description: 'Vague quantities where a figure is expected.',
    level: 'warn',
    recommended: true,
    defaults: {}
  },
  () => {}
)
