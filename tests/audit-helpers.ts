/** Helpers for the audit tests: generated archives (invented text) and the built CLI. */
import {spawn, spawnSync, type SpawnSyncReturns} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = path.join(root, 'bin', 'newslint.js')

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `newslint-${name}-`))
}

const sections = ['Metro', 'Business', 'Sport', 'Culture']
const openings = [
  'The harbour board met on Tuesday to weigh the the new mooring fees.',
  'Riverside council approved a plan to repave Mill Lane next spring.',
  'The bakery on Quay Street reopened after a three-week refit.',
  'Volunteers counted 412 swifts nesting under the old bridge.'
]

/** An invented article record; `i` picks its text, month and section. */
export function record(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `story-${i}`,
    headline: `Harbour notes ${i}`,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    body: `${openings[i % openings.length]} Members of the board spoke for an hour.\n\nA spokesman for the harbour said the fees would rise in June. Boat owners said they would would object at the next meeting.`,
    section: sections[i % sections.length],
    desk: i % 2 ? 'News' : 'Features',
    author: `Reporter ${i % 5}`,
    wire: i % 3 === 0 ? 'none' : 'agency',
    ...extra
  }
}

export function writeJsonl(file: string, records: Array<Record<string, unknown> | string>): void {
  fs.writeFileSync(file, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n')
}

export function cli(args: string[], options: {cwd?: string; input?: string; env?: Record<string, string>} = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: {...process.env, ...options.env},
    timeout: 60_000
  })
}

export function readResults(file: string): Array<Record<string, any>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}

export {spawn}
