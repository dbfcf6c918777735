/**
 * Control comments in Markdown and HTML, through unified-message-control:
 *
 *     <!-- newslint-disable inconsistent-date -->
 *     <!-- newslint-enable inconsistent-date -->
 *     <!-- newslint-ignore unattributed-claim -->   (the next block only)
 *
 * Without rule ids, the comment applies to every rule.
 */
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'

const markerPattern = /^\s*newslint[- ](enable|disable|ignore)\b([\s\S]*?)\s*$/

interface MaybeComment {
  type: string
  value?: string
}

function marker(node: unknown) {
  const value = node as MaybeComment
  let inner: string | undefined
  if (value.type === 'html' && typeof value.value === 'string') {
    const match = /^<!--([\s\S]*)-->$/.exec(value.value.trim())
    inner = match?.[1]
  } else if (value.type === 'comment' && typeof value.value === 'string') {
    inner = value.value
  }
  if (inner === undefined) return undefined
  const match = markerPattern.exec(inner)
  if (!match) return undefined
  return {name: 'newslint', attributes: `${match[1]} ${match[2].replace(/,/g, ' ')}`.trim(), parameters: {}, node: node as never}
}

/** Drop the messages that control comments turn off. */
export function applyControlComments(file: VFile, knownRules: string[]): void {
  const source = file.data.sourceTree
  if (!source || source.format === 'text') return
  // Prose read without the Markdown parser has no comments: nothing to control.
  if (!(source.tree as {children?: unknown[]}).children?.length) return
  try {
    messageControl(source.tree as never, {
      file,
      marker: marker as never,
      name: 'newslint',
      known: knownRules,
      test: source.format === 'markdown' ? 'html' : 'comment'
    })
  } catch (error) {
    // unified-message-control fails the file on an unknown keyword: keep it as one clear message.
    const reason = String((error as Error).message ?? error)
    if (!file.messages.some((m) => m.reason === reason)) {
      const message = file.message(reason, {ruleId: 'control-comment', source: 'newslint'})
      message.fatal = false
    }
  }
}
