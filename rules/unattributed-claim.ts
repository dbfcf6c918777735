/**
 * unattributed-claim: Claims that need a source and have none, and weasel attribution.
 * Documentation: rules/unattributed-claim.md. (Being built: see its issue.)
 */
import {defineRule} from '../src/rule.js'

export default defineRule(
  {
    id: 'unattributed-claim',
    category: 'attribution',
    description: 'Claims that need a source and have none, and weasel attribution.',
    level: 'warn',
    recommended: true,
    defaults: {}
  },
  () => {}
)
