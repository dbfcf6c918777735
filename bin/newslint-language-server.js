#!/usr/bin/env node
import {main} from '../dist/src/server/index.js'

main(process.argv.slice(2))
