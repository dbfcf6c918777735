/**
 * `--reporter json`: the vfile-reporter-json shape (an array of
 * `{path, cwd, history, messages}`), each message with newslint's extra
 * fields (`url`, `severity`, `data`) and exact `place` offsets.
 */
import {reporterJson} from 'vfile-reporter-json'
import type {VFile} from 'vfile'
import {messageData, severityOfMessage} from '../message.js'

export function reportJson(files: VFile[], options: {pretty?: boolean} = {}): string {
  const base = JSON.parse(reporterJson(files)) as Array<{messages: Array<Record<string, unknown>>}>
  base.forEach((entry, i) => {
    const messages = files[i].messages
    entry.messages.forEach((json, j) => {
      const message = messages[j]
      json.url = message.url
      json.severity = severityOfMessage(message)
      const data = messageData(message)
      if (data) json.data = data
      delete json.stack
    })
  })
  return JSON.stringify(base, undefined, options.pretty ? 2 : undefined)
}
