/**
 * newslint's library API.
 *
 *     import {lint} from 'newslint'
 *     const file = await lint({path: 'story.md', value: text}, {date: '2024-12-20'})
 *     for (const message of file.messages) console.log(message.ruleId, message.reason)
 */
import {VFile, type Compatible} from 'vfile'
import {createProcessor, type ProcessorOptions} from './processor.js'

export {createProcessor, type ProcessorOptions} from './processor.js'
export {resolveConfig, findConfig, loadConfigFile, ConfigError, type NewslintConfig, type ResolvedConfig} from './config/index.js'
export {allRules, ruleById} from '../rules/index.js'
export {defineRule, type Rule, type RuleMeta, type RuleContext} from './rule.js'
export {createMessage, docsUrl, messageData, severityOfMessage, type ReportInput, type Severity, type Level} from './message.js'
export {articleOf, modelOf, newslintParse} from './article/index.js'
export type * from './article/types.js'
export {recommended} from './preset.js'

/** Lint one article: a string, a VFile, or `{path, value}`. Never throws on bad input. */
export async function lint(input: Compatible, options: ProcessorOptions = {}): Promise<VFile> {
  const file = input instanceof VFile ? input : new VFile(input)
  const processor = createProcessor(options)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}

/** Synchronous variant of `lint` for hot paths (language server, audit workers). */
export function lintSync(input: Compatible, options: ProcessorOptions = {}, processor = createProcessor(options)): VFile {
  const file = input instanceof VFile ? input : new VFile(input)
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  return file
}
