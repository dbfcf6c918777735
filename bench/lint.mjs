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

/**
 * Best of `rounds` passes after `warmup` passes, by wall clock and by CPU
 * time (CPU time is the steadier figure on a busy machine). The pipeline has
 * many functions for V8 to optimise: its first passes run 2–4 times slower
 * than its steady state, which is what an audit of many articles sees.
 */
function time(label, fn, rounds) {
  for (let i = 0; i < warmup; i++) fn()
  let wall = Infinity
  let cpu = Infinity
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint()
    const usage = process.cpuUsage()
    fn()
    const used = process.cpuUsage(usage)
    wall = Math.min(wall, Number(process.hrtime.bigint() - started) / 1e9)
    cpu = Math.min(cpu, (used.user + used.system) / 1e6)
  }
  const rate = words / wall
  console.log(`${label.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} words/s  (${(wall * 1000).toFixed(0)} ms per pass, ${(cpu * 1000).toFixed(0)} ms CPU)`)
  return {rate, cpuRate: words / cpu}
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 10)
const warmup = Number(process.env.BENCH_WARMUP ?? 12)
console.log(`lint bench: ${articles.length} articles, ${words.toLocaleString('en-US')} words, best of ${rounds} passes after ${warmup} warm-up passes`)
const bare = time('bare retext-english parse', () => {
  for (const text of articles) parser.parse(text)
}, rounds)
const full = time('newslint recommended pipeline', () => {
  for (const [i, text] of articles.entries()) lintSync(new VFile({path: `a${i}.md`, value: text}), {}, processor)
}, rounds)
console.log(`ratio (pipeline / bare parse)      ${(full.rate / bare.rate).toFixed(2)} by wall clock, ${(full.cpuRate / bare.cpuRate).toFixed(2)} by CPU time  (bar: >= 0.50)`)
