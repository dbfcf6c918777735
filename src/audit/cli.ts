import type {CliIo} from '../cli/index.js'

export async function runAudit(_argv: string[], io: CliIo): Promise<number> {
  io.stderr.write('newslint audit: not built yet\n')
  return 2
}
