/**
 * The `newslint` command. File discovery, globs, ignore files and stdin come
 * from unified-engine; configuration, reporting and exit codes are
 * newslint's own, so that a configuration error is one clear line and
 * exit code 2 (unified-args alone only knows 0 and 1).
 */
import path from 'node:path'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {createProcessor} from '../processor.js'
import {ConfigError, findConfig, loadConfigFile, resolveConfig, type ResolvedConfig} from '../config/index.js'
import {allRules} from '../../rules/index.js'
import {reportJson} from '../report/json.js'
import {reportText} from '../report/text.js'
import {reportSarif} from '../report/sarif.js'
import {reportGithub} from '../report/github.js'
import {severityOfMessage} from '../message.js'
import {helpText} from './help.js'
import {parseFlags, parseSize, UsageError} from './args.js'

export {parseSize} from './args.js'
import pkg from '../version.js'

export const EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm']
const reporters = ['text', 'json', 'sarif', 'github'] as const
type ReporterName = (typeof reporters)[number]

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
  cwd: string
  env: NodeJS.ProcessEnv
  isTTY: boolean
}

function parse(argv: string[]) {
  return parseFlags(argv, {
    reporter: {type: 'string', short: 'r'},
    date: {type: 'string'},
    config: {type: 'string', short: 'c'},
    'no-config': {type: 'boolean'},
    rule: {type: 'string', multiple: true},
    'stdin-filename': {type: 'string'},
    'ignore-path': {type: 'string'},
    'no-ignore': {type: 'boolean'},
    'max-size': {type: 'string'},
    quiet: {type: 'boolean', short: 'q'},
    silent: {type: 'boolean', short: 's'},
    frail: {type: 'boolean', short: 'f'},
    'list-rules': {type: 'boolean'},
    color: {type: 'boolean'},
    'no-color': {type: 'boolean'},
    version: {type: 'boolean', short: 'v'},
    help: {type: 'boolean', short: 'h'}
  })
}

function applyRuleFlags(config: ResolvedConfig, flags: string[] | undefined): ResolvedConfig {
  if (!flags?.length) return config
  const rules: Record<string, string> = {}
  for (const flag of flags) {
    const match = /^([\w:/-]+)=(off|info|warn|error)$/.exec(flag)
    if (!match) throw new UsageError(`--rule: expected id=level (off, info, warn, error), not '${flag}'`)
    rules[match[1]] = match[2]
  }
  const overrides = resolveConfig({preset: 'none', rules}, '--rule')
  const levels = new Map(overrides.rules.filter((r) => r.level !== 'off' || rules[r.rule.meta.id] === 'off').map((r) => [r.rule.meta.id, r.level]))
  return {...config, rules: config.rules.map((r) => (levels.has(r.rule.meta.id) ? {...r, level: levels.get(r.rule.meta.id)!} : r))}
}

function listRules(reporter: ReporterName): string {
  if (reporter === 'json') {
    return JSON.stringify(allRules.map((r) => ({id: r.meta.id, category: r.meta.category, level: r.meta.level, recommended: r.meta.recommended, description: r.meta.description, docs: r.meta.docs, origin: r.meta.origin})), undefined, 2)
  }
  const width = Math.max(...allRules.map((r) => r.meta.id.length))
  return allRules
    .map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.category.padEnd(11)}  ${(r.meta.recommended ? r.meta.level : 'off').padEnd(5)}  ${r.meta.description}`)
    .join('\n')
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'audit') {
    const {runAudit} = await import('../audit/cli.js')
    return runAudit(argv.slice(1), io)
  }
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (error) {
    io.stderr.write(`newslint: ${(error as Error).message}\nRun 'newslint --help' for usage.\n`)
    return 2
  }
  const values = args.values
  if (values.help) {
    io.stdout.write(helpText)
    return 0
  }
  if (values.version) {
    io.stdout.write(`${pkg.version}\n`)
    return 0
  }
  try {
    const reporter = (values.reporter ?? 'text') as ReporterName
    if (!reporters.includes(reporter)) throw new UsageError(`--reporter: expected one of ${reporters.join(', ')}, not '${reporter}'`)
    if (values['list-rules']) {
      io.stdout.write(listRules(reporter) + '\n')
      return 0
    }
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: expected YYYY-MM-DD, not '${values.date}'`)
    if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot go together')
    const maxBytes = values['max-size'] ? parseSize(values['max-size']) : undefined

    let fixed: ResolvedConfig | undefined
    if (values.config) {
      const file = path.resolve(io.cwd, values.config)
      fixed = loadConfigFile(file)
      if (!fixed) throw new ConfigError(file, '', 'no "newslint" field in this package.json')
    } else if (values['no-config']) {
      fixed = resolveConfig({})
    } else {
      // Fail early, with one line, when the configuration that applies here is broken.
      findConfig(io.cwd)
    }
    const ruleFlags = values.rule
    if (ruleFlags?.length) applyRuleFlags(fixed ?? resolveConfig({}), ruleFlags)
    const configFor = (file: VFile): ResolvedConfig => {
      const base = fixed ?? findConfig(file.path ? path.dirname(path.resolve(file.cwd, file.path)) : io.cwd) ?? resolveConfig({})
      return applyRuleFlags(base, ruleFlags)
    }

    const processor = createProcessor({configFor, date: values.date, maxBytes})
    const files = await new Promise<{code: number; files: VFile[]}>((resolve, reject) => {
      engine(
        {
          processor,
          cwd: io.cwd,
          files: args.positionals,
          extensions: EXTENSIONS,
          filePath: values['stdin-filename'],
          streamIn: io.stdin,
          streamOut: io.stdout,
          streamError: io.stderr,
          out: false,
          detectConfig: false,
          ignoreName: values['no-ignore'] ? undefined : '.newslintignore',
          detectIgnore: !values['no-ignore'],
          ignorePath: values['ignore-path'],
          silentlyIgnore: args.positionals.length > 0 && args.positionals.every((p) => /[*?[{]/.test(p)),
          reporter: () => '',
          quiet: true,
          color: false
        },
        (error, code, context) => {
          if (error) reject(error)
          else resolve({code: code ?? 0, files: (context?.files ?? []) as VFile[]})
        }
      )
    })

    let inputProblem = false
    let failing = false
    for (const file of files.files) {
      for (const message of file.messages) {
        if (!message.ruleId || message.ruleId === 'config-error' || (message.source === 'newslint' && file.data.inputError)) {
          if (message.fatal) inputProblem = true
        }
        // unified-engine's own errors (no such file) come with stacks: keep the reason only.
        if (!message.ruleId) {
          message.ruleId = 'input-error'
          message.source = 'newslint'
          message.stack = undefined
          message.cause = undefined
        }
        const severity = severityOfMessage(message)
        if (severity === 'error' || (values.frail && severity === 'warning')) failing = true
      }
      if (values.silent) file.messages = file.messages.filter((m) => m.fatal === true)
      else if (values.quiet) file.messages = file.messages.filter((m) => m.fatal !== undefined)
    }
    const shown = values.quiet || values.silent ? files.files.filter((f) => f.messages.length > 0) : files.files
    const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR
    let report: string
    if (reporter === 'json') report = reportJson(shown)
    else if (reporter === 'sarif') report = reportSarif(files.files, {root: io.cwd})
    else if (reporter === 'github') report = reportGithub(shown, {root: io.cwd, summaryPath: io.env.GITHUB_STEP_SUMMARY})
    else report = reportText(shown, {color})
    if (report) {
      // Machine-readable reports go to stdout; the human report to stderr, as unified-engine does.
      ;(reporter === 'text' ? io.stderr : io.stdout).write(report.endsWith('\n') ? report : report + '\n')
    }
    if (files.files.length === 0 && args.positionals.length > 0) {
      io.stderr.write('newslint: no articles found (looked for .txt, .md, .html)\n')
      return 2
    }
    return inputProblem ? 2 : failing ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`newslint: ${error.message}\nRun 'newslint --help' for usage.\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`newslint: configuration error: ${error.message}\n`)
      return 2
    }
    io.stderr.write(`newslint: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the article that caused it.\n`)
    if (io.env.NEWSLINT_DEBUG) io.stderr.write(String((error as Error)?.stack) + '\n')
    return 2
  }
}
