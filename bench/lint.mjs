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

/** One pass of `fn`: wall-clock and CPU seconds. */
function pass(fn) {
  const started = process.hrtime.bigint()
  const usage = process.cpuUsage()
  fn()
  const used = process.cpuUsage(usage)
  return {wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (used.user + used.system) / 1e6}
}

const blocks = Number(process.env.BENCH_BLOCKS ?? 10)
const perBlock = Number(process.env.BENCH_PASSES ?? 5)
const warmup = Number(process.env.BENCH_WARMUP ?? 12)
const runBare = () => {
  for (const text of articles) parser.parse(text)
}
const runPipeline = () => {
  for (const [i, text] of articles.entries()) lintSync(new VFile({path: `a${i}.md`, value: text}), {}, processor)
}

/*
 * The pipeline has many functions for V8 to optimise: its first passes run
 * 2–4 times slower than its steady state, which is what an audit of many
 * articles sees, so it warms up first. Then blocks of bare passes and blocks
 * of pipeline passes take turns, so that both meet the same moments of a
 * busy machine; the first pass of each block is not timed (it pays for the
 * other's garbage), and each keeps its best pass, by wall clock and by CPU
 * time (the steadier figure on a busy machine).
 */
console.log(`lint bench: ${articles.length} articles, ${words.toLocaleString('en-US')} words, best pass of ${blocks} blocks of ${perBlock} after ${warmup} warm-up passes`)
for (let i = 0; i < warmup; i++) runPipeline()
const best = {bare: {wall: Infinity, cpu: Infinity}, full: {wall: Infinity, cpu: Infinity}}
for (let block = 0; block < blocks; block++) {
  for (const [key, fn] of [['bare', runBare], ['full', runPipeline]]) {
    fn()
    for (let i = 1; i < perBlock; i++) {
      const t = pass(fn)
      best[key].wall = Math.min(best[key].wall, t.wall)
      best[key].cpu = Math.min(best[key].cpu, t.cpu)
    }
  }
}
const line = (label, t) =>
  console.log(`${label.padEnd(34)} ${Math.round(words / t.wall).toLocaleString('en-US').padStart(10)} words/s  (${(t.wall * 1000).toFixed(0)} ms per pass, ${(t.cpu * 1000).toFixed(0)} ms CPU)`)
line('bare retext-english parse', best.bare)
line('newslint recommended pipeline', best.full)
console.log(`ratio (pipeline / bare parse)      ${(best.bare.wall / best.full.wall).toFixed(2)} by wall clock, ${(best.bare.cpu / best.full.cpu).toFixed(2)} by CPU time  (bar: >= 0.50)`)
