/**
 * Lexicons are data files under `src/model/lexicon/`: one entry a line
 * (`.txt`) or JSON, the first comment lines saying where they come from.
 * Newsrooms extend them through rule options.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'model', 'lexicon'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('newslint: cannot find its lexicon folder (src/model/lexicon)')
    dir = parent
  }
}

const cache = new Map<string, unknown>()

export function lexiconPath(name: string): string {
  return path.join(packageRoot(), 'src', 'model', 'lexicon', name)
}

/** A word list: one entry a line; `#` starts a comment; blank lines skipped. Entries are lower-cased. */
export function loadWordList(name: string): Set<string> {
  const key = `list:${name}`
  if (!cache.has(key)) {
    const text = fs.readFileSync(lexiconPath(name), 'utf8')
    const entries = text
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim().toLowerCase())
      .filter(Boolean)
    cache.set(key, new Set(entries))
  }
  return cache.get(key) as Set<string>
}

/** A tab-separated table: `key<TAB>value…`; `#` comments. */
export function loadTable(name: string): Map<string, string[]> {
  const key = `table:${name}`
  if (!cache.has(key)) {
    const table = new Map<string, string[]>()
    for (const line of fs.readFileSync(lexiconPath(name), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue
      const [head, ...rest] = line.split('\t')
      table.set(head.trim().toLowerCase(), rest.map((v) => v.trim()))
    }
    cache.set(key, table)
  }
  return cache.get(key) as Map<string, string[]>
}

/** A JSON lexicon. */
export function loadJsonLexicon<T>(name: string): T {
  const key = `json:${name}`
  if (!cache.has(key)) cache.set(key, JSON.parse(fs.readFileSync(lexiconPath(name), 'utf8')))
  return cache.get(key) as T
}

/**
 * "Can this word be in the list?", told by its first two letters and its
 * length before a lookup that has to hash the word: most words of a text are
 * in no list, and most of those are told apart here. It may say yes wrongly,
 * never no wrongly.
 */
export class WordKeys {
  private readonly ascii = new Uint8Array(8192)
  private other = false

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const at = WordKeys.slot(word)
      if (at >= 0) this.ascii[at] = 1
      else this.other = true // non-ASCII letters, and the empty word
    }
  }

  /** The word's place in `ascii`, or -1 when its first letters are not ASCII. */
  private static slot(word: string): number {
    if (word.length === 0) return -1
    const first = word.charCodeAt(0)
    const second = word.length > 1 ? word.charCodeAt(1) : 0
    // Hashed into 8 KB, which stays in the processor's cache: a collision only lets a word through.
    return first < 128 && second < 128 ? ((first * 131 + second) * 16 + Math.min(word.length, 15)) & 8191 : -1
  }

  mayHave(word: string): boolean {
    const at = WordKeys.slot(word)
    return at >= 0 ? this.ascii[at] === 1 : this.other
  }
}

const keysByList = new WeakMap<object, WordKeys>()

/** The `WordKeys` of a set or of a map's keys, made once per list. */
export function keysOf(list: Set<string> | Map<string, unknown>): WordKeys {
  let keys = keysByList.get(list)
  if (!keys) keysByList.set(list, (keys = new WordKeys(list.keys())))
  return keys
}
