/**
 * `DIR/report.html`: one self-contained page (no network, no external file):
 * totals, findings per rule, findings per 1,000 words by publication month
 * and by section and desk, the worst articles with excerpts, and a
 * drill-down table. Charts are inline SVG drawn here; the one inline script
 * (filtering and sorting the drill-down) is pinned by a Content-Security-Policy
 * hash, every piece of article text is escaped, and the drill-down data sits
 * in a JSON block with `<` escaped, so hostile article text cannot run.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pkg from '../version.js'
import type {AuditStore} from './store.js'
import type {AuditResult} from './types.js'

export const DRILL_DOWN_LIMIT = 2000
const WORST_LIMIT = 25

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** JSON safe inside a `<script type="application/json">` block. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

const number = (n: number) => n.toLocaleString('en')
const rate = (findings: number, words: number) => (words > 0 ? (findings * 1000) / words : 0)
const fixed = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2))

interface Bar {
  label: string
  value: number
  note: string
}

/** Horizontal bars: one row per label. */
function barChart(title: string, bars: Bar[], unit: string): string {
  if (bars.length === 0) return `<p class="empty">${escapeHtml(title)}: nothing to chart.</p>`
  const labelWidth = 200
  const width = 720
  const row = 22
  const height = bars.length * row + 10
  const max = Math.max(...bars.map((b) => b.value), 1e-9)
  const body = bars
    .map((bar, index) => {
      const y = index * row + 5
      const w = Math.max(1, ((width - labelWidth - 90) * bar.value) / max)
      const label = bar.label.length > 30 ? bar.label.slice(0, 29) + '…' : bar.label
      return `<g class="bar"><title>${escapeHtml(`${bar.label}: ${bar.note}`)}</title><text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}"></rect><text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(unit === 'count' ? number(bar.value) : fixed(bar.value))}</text></g>`
    })
    .join('')
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg></figure>`
}

/** Vertical bars over time (publication months). */
function timeChart(title: string, bars: Bar[]): string {
  if (bars.length === 0) return `<p class="empty">${escapeHtml(title)}: no publication dates.</p>`
  const width = 720
  const height = 220
  const left = 44
  const bottom = 40
  const plotWidth = width - left - 10
  const plotHeight = height - bottom - 10
  const max = Math.max(...bars.map((b) => b.value), 1e-9)
  const step = plotWidth / bars.length
  const labelEvery = Math.max(1, Math.ceil(bars.length / 12))
  const body = bars
    .map((bar, index) => {
      const h = Math.max(1, (plotHeight * bar.value) / max)
      const x = left + index * step
      const label = index % labelEvery === 0 ? `<text x="${(x + step / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(bar.label)}</text>` : ''
      return `<g class="bar"><title>${escapeHtml(`${bar.label}: ${bar.note}`)}</title><rect x="${(x + step * 0.1).toFixed(1)}" y="${(10 + plotHeight - h).toFixed(1)}" width="${Math.max(1, step * 0.8).toFixed(1)}" height="${h.toFixed(1)}"></rect>${label}</g>`
    })
    .join('')
  const axis = `<line x1="${left}" y1="${10 + plotHeight}" x2="${width - 10}" y2="${10 + plotHeight}" class="axis"></line><text x="${left - 6}" y="16" text-anchor="end">${escapeHtml(fixed(max))}</text><text x="${left - 6}" y="${10 + plotHeight}" text-anchor="end">0</text>`
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${axis}${body}</svg></figure>`
}

interface GroupRow {
  label: string | null
  articles: number
  words: number
  findings: number
}

function groupTable(heading: string, rows: GroupRow[]): string {
  return `<table><thead><tr><th>${escapeHtml(heading)}</th><th class="n">Articles</th><th class="n">Words</th><th class="n">Findings</th><th class="n">Per 1,000 words</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td>${escapeHtml(r.label ?? '(none)')}</td><td class="n">${number(r.articles)}</td><td class="n">${number(r.words)}</td><td class="n">${number(r.findings)}</td><td class="n">${fixed(rate(r.findings, r.words))}</td></tr>`)
    .join('')}</tbody></table>`
}

const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('drill-data').textContent);
  var body = document.getElementById('drill-body');
  var filter = document.getElementById('drill-filter');
  var ruleSelect = document.getElementById('drill-rule');
  var count = document.getElementById('drill-count');
  var sortKey = 'findings', sortDown = true;
  var rules = {};
  data.forEach(function (a) { Object.keys(a.rules).forEach(function (r) { rules[r] = true; }); });
  Object.keys(rules).sort().forEach(function (r) {
    var o = document.createElement('option'); o.value = r; o.textContent = r; ruleSelect.appendChild(o);
  });
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
  function render() {
    var q = filter.value.toLowerCase(), rule = ruleSelect.value;
    var rows = data.filter(function (a) {
      if (rule && !a.rules[rule]) return false;
      if (!q) return true;
      return (a.name + ' ' + (a.headline || '') + ' ' + (a.section || '') + ' ' + (a.desk || '') + ' ' + (a.error || '')).toLowerCase().indexOf(q) !== -1;
    });
    rows.sort(function (x, y) {
      var a = x[sortKey], b = y[sortKey];
      if (a === b) return 0;
      if (a === undefined || a === null) return 1;
      if (b === undefined || b === null) return -1;
      return (a < b ? -1 : 1) * (sortDown ? -1 : 1);
    });
    body.textContent = '';
    rows.slice(0, 500).forEach(function (a) {
      var tr = document.createElement('tr'); tr.className = 'row';
      cell(tr, a.name); cell(tr, a.headline || ''); cell(tr, a.date || ''); cell(tr, a.section || a.desk || '');
      cell(tr, String(a.words), 'n'); cell(tr, String(a.findings), 'n'); cell(tr, a.error || Object.keys(a.rules).join(', '));
      var detail = document.createElement('tr'); detail.className = 'detail'; detail.hidden = true;
      var td = document.createElement('td'); td.colSpan = 7; detail.appendChild(td);
      a.messages.forEach(function (m) {
        var p = document.createElement('p');
        var where = document.createElement('b'); where.textContent = m.line + ':' + m.column + ' ' + m.severity + ' ' + m.rule + ' ';
        var why = document.createElement('span'); why.textContent = m.reason;
        var ex = document.createElement('q'); ex.textContent = m.excerpt;
        p.appendChild(where); p.appendChild(why); p.appendChild(document.createElement('br')); p.appendChild(ex);
        td.appendChild(p);
      });
      tr.addEventListener('click', function () { detail.hidden = !detail.hidden; });
      body.appendChild(tr); body.appendChild(detail);
    });
    count.textContent = rows.length + ' of ' + data.length + ' articles' + (rows.length > 500 ? ' (first 500 shown)' : '');
  }
  document.querySelectorAll('#drill th[data-key]').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      if (sortKey === key) sortDown = !sortDown; else { sortKey = key; sortDown = true; }
      render();
    });
  });
  filter.addEventListener('input', render);
  ruleSelect.addEventListener('change', render);
  render();
})();
`

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1d232a;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
.totals{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.total{border:1px solid #dde;border-radius:6px;padding:.5rem .9rem;min-width:8rem}
.total b{display:block;font-size:1.4rem}.muted,.empty{color:#667}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #eef;padding:.25rem .4rem;text-align:left;vertical-align:top}
th[data-key]{cursor:pointer;text-decoration:underline dotted}.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
svg.chart text{font-size:12px;fill:#333}svg.chart rect{fill:#3b6fb6}svg.chart g.bar:hover rect{fill:#d0672a}svg.chart .axis{stroke:#999}
.worst article{border-left:3px solid #d0672a;padding:.2rem .8rem;margin:.8rem 0}.worst q{color:#444;font-style:italic}
tr.row{cursor:pointer}tr.row:hover{background:#f4f6fb}tr.detail td{background:#fafafa}
.sev-error{color:#b00020}.sev-warning{color:#a15c00}.sev-info{color:#356}
input,select{font:inherit;padding:.2rem .4rem;margin:.2rem .4rem .4rem 0}
`

export interface ReportOptions {
  title?: string
  generated?: string
}

export function buildReport(store: AuditStore, options: ReportOptions = {}): string {
  const db = store.db
  const totals = db
    .prepare(
      "SELECT count(*) AS articles, coalesce(sum(status = 'ok'), 0) AS ok, coalesce(sum(status = 'error'), 0) AS failed, coalesce(sum(words), 0) AS words, coalesce(sum(findings), 0) AS findings, coalesce(sum(errors), 0) AS errors, coalesce(sum(warnings), 0) AS warnings, coalesce(sum(infos), 0) AS infos, coalesce(sum(findings > 0), 0) AS flagged FROM articles"
    )
    .get() as {articles: number; ok: number; failed: number; words: number; findings: number; errors: number; warnings: number; infos: number; flagged: number}
  const failures = db.prepare("SELECT error_code AS code, count(*) AS n FROM articles WHERE status = 'error' GROUP BY error_code ORDER BY n DESC").all() as Array<{code: string; n: number}>
  const perRule = db
    .prepare('SELECT rule, count(*) AS n, count(DISTINCT key) AS articles, sum(severity = \'error\') AS errors, sum(severity = \'warning\') AS warnings, sum(severity = \'info\') AS infos FROM findings GROUP BY rule ORDER BY n DESC, rule')
    .all() as Array<{rule: string; n: number; articles: number; errors: number; warnings: number; infos: number}>
  const byMonth = db
    .prepare("SELECT month AS label, count(*) AS articles, sum(words) AS words, sum(findings) AS findings FROM articles WHERE status = 'ok' AND month IS NOT NULL GROUP BY month ORDER BY month")
    .all() as GroupRow[]
  const undated = db.prepare("SELECT count(*) FROM articles WHERE status = 'ok' AND month IS NULL").pluck().get() as number
  const group = (column: 'section' | 'desk') =>
    db
      .prepare(`SELECT ${column} AS label, count(*) AS articles, sum(words) AS words, sum(findings) AS findings FROM articles WHERE status = 'ok' GROUP BY ${column} ORDER BY words DESC LIMIT 40`)
      .all() as GroupRow[]
  const bySection = group('section')
  const byDesk = group('desk')
  const worst = (db
    .prepare("SELECT result FROM articles WHERE findings > 0 ORDER BY errors DESC, findings DESC, (findings * 1.0 / max(words, 1)) DESC, seq LIMIT ?")
    .pluck()
    .all(WORST_LIMIT) as string[]).map((line) => JSON.parse(line) as AuditResult)
  const drill = (db
    .prepare("SELECT result FROM articles WHERE findings > 0 OR status = 'error' ORDER BY (status = 'error') DESC, findings DESC, seq LIMIT ?")
    .pluck()
    .all(DRILL_DOWN_LIMIT) as string[]).map((line) => {
    const r = JSON.parse(line) as AuditResult
    return {
      name: r.id ?? (r.line !== undefined ? `${r.path}:${r.line}` : r.path),
      headline: r.headline,
      date: r.date,
      section: r.section,
      desk: r.desk,
      words: r.words,
      findings: r.counts.total,
      error: r.error ? `${r.error.code}: ${r.error.message}` : undefined,
      rules: r.rules,
      messages: r.messages.slice(0, 25).map((m) => ({rule: m.rule, severity: m.severity, line: m.line, column: m.column, reason: m.reason, excerpt: m.excerpt}))
    }
  })
  const drillTotal = db.prepare("SELECT count(*) FROM articles WHERE findings > 0 OR status = 'error'").pluck().get() as number

  const title = options.title ?? 'newslint audit'
  const generated = options.generated ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const sectionBars = (rows: GroupRow[]) =>
    rows.filter((r) => r.label !== null && r.words > 0).map((r) => ({label: r.label!, value: rate(r.findings, r.words), note: `${fixed(rate(r.findings, r.words))} per 1,000 words (${number(r.findings)} findings in ${number(r.articles)} articles)`}))

  const parts: string[] = []
  parts.push(`<header><h1>${escapeHtml(title)}</h1><p class="muted">newslint ${escapeHtml(pkg.version)} · generated ${escapeHtml(generated)}</p></header>`)
  parts.push('<section id="totals"><h2>Totals</h2><div class="totals">')
  const total = (label: string, value: string) => parts.push(`<div class="total"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`)
  total('articles', number(totals.articles))
  total('audited', number(totals.ok))
  total('could not be audited', number(totals.failed))
  total('words', number(totals.words))
  total('findings', number(totals.findings))
  total('findings per 1,000 words', fixed(rate(totals.findings, totals.words)))
  total('articles with findings', number(totals.flagged))
  parts.push('</div>')
  parts.push(`<p>Severity: <span class="sev-error">${number(totals.errors)} errors</span>, <span class="sev-warning">${number(totals.warnings)} warnings</span>, <span class="sev-info">${number(totals.infos)} for your attention</span>.</p>`)
  if (failures.length > 0) {
    parts.push(`<p>Not audited: ${failures.map((f) => `${escapeHtml(f.code)} ${number(f.n)}`).join(', ')} (reasons in results.jsonl and the drill-down below).</p>`)
  }
  parts.push('</section>')

  parts.push('<section id="rules"><h2>Findings per rule</h2>')
  parts.push(barChart('Findings per rule', perRule.map((r) => ({label: r.rule, value: r.n, note: `${number(r.n)} findings in ${number(r.articles)} articles`})), 'count'))
  parts.push(`<table><thead><tr><th>Rule</th><th class="n">Findings</th><th class="n">Articles</th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Info</th><th class="n">Per 1,000 words</th></tr></thead><tbody>${perRule
    .map((r) => `<tr><td>${escapeHtml(r.rule)}</td><td class="n">${number(r.n)}</td><td class="n">${number(r.articles)}</td><td class="n">${number(r.errors)}</td><td class="n">${number(r.warnings)}</td><td class="n">${number(r.infos)}</td><td class="n">${fixed(rate(r.n, totals.words))}</td></tr>`)
    .join('')}</tbody></table></section>`)

  parts.push('<section id="months"><h2>Findings per 1,000 words by publication month</h2>')
  parts.push(timeChart('Findings per 1,000 words, by month of publication', byMonth.filter((r) => r.words > 0).map((r) => ({label: r.label!, value: rate(r.findings, r.words), note: `${fixed(rate(r.findings, r.words))} per 1,000 words (${number(r.findings)} findings in ${number(r.articles)} articles)`}))))
  if (undated > 0) parts.push(`<p class="muted">${number(undated)} audited articles have no publication date and are left out of this chart.</p>`)
  parts.push('</section>')

  parts.push('<section id="sections"><h2>Findings per 1,000 words by section and desk</h2>')
  if (bySection.some((r) => r.label !== null)) {
    parts.push(barChart('By section', sectionBars(bySection), 'rate'))
    parts.push(groupTable('Section', bySection))
  }
  if (byDesk.some((r) => r.label !== null)) {
    parts.push(barChart('By desk', sectionBars(byDesk), 'rate'))
    parts.push(groupTable('Desk', byDesk))
  }
  if (!bySection.some((r) => r.label !== null) && !byDesk.some((r) => r.label !== null)) parts.push('<p class="empty">No article states a section or desk.</p>')
  parts.push('</section>')

  parts.push(`<section id="worst" class="worst"><h2>Worst articles</h2>`)
  if (worst.length === 0) parts.push('<p class="empty">No article has findings.</p>')
  for (const r of worst) {
    const name = r.id ?? (r.line !== undefined ? `${r.path}:${r.line}` : r.path)
    parts.push(`<article><h3>${escapeHtml(r.headline ?? name)}</h3><p class="muted">${escapeHtml(name)}${r.date ? ` · ${escapeHtml(r.date)}` : ''}${r.section ? ` · ${escapeHtml(r.section)}` : ''}${r.desk ? ` · ${escapeHtml(r.desk)}` : ''} · ${number(r.words)} words · ${number(r.counts.total)} findings</p>`)
    for (const m of r.messages.slice(0, 3)) {
      parts.push(`<p><b class="sev-${escapeHtml(m.severity)}">${escapeHtml(m.rule)}</b> ${m.line}:${m.column} ${escapeHtml(m.reason)}<br><q>${escapeHtml(m.excerpt)}</q></p>`)
    }
    if (r.messages.length > 3) parts.push(`<p class="muted">…and ${r.messages.length - 3} more.</p>`)
    parts.push('</article>')
  }
  parts.push('</section>')

  parts.push(`<section id="drill"><h2>Drill-down</h2><p class="muted">Articles with findings or errors${drillTotal > drill.length ? ` (the ${number(drill.length)} with most findings of ${number(drillTotal)}; all are in results.jsonl and audit.db)` : ''}. Click a row for its findings, a heading to sort.</p>`)
  parts.push('<label>Filter <input id="drill-filter" type="search" placeholder="id, headline, section…"></label><label>Rule <select id="drill-rule"><option value="">all rules</option></select></label> <span id="drill-count" class="muted"></span>')
  parts.push('<table><thead><tr><th data-key="name">Article</th><th data-key="headline">Headline</th><th data-key="date">Date</th><th data-key="section">Section / desk</th><th data-key="words" class="n">Words</th><th data-key="findings" class="n">Findings</th><th>Rules / error</th></tr></thead><tbody id="drill-body"></tbody></table>')
  parts.push(`<script type="application/json" id="drill-data">${scriptJson(drill)}</script>`)
  parts.push('</section>')

  const hash = crypto.createHash('sha256').update(SCRIPT).digest('base64')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`
}

export function writeReport(store: AuditStore, directory: string, options: ReportOptions = {}): string {
  const file = path.join(directory, 'report.html')
  const temporary = `${file}.tmp-${process.pid}`
  fs.writeFileSync(temporary, buildReport(store, options))
  fs.renameSync(temporary, file)
  return file
}
