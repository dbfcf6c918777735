/**
 * `createProcessor(options)`: the one pipeline every consumer runs (CLI,
 * language server, audit workers, library users).
 */
import {unified, type Processor} from 'unified'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {newslintParse, type ParseOptions} from './article/parse.js'
import {applyControlComments} from './control.js'
import {resolveConfig, type NewslintConfig, type ResolvedConfig, ConfigError} from './config/index.js'
import {runRule} from './rule.js'
import {allRules} from '../rules/index.js'

export interface ProcessorOptions extends ParseOptions {
  /** A configuration object, already resolved or raw (validated here). */
  config?: NewslintConfig | ResolvedConfig
  /** Per-file configuration (the CLI finds the nearest config file). */
  configFor?: (file: VFile) => ResolvedConfig
}

function isResolved(config: NewslintConfig | ResolvedConfig): config is ResolvedConfig {
  return Array.isArray((config as ResolvedConfig).rules)
}

const knownRules = allRules.map((rule) => rule.meta.id)

/** The transformer that runs the configured rules, then control comments. */
function newslintRules(this: Processor, options: ProcessorOptions = {}) {
  // Without a configuration, or a file's own, every file gets the defaults: resolved once.
  const fixed = options.config ? (isResolved(options.config) ? options.config : resolveConfig(options.config)) : options.configFor ? undefined : resolveConfig({})
  return (tree: Root, file: VFile) => {
    if (file.data.inputError) return
    let config: ResolvedConfig
    try {
      config = options.configFor?.(file) ?? fixed ?? resolveConfig({})
    } catch (error) {
      if (error instanceof ConfigError) {
        const message = file.message(error.message, {ruleId: 'config-error', source: 'newslint'})
        message.fatal = true
        return
      }
      throw error
    }
    for (const {rule, level, options: ruleOptions} of config.rules) {
      runRule(rule, tree, file, level, ruleOptions)
    }
    applyControlComments(file, knownRules)
  }
}

function noCompiler(this: Processor) {
  // newslint reports; it writes nothing back.
  ;(this as unknown as {compiler: () => string}).compiler = () => ''
}

export function createProcessor(options: ProcessorOptions = {}) {
  const parseOptions: ParseOptions = {date: options.date, format: options.format, maxBytes: options.maxBytes, paragraphCache: options.paragraphCache}
  if (options.configFor) {
    const configFor = options.configFor
    parseOptions.settingsFor = (file) => {
      const config = configFor(file)
      return {date: config.date, maxBytes: config.maxSize}
    }
  }
  // A configuration may carry a publication date (and a size limit) for every article under it.
  if (options.config && !options.date && options.config.date) parseOptions.date = options.config.date
  if (options.config && options.maxBytes === undefined && options.config.maxSize) parseOptions.maxBytes = options.config.maxSize
  return unified()
    .use(newslintParse, parseOptions)
    .use(newslintRules, options)
    .use(noCompiler)
    .freeze()
}
