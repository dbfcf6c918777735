import {PassThrough, Readable} from 'node:stream'
import {run} from '../src/cli/index.js'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with captured streams. */
export async function cli(argv: string[], options: {cwd: string; stdin?: string; env?: NodeJS.ProcessEnv}): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk) => (out += chunk))
  stderr.on('data', (chunk) => (err += chunk))
  const stdin = options.stdin === undefined ? Object.assign(Readable.from([]), {isTTY: true}) : Readable.from([options.stdin])
  const code = await run(argv, {stdout, stderr, stdin, cwd: options.cwd, env: options.env ?? {}, isTTY: false})
  return {code, stdout: out, stderr: err}
}
