/**
 * truncated-sentence: the patterns one by one, complete sentences that must
 * stay quiet, the options, and the lexicons and word classes it stands on.
 */
import {describe, expect, it} from 'vitest'
import {lintWith, stateMessage} from './helpers.js'
import {isFunctionWord, isIn, wordClasses} from '../src/model/grammar.js'
import {loadTable, loadWordList, lexiconPath} from '../src/model/lexicon.js'
import fs from 'node:fs'

const lead = 'HARWICH - The port authority met on Monday to discuss the budget.\n\n'

function flagged(body: string, options?: Record<string, unknown>) {
  const text = lead + body
  const file = lintWith(text, 'story.txt', {'truncated-sentence': options ? ['warn', options] : 'warn'})
  return file.messages.filter((m) => m.ruleId === 'truncated-sentence').map((m) => ({...stateMessage(file, m), reason: m.reason}))
}

const ending = '\n\nThe authority will meet again next week.'

describe('truncated-sentence: complement nouns', () => {
  it.each([
    ['The minister expressed a willingness.', 'a willingness.'],
    ['The union launched a campaign in a bid.', 'a bid.'],
    ['The firm on Thursday launched an effort.', 'an effort.'],
    ['Officials said the council had shown a readiness.', 'a readiness.'],
    ['The governor announced a refusal.', 'a refusal.']
  ])('flags %s', (sentence, text) => {
    const messages = flagged(sentence + ' Other officials agreed.' + ending)
    expect(messages.map((m) => m.text)).toEqual([text])
    expect(messages[0].severity).toBe('warning')
    expect(messages[0].reason).toMatch(/usually takes a complement: .* to what\?/)
  })

  it.each([
    'The company kept its commitment.',
    'The board made a decision.',
    'The two sides reached an agreement.',
    'The ministry issued a statement.',
    'The storm poses a threat.',
    'The company won a contract.',
    'Prices fell, said a report.',
    'The team made a firm commitment.',
    'He gave the door a shove.',
    'The clause was hidden in a contract.',
    'The council gave the union a chance.',
    'The regulator opened an inquiry.',
    'The party called an election.'
  ])('stays quiet on %s', (sentence) => {
    expect(flagged(sentence + ' Other officials agreed.' + ending)).toEqual([])
  })

  it.each([
    ['The landlord said the tenants had shown little inclination.', 'little inclination.'],
    ['The firm had shown no willingness.', 'no willingness.'],
    ['Investors signalled some reluctance.', 'some reluctance.'],
    ['The department will give growers an undertaking.', 'an undertaking.'],
    ['The bank offered savers an assurance.', 'an assurance.'],
    ['She gave them an undertaking.', 'an undertaking.'],
    ['The club showed reluctance.', 'reluctance.'],
    ['The club showed a reluctance.', 'a reluctance.'],
    ['The cut is part of an effort.', 'an effort.']
  ])('flags a quantified or promised complement noun: %s', (sentence, text) => {
    const messages = flagged(sentence + ' Other officials agreed.' + ending)
    expect(messages.map((m) => m.text)).toEqual([text])
    expect(messages[0].severity).toBe('warning')
  })

  it.each([
    'The crowd showed great patience.',
    'The striker showed great ability.',
    'He showed no interest.',
    'The club showed little ambition.',
    'He has no intention.',
    'The police refused without giving a reason.',
    'The board gave staff a warning.',
    'The firm gave investors a presentation.',
    'The council gave staff an allowance.',
    'The players worked with great determination.',
    "The fans blamed the players' reluctance.",
    'The firm fulfilled its obligation.',
    'Prices fell, showed a report.'
  ])('stays quiet on %s', (sentence) => {
    expect(flagged(sentence + ' Other officials agreed.' + ending)).toEqual([])
  })

  it('reports a possessive disposition noun as info', () => {
    const messages = flagged('The firm expressed its willingness. Other officials agreed.' + ending)
    expect(messages.map((m) => [m.text, m.severity])).toEqual([['its willingness.', 'info']])
  })

  it('reads extra nouns from complementNouns, with their complement', () => {
    expect(flagged('The club offered an undertaking.' + ending)).toEqual([])
    const messages = flagged('The club offered an undertaking.' + ending, {complementNouns: ['undertaking:that']})
    expect(messages.map((m) => m.text)).toEqual(['an undertaking.'])
    expect(messages[0].reason).toContain('an undertaking that … what?')
  })

  it('drops nouns listed in ignoreNouns', () => {
    expect(flagged('The minister expressed a willingness.' + ending, {ignoreNouns: ['willingness']})).toEqual([])
  })

  it('leaves a table of figures at the end alone', () => {
    expect(flagged('Shr 1.20 dlrs vs 1.10 dlrs Net 5.6 mln vs 4.3 mln Revs 40 mln vs 35 mln')).toEqual([])
  })

  it('reports weak nouns only where the section ends when minStrength is raised', () => {
    expect(flagged('The firm on Thursday launched an effort. Work starts soon.' + ending, {minStrength: 0.99})).toEqual([])
  })

  it('reports a definite adjective-made noun only where the section ends', () => {
    expect(flagged('The council has shown the readiness. Work starts soon.' + ending)).toEqual([])
    const messages = flagged('Funding\n\nThe grant was approved in May. The council has shown the readiness.\n\nNext Steps\n\nWork will start in June.')
    expect(messages.map((m) => [m.text, m.severity])).toEqual([['the readiness.', 'warning']])
  })

  it('says so when a section ends right after its heading', () => {
    const text = 'Funding\n\nThe grant was approved in May. The council has demonstrated a commitment.\n\nNext Steps\n\nWork will start in June.'
    const messages = flagged(text)
    expect(messages).toHaveLength(1)
    expect(messages[0].reason).toContain("The section 'Funding' ends here")
  })
})

describe('truncated-sentence: function words', () => {
  it.each([
    ['The report was published by the.', 'by the.'],
    ['The club has been charged with.', 'charged with.'],
    ['He said that.', 'said that.'],
    ['The plan would save between £19m and.', 'm and.'],
    ['Supporters of the bill say it is a waste of.', 'waste of.'],
    ['The couple were married for.', 'married for.'],
    ['She works as a nurse in a hospital near.', undefined],
    ['The bank reported a rise in.', 'rise in.'],
    ['The government imposed a ban on.', 'ban on.'],
    ['The minister met his.', 'met his.'],
    ['The singer was found dead on Friday in.', 'Friday in.'],
    ['The governor said the possible action was.', 'action was.'],
    ['The tax costs the industry millions every year and has.', 'and has.'],
    ['The champion remains fourth in the rankings while.', 'rankings while.'],
    ['The director said in court that.', 'court that.'],
    ['The chief executive told shareholders on Tuesday that.', 'Tuesday that.'],
    ['The choir, which was founded in.', 'founded in.'],
    ['The new bridge was opened in.', 'opened in.'],
    ['The minister resigned after.', 'resigned after.'],
    ['The vote was postponed until after.', 'until after.'],
    ['The bank bought shares in the insurer’s.', 'the insurer’s.'],
    ['The band has turned to.', 'turned to.']
  ])('%s', (sentence, text) => {
    const messages = flagged(sentence + ' Nothing else was said.' + ending)
    expect(messages.map((m) => m.text)).toEqual(text === undefined ? [] : [expect.stringContaining(text)])
  })

  it.each([
    'There is nothing to worry about.',
    'It is not clear what the money was paid for.',
    'That is what the plan consists of.',
    'The bill was paid for.',
    'She said she wanted to.',
    'He decided not to.',
    'Residents stood by.',
    'The vote was 10 in favour and three against.',
    'Chelsea vs. Arsenal drew a crowd of 40,000.',
    'The firm, based in the U.S., joined Acme Inc. in 2004.',
    'Plan A.',
    'The decision was his.',
    'The team moved in.',
    'The talks went on.',
    'Prices rose more than the forecast was.',
    'Analysts expected a rally, and the markets did.',
    'Nobody knows where the money is.',
    'The plan is on hold for the time being.',
    'The talks could take a while.',
    'The firm said it would.',
    'The bill was worth more than that.',
    'They won all the concessions they asked for.',
    'The minister is a friend of his.',
    'Such rulings are few and far between.',
    'Officials turned the lights on.',
    'He signed a living will.',
    'Nobody expected the vote to go like that.',
    'The company was founded in 1990 by Acme Ltd. Its shares rose in Jan. It paid the U.S. Treasury in full.',
    'He told me that.',
    'She said she had nothing to add in reply to that.',
    'The new judge was sworn in.',
    'Extra supplies were flown in.',
    'The police were called in.',
    'The children were looked after.',
    'The storm passed soon after.',
    'Such players are much sought after.',
    'He had an appointment at the dentist’s.',
    'He was asked to resign but declined to.',
    'She said she hoped to.',
    'They said they did not need to.'
  ])('stays quiet on %s', (sentence) => {
    expect(flagged(sentence + ' Nothing else was said.' + ending)).toEqual([])
  })

  it('gives info at most inside a quotation', () => {
    const messages = flagged('"The ministry has no respect for us and for the," said a farmer.' + ending)
    expect(messages.map((m) => m.severity)).toEqual(['info'])
    expect(flagged('"We have nothing to be ashamed of," she said.' + ending)).toEqual([])
  })
})

describe('truncated-sentence: paragraphs and articles', () => {
  it('flags an article that stops mid-sentence', () => {
    const messages = flagged('The latest setback means the bill must now go back to')
    expect(messages.map((m) => [m.text, m.severity])).toEqual([['go back to', 'warning']])
  })

  it('can leave the last paragraph alone (checkLastParagraph: false)', () => {
    expect(flagged('The latest setback means the bill must now go back to', {checkLastParagraph: false})).toEqual([])
  })

  it('leaves sign-offs, editor notes and links alone', () => {
    expect(flagged('The talks ended on Friday.\n\n(Reporting by Ann Lee; Editing by Tom Cole)')).toEqual([])
    expect(flagged('The talks ended on Friday.\n\n(This story has been refiled to fix a typing error in paragraph 3)')).toEqual([])
    expect(flagged('The talks ended on Friday. Read the full report at https://example.org/report')).toEqual([])
  })

  it('does not flag a paragraph broken in two', () => {
    expect(flagged('The mayor said the council\n\nwould meet again on Friday.')).toEqual([])
  })

  it('flags an unclosed quotation and an unclosed parenthesis at the end', () => {
    expect(flagged('"We will not give up. We owe it to our members.').map((m) => m.text)).toEqual(['"'])
    expect(flagged('The fund (set up in 2010 has grown to £4m.').map((m) => m.text)).toEqual(['('])
  })

  it('flags a trailing ellipsis in narration, not a quoted trailing-off', () => {
    expect(flagged('Officials said the repairs would cost more than...').map((m) => m.severity)).toEqual(['warning'])
    expect(flagged('"We thought we would finish, but then..." he said.' + ending)).toEqual([])
    expect(flagged('Officials said the repairs would cost more than...', {checkEllipsis: false})).toEqual([])
  })

  it('ignores headlines, subheadings, captions and list items', () => {
    const text = 'Talks With\n\nThe talks ended on Friday.\n\nWhat Comes Next For\n\nBoth sides will meet in May.\n\n- Items to be discussed include the\n- A new timetable\n\nPhoto: Negotiators leaving the hall (Getty Images)\n\nNo date has been set.'
    const file = lintWith(text, 'story.txt', {'truncated-sentence': 'warn'})
    expect(file.messages.filter((m) => m.ruleId === 'truncated-sentence')).toEqual([])
  })
})

describe('grammar word classes', () => {
  it('knows the closed classes', () => {
    expect(isIn('the', 'article')).toBe(true)
    expect(isIn('With', 'preposition')).toBe(true)
    expect(wordClasses('that')).toEqual(expect.arrayContaining(['determiner', 'complementiser', 'pronoun']))
    expect(isFunctionWord('commitment')).toBe(false)
    expect(wordClasses('commitment')).toEqual([])
  })
})

describe('complement lexicons', () => {
  it('are large, derived from WordNet, and say how to regenerate them', () => {
    const nouns = loadTable('complement-nouns.txt')
    expect(nouns.size).toBeGreaterThan(500)
    for (const noun of ['commitment', 'effort', 'attempt', 'willingness', 'refusal', 'bid']) expect(nouns.has(noun), noun).toBe(true)
    const header = fs.readFileSync(lexiconPath('complement-nouns.txt'), 'utf8').split('\n').slice(0, 4).join('\n')
    expect(header).toContain('WordNet')
    expect(header).toContain('scripts/build-complement-nouns.mjs')
    expect(loadWordList('complement-verbs.txt').has('want')).toBe(true)
    expect(loadWordList('complement-ellipsis-verbs.txt').has('decline')).toBe(true)
    expect(loadWordList('complement-ellipsis-verbs.txt').has('turn')).toBe(false)
    expect(loadWordList('complement-particle-verbs.txt').has('swear')).toBe(true)
    expect(nouns.get('undertaking')?.[2]).toContain('P')
    expect(loadTable('complement-prepositional-verbs.txt').get('account')).toEqual(['for'])
  })
})
