/**
 * Configuration: what a newsroom writes in `.newslintrc`, `.newslintrc.json`,
 * `.newslintrc.yml`, `.newslintrc.yaml` or `package.json#newslint`.
 *
 *     {
 *       "preset": "recommended",
 *       "rules": {
 *         "unattributed-claim": "error",
 *         "truncated-sentence": ["warn", {"complementNouns": ["pledge"]}],
 *         "repeated-words": "off"
 *       }
 *     }
 *
 * The nearest configuration file above an article wins. Every key is
 * validated; a mistake is one clear line naming the file and the key.
 */
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import {Ajv, type ValidateFunction} from 'ajv'
import {allRules, ruleById} from '../../rules/index.js'
import type {Level} from '../message.js'
import {normaliseSetting, type Rule} from '../rule.js'

export const CONFIG_FILES = ['.newslintrc', '.newslintrc.json', '.newslintrc.yml', '.newslintrc.yaml', 'package.json']
const MAX_CONFIG_BYTES = 1024 * 1024
const levels = new Set<Level>(['off', 'info', 'warn', 'error'])
const topLevelKeys = new Set(['$schema', 'preset', 'rules', 'date', 'maxSize'])

export type Preset = 'recommended' | 'all' | 'none'

export interface NewslintConfig {
  preset?: Preset
  rules?: Record<string, unknown>
  /** Publication date for every article under this config (rarely useful; prefer metadata). */
  date?: string
  /** Size limit for one article, in bytes. */
  maxSize?: number
}

export interface ConfiguredRule {
  rule: Rule<any>
  level: Level
  options: Record<string, unknown>
}

export interface ResolvedConfig {
  /** The file the configuration came from, if any. */
  source?: string
  rules: ConfiguredRule[]
  date?: string
  maxSize?: number
}

export class ConfigError extends Error {
  file: string
  key: string
  constructor(file: string, key: string, message: string) {
    super(`${file}${key ? `: ${key}` : ''}: ${message}`)
    this.name = 'ConfigError'
    this.file = file
    this.key = key
  }
}

let ajv: Ajv | undefined
const validators = new Map<string, ValidateFunction>()

function validatorFor(rule: Rule<any>): ValidateFunction | undefined {
  if (!rule.meta.schema) return undefined
  let validate = validators.get(rule.meta.id)
  if (!validate) {
    ajv ??= new Ajv({allErrors: false, strict: false})
    validate = ajv.compile({type: 'object', additionalProperties: false, ...rule.meta.schema})
    validators.set(rule.meta.id, validate)
  }
  return validate
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

/** Validate a raw configuration object and resolve it against the rule registry. */
export function resolveConfig(raw: unknown, source = '<config>'): ResolvedConfig {
  if (raw === undefined || raw === null) raw = {}
  if (!isPlainObject(raw)) throw new ConfigError(source, '', 'expected an object of settings (preset, rules)')
  for (const key of Object.keys(raw)) {
    if (forbiddenKeys.has(key)) throw new ConfigError(source, key, 'this key is not allowed')
    if (!topLevelKeys.has(key)) {
      throw new ConfigError(source, key, `unknown setting; expected one of: ${[...topLevelKeys].filter((k) => k !== '$schema').join(', ')}`)
    }
  }
  const config = raw as NewslintConfig
  const preset = config.preset ?? 'recommended'
  if (preset !== 'recommended' && preset !== 'all' && preset !== 'none') {
    throw new ConfigError(source, 'preset', `unknown preset '${String(preset)}'; expected recommended, all or none`)
  }
  if (config.date !== undefined && (typeof config.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(config.date))) {
    throw new ConfigError(source, 'date', 'expected a date as YYYY-MM-DD')
  }
  if (config.maxSize !== undefined && (typeof config.maxSize !== 'number' || !(config.maxSize > 0))) {
    throw new ConfigError(source, 'maxSize', 'expected a positive number of bytes')
  }
  const settings = new Map<string, ConfiguredRule>()
  for (const rule of allRules) {
    const on = preset === 'all' || (preset === 'recommended' && rule.meta.recommended)
    const {level, options} = normaliseSetting(rule.meta, undefined)
    settings.set(rule.meta.id, {rule, level: on ? level : 'off', options: options as Record<string, unknown>})
  }
  if (config.rules !== undefined) {
    if (!isPlainObject(config.rules)) throw new ConfigError(source, 'rules', 'expected an object of rule ids to levels')
    for (const [id, value] of Object.entries(config.rules)) {
      const key = `rules.${id}`
      if (forbiddenKeys.has(id)) throw new ConfigError(source, key, 'this key is not allowed')
      const rule = ruleById(id)
      if (!rule) throw new ConfigError(source, key, `unknown rule '${id}' (see newslint --list-rules)`)
      let level: Level
      let options: unknown
      if (typeof value === 'string') level = value as Level
      else if (Array.isArray(value) && value.length >= 1 && value.length <= 2) {
        level = value[0] as Level
        options = value[1]
      } else if (value === false) level = 'off'
      else if (value === true) level = rule.meta.level
      else throw new ConfigError(source, key, `expected a level (off, info, warn, error) or [level, options]`)
      if (!levels.has(level)) throw new ConfigError(source, key, `unknown level '${String(level)}'; expected off, info, warn or error`)
      if (options !== undefined) {
        if (!isPlainObject(options)) throw new ConfigError(source, key, 'options must be an object')
        const validate = validatorFor(rule)
        if (!validate) {
          if (Object.keys(options).length > 0) throw new ConfigError(source, key, 'this rule takes no options')
        } else if (!validate(options)) {
          const error = validate.errors?.[0]
          const where = error?.instancePath ? `${key}${error.instancePath.replace(/\//g, '.')}` : key
          const detail = error?.keyword === 'additionalProperties'
            ? `unknown option '${String((error.params as {additionalProperty: string}).additionalProperty)}'`
            : `option ${error?.message ?? 'is not valid'}`
          throw new ConfigError(source, where, detail)
        }
      }
      settings.set(id, {rule, level, options: {...rule.meta.defaults, ...(options as Record<string, unknown> | undefined)}})
    }
  }
  return {source: source === '<config>' ? undefined : source, rules: [...settings.values()], date: config.date, maxSize: config.maxSize}
}

/** Read and validate one configuration file. */
export function loadConfigFile(file: string): ResolvedConfig | undefined {
  const name = path.basename(file)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    throw new ConfigError(file, '', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  if (!stat.isFile()) throw new ConfigError(file, '', 'not a file')
  if (stat.size > MAX_CONFIG_BYTES) throw new ConfigError(file, '', 'too large for a configuration file (over 1 MB)')
  const text = fs.readFileSync(file, 'utf8')
  let raw: unknown
  try {
    if (name === 'package.json') {
      const pkg = JSON.parse(text) as Record<string, unknown>
      if (!isPlainObject(pkg) || !('newslint' in pkg)) return undefined
      raw = pkg.newslint
    } else if (/\.ya?ml$/.test(name)) {
      raw = YAML.parse(text, {maxAliasCount: 20, prettyErrors: false})
    } else {
      // `.newslintrc` may be JSON or YAML.
      const trimmed = text.trim()
      raw = trimmed.startsWith('{') || name.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, {maxAliasCount: 20})
    }
  } catch (error) {
    throw new ConfigError(file, '', `cannot parse: ${String((error as Error).message).split('\n')[0]}`)
  }
  return resolveConfig(raw, file)
}

const byDirectory = new Map<string, ResolvedConfig | null>()

/** The nearest configuration file above `directory`, resolved; undefined when there is none. */
export function findConfig(directory: string): ResolvedConfig | undefined {
  const dir = path.resolve(directory)
  if (byDirectory.has(dir)) return byDirectory.get(dir) ?? undefined
  let found: ResolvedConfig | undefined
  for (const name of CONFIG_FILES) {
    const candidate = path.join(dir, name)
    if (fs.existsSync(candidate)) {
      found = loadConfigFile(candidate)
      if (found) break
    }
  }
  if (!found) {
    const parent = path.dirname(dir)
    found = parent === dir ? undefined : findConfig(parent)
  }
  byDirectory.set(dir, found ?? null)
  return found
}

/** Forget cached configuration (the language server calls this when a config file changes). */
export function clearConfigCache(): void {
  byDirectory.clear()
}

export const defaultConfig = (): ResolvedConfig => resolveConfig({})

export {allRules}
