/**
 * inconsistent-date: Dates that contradict each other, the calendar or the publication date.
 * Documentation: rules/inconsistent-date.md. (Being built: see its issue.)
 */
import {defineRule} from '../src/rule.js'

export default defineRule(
  {
    id: 'inconsistent-date',
    category: 'dates',
    description: 'Dates that contradict each other, the calendar or the publication date.',
    level: 'warn',
    recommended: true,
    defaults: {}
  },
  () => {}
)
