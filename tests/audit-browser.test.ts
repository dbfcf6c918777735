/**
 * Loads DIR/report.html in headless Chromium (Debian's `chromium`, driven by
 * playwright-core): the charts render, the drill-down works, nothing logs an
 * error, and hostile article text does not run. Needs /usr/bin/chromium
 * (`apt-get install -y chromium`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {chromium} from 'playwright-core'
import {describe, expect, it} from 'vitest'
import {cli, record, tempDir, writeJsonl} from './audit-helpers.js'

const executablePath = '/usr/bin/chromium'
const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><svg onload="window.__pwned = 4">'

describe('report.html in a browser', () => {
  it('renders charts and the drill-down, runs no article text, logs no error', async () => {
    const dir = tempDir('audit-browser')
    writeJsonl(path.join(dir, 'a.jsonl'), [
      ...Array.from({length: 40}, (_, i) => record(i)),
      record(40, {headline: `</script>${hostile}`, body: `${hostile} The the harbour ${hostile} closed.`, section: `<b onmouseover="window.__pwned = 5">Metro</b>`}),
      '{"broken": '
    ])
    const run = cli(['audit', 'a.jsonl', '--out', 'out', '--quiet', '--title', `Harbour archive ${hostile}`], {cwd: dir})
    expect(run.status, run.stderr).toBe(1)
    const report = path.join(dir, 'out', 'report.html')

    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-chromium-'))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      const requests: string[] = []
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url())
      })
      await page.goto(`file://${report}`)
      await page.waitForSelector('#drill-body tr.row')

      const bars = await page.$$eval('svg.chart rect', (rects) => rects.map((rect) => rect.getBoundingClientRect().width))
      expect(bars.length).toBeGreaterThan(3)
      expect(bars.every((width) => width > 0)).toBe(true)
      expect(await page.$$eval('svg.chart', (svgs) => svgs.length)).toBeGreaterThanOrEqual(3)

      expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined()
      const text = await page.evaluate(() => document.body.innerText)
      expect(text).toContain('<script>window.__pwned = 1</script>')
      expect(await page.title()).toContain('<script>')

      const rows = await page.$$eval('#drill-body tr.row', (trs) => trs.length)
      expect(rows).toBeGreaterThan(40)
      await page.click('#drill-body tr.row')
      expect(await page.$eval('#drill-body tr.detail', (tr) => (tr as HTMLElement).hidden)).toBe(false)
      await page.fill('#drill-filter', 'malformed')
      expect(await page.$$eval('#drill-body tr.row', (trs) => trs.length)).toBe(1)
      await page.fill('#drill-filter', '')
      await page.click('#drill th[data-key="words"]')

      const shot = path.join(dir, 'report.png')
      await page.screenshot({path: shot, fullPage: true})
      expect(fs.statSync(shot).size).toBeGreaterThan(10_000)
      expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined()
      expect(problems).toEqual([])
      expect(requests).toEqual([])
    } finally {
      await context.close()
      fs.rmSync(profile, {recursive: true, force: true})
    }
  }, 60_000)
})
