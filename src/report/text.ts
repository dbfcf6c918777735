/** The default report: vfile-reporter, as remark-cli users know it. */
import {reporter} from 'vfile-reporter'
import type {VFile} from 'vfile'

export function reportText(files: VFile[], options: {color?: boolean; verbose?: boolean} = {}): string {
  for (const file of files) {
    for (const message of file.messages) {
      // Never show stack traces to a reporter: the reason says it all.
      message.stack = undefined
      message.cause = undefined
    }
  }
  return reporter(files, {color: options.color ?? false, verbose: options.verbose ?? false, defaultName: '<stdin>'})
}
