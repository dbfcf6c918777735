#!/usr/bin/env node
/**
 * Throughput of the full `recommended` pipeline against a bare
 * retext-english parse of the same articles (../shared/corpus/articles, or
 * the repo's examples when ../shared is absent). Prints words/s and the ratio.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import {createProcessor, lintSync} from '../dist/src/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(root, '../shared/corpus/articles')

function loadArticles() {
  if (fs.existsSync(corpus)) {
    return fs
      .readdirSync(corpus)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(fs.readFileSync(path.join(corpus, name), 'utf8')))
      .map((a) => `---\ntitle: ${JSON.stringify(a.headline ?? '')}\n${a.date ? `date: ${a.date}\n` : ''}---\n\n${a.body}`)
  }
  const examples = path.join(root, 'examples')
  return fs.readdirSync(examples).map((name) => fs.readFileSync(path.join(examples, name), 'utf8'))
}

const articles = loadArticles()
const words = articles.reduce((n, text) => n + text.split(/\s+/).filter(Boolean).length, 0)
const parser = unified().use(retextEnglish)
const processor = createProcessor({})

function time(label, fn, rounds) {
  fn() // warm up
  const started = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) fn()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const rate = (words * rounds) / seconds
  console.log(`${label.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} words/s  (${((seconds / rounds) * 1000).toFixed(0)} ms per pass)`)
  return rate
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
console.log(`lint bench: ${articles.length} articles, ${words.toLocaleString('en-US')} words, ${rounds} rounds`)
const bare = time('bare retext-english parse', () => {
  for (const text of articles) parser.parse(text)
}, rounds)
const full = time('newslint recommended pipeline', () => {
  for (const [i, text] of articles.entries()) lintSync(new VFile({path: `a${i}.md`, value: text}), {}, processor)
}, rounds)
const ratio = full / bare
console.log(`ratio (pipeline / bare parse)      ${ratio.toFixed(2)}  (bar: >= 0.50)`)
