/**
 * inconsistent-figure: The same quantity given different values.
 * Documentation: rules/inconsistent-figure.md. (Being built: see its issue.)
 */
import {defineRule} from '../src/rule.js'

export default defineRule(
  {
    id: 'inconsistent-figure',
    category: 'figures',
    description: 'The same quantity given different values.',
    level: 'warn',
    recommended: true,
    defaults: {}
  },
  () => {}
)
