/**
 * `--reporter sarif`: SARIF 2.1.0 for code-scanning dashboards. Stable rule
 * ids with metadata and `helpUri`, repository-relative paths, and
 * `partialFingerprints` that survive edits elsewhere in the file.
 */
import crypto from 'node:crypto'
import type {VFile} from 'vfile'
import {ruleById} from '../../rules/index.js'
import {docsUrl, messageData, severityOfMessage} from '../message.js'
import {rangeOf, relativePath} from './paths.js'
import pkg from '../version.js'

const levelOf = {error: 'error', warning: 'warning', info: 'note'} as const

export function reportSarif(files: VFile[], options: {root?: string} = {}): string {
  const root = options.root ?? process.cwd()
  const ruleIds: string[] = []
  const results: unknown[] = []
  const artifacts: Array<{location: {uri: string; uriBaseId: string}; sourceLanguage?: string}> = []
  for (const file of files) {
    const uri = relativePath(file, root)
    const text = String(file.value ?? '')
    const artifactIndex = artifacts.push({location: {uri, uriBaseId: 'SRCROOT'}}) - 1
    for (const message of file.messages) {
      const id = message.ruleId ?? 'newslint'
      if (!ruleIds.includes(id)) ruleIds.push(id)
      const range = rangeOf(message)
      const place = message.place as {start?: {offset?: number}; end?: {offset?: number}} | undefined
      const snippet = place?.start?.offset !== undefined && place.end?.offset !== undefined ? text.slice(place.start.offset, place.end.offset) : ''
      const fingerprint = crypto.createHash('sha256').update(`${id}\u0000${uri}\u0000${snippet}\u0000${message.reason}`).digest('hex').slice(0, 32)
      const data = messageData(message)
      const result: Record<string, unknown> = {
        ruleId: id,
        ruleIndex: ruleIds.indexOf(id),
        level: levelOf[severityOfMessage(message)],
        message: {text: message.note ? `${message.reason}\n${message.note}` : message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri, uriBaseId: 'SRCROOT', index: artifactIndex},
              region: {...range, ...(snippet ? {snippet: {text: snippet}} : {})}
            }
          }
        ],
        partialFingerprints: {'newslint/v1': fingerprint}
      }
      if (data?.related?.length) {
        result.relatedLocations = data.related.map((r, i) => ({
          id: i + 1,
          message: {text: r.message},
          physicalLocation: {
            artifactLocation: {uri, uriBaseId: 'SRCROOT', index: artifactIndex},
            region: {startLine: r.place.start.line, startColumn: r.place.start.column, endLine: r.place.end.line, endColumn: r.place.end.column}
          }
        }))
      }
      if (data?.confidence !== undefined || data?.kind) result.properties = {confidence: data.confidence, kind: data.kind}
      results.push(result)
    }
  }
  const rules = ruleIds.map((id) => {
    const rule = ruleById(id)
    if (!rule) {
      return {id, name: id, shortDescription: {text: id === 'config-error' ? 'Configuration error' : 'Input could not be read'}, helpUri: docsUrl(id), defaultConfiguration: {level: 'error'}}
    }
    return {
      id,
      name: id.replace(/-(\w)/g, (_: string, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: {text: rule.meta.description},
      fullDescription: {text: rule.meta.description},
      helpUri: rule.meta.docs,
      help: {text: `${rule.meta.description} See ${rule.meta.docs}`},
      defaultConfiguration: {level: rule.meta.level === 'warn' ? 'warning' : rule.meta.level === 'info' ? 'note' : 'error'},
      properties: {category: rule.meta.category, tags: ['editorial', rule.meta.category]}
    }
  })
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'newslint', version: pkg.version, informationUri: 'https://github.com/newslint/newslint', rules}},
        originalUriBaseIds: {SRCROOT: {uri: pathToUri(root)}},
        artifacts,
        results,
        columnKind: 'utf16CodeUnits'
      }
    ]
  }
  return JSON.stringify(log, undefined, 2)
}

function pathToUri(root: string): string {
  const normalised = root.split('\\').join('/')
  return `file://${normalised.startsWith('/') ? '' : '/'}${normalised}${normalised.endsWith('/') ? '' : '/'}`
}
