#!/usr/bin/env node
import {run} from '../dist/src/cli/index.js'

process.stdout.on('error', (error) => {
  // A closed pipe (newslint ... | head) is not an error of ours.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
})

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY)
}).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.stderr.write(`newslint: internal error: ${error?.message ?? error}\n`)
    process.exitCode = 2
  }
)
