#!/usr/bin/env node
import {execute} from '@oclif/core'

import {routeArgv} from '../dist/cli/route-argv.js'

// The pipeline is the default command; a mistyped command is an error with a suggestion (exit 2).
const routed = routeArgv(process.argv.slice(2))
if ('error' in routed) {
  process.stderr.write(`Error: ${routed.error}\n  → ${routed.suggestion}\n`)
  process.exitCode = 2
} else {
  await execute({args: routed.args, dir: import.meta.url})
}
