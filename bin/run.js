#!/usr/bin/env node
import {execute} from '@oclif/core'

// The pipeline is the default command: `incident-response --severity p0 …` runs `run`.
const SUBCOMMANDS = new Set(['run', 'note', 'mitigate', 'resolve', 'list', 'show', 'postmortem', 'lint', 'stats', 'sync', 'help', 'autocomplete', 'commands'])
const ROOT_ONLY = new Set(['--help', '-h', '--version', '-v', 'help'])
const argv = process.argv.slice(2)
const first = argv[0]
const args = first === undefined || (!SUBCOMMANDS.has(first) && !ROOT_ONLY.has(first)) ? ['run', ...argv] : argv

await execute({args, dir: import.meta.url})
