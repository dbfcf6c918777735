#!/usr/bin/env node
/** `npm run bench`: the lint pipeline, the language server and the audit, one after the other. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
let failed = false
for (const name of ['lint', 'server', 'audit']) {
  if (only && only !== name) continue
  const script = path.join(here, `${name}.mjs`)
  if (!fs.existsSync(script)) {
    console.log(`\n== ${name}: no bench script yet`)
    continue
  }
  console.log(`\n== ${name}`)
  const result = spawnSync(process.execPath, ['--expose-gc', script], {stdio: 'inherit'})
  if (result.status !== 0) failed = true
}
process.exitCode = failed ? 1 : 0
