/**
 * The configuration that applies to an editor buffer: the nearest
 * `.newslintrc*` or `package.json#newslint` above the document, as the CLI
 * finds it (`findConfig`); for a buffer that is not a file (untitled), the
 * one of the first workspace folder. Defaults when there is none.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ConfigError, clearConfigCache, findConfig, resolveConfig, CONFIG_FILES, type ResolvedConfig} from '../config/index.js'

export type ConfigLookup = {config: ResolvedConfig; error?: undefined} | {config?: undefined; error: ConfigError}

let defaults: ResolvedConfig | undefined

/** The file system path of a `file:` URI, or undefined. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

export class ConfigResolver {
  private folders: string[] = []
  private lastCleared = Date.now()

  /**
   * When the client cannot watch files for us, forget cached configuration
   * this often (milliseconds) so that an edited `.newslintrc` still applies.
   */
  pollInterval: number | undefined

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map(filePath).filter((p): p is string => p !== undefined)
  }

  /** Forget every cached configuration (a config file changed). */
  reload(): void {
    clearConfigCache()
    this.lastCleared = Date.now()
  }

  forDocument(uri: string): ConfigLookup {
    if (this.pollInterval !== undefined && Date.now() - this.lastCleared > this.pollInterval) this.reload()
    const file = filePath(uri)
    const directory = file ? path.dirname(file) : this.folders[0]
    try {
      const found = directory ? findConfig(directory) : undefined
      return {config: found ?? (defaults ??= resolveConfig({}))}
    } catch (error) {
      if (error instanceof ConfigError) return {error}
      return {error: new ConfigError('<config>', '', String((error as Error)?.message ?? error))}
    }
  }
}

/** Is this path a configuration file newslint reads? */
export function isConfigFile(file: string): boolean {
  return CONFIG_FILES.includes(path.basename(file))
}

/** Glob patterns for `workspace/didChangeWatchedFiles`. */
export const CONFIG_GLOB = `**/{${CONFIG_FILES.join(',')}}`
