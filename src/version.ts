import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** The package's name and version, read once. */
function findPackage(): {name: string; version: string} {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(candidate) as {name?: string; version?: string}
      if (pkg.name === 'newslint' && pkg.version) return {name: pkg.name, version: pkg.version}
    } catch {
      // Try the next place: sources and the build sit at different depths.
    }
  }
  return {name: 'newslint', version: '0.0.0'}
}

const pkg = findPackage()
export default pkg
