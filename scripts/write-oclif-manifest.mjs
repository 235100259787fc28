// Writes oclif.manifest.json after a build. Without it, oclif imports every command module (and
// so the whole pipeline, the Anthropic SDK, pg …) on each start just to list the commands; with
// it, `incident-response note` loads only the note command. Same result as `oclif manifest`,
// without that CLI's dependency tree.
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Plugin} from '@oclif/core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true})
await plugin.load()
writeFileSync(join(root, 'oclif.manifest.json'), JSON.stringify(plugin.manifest, null, 2) + '\n')
console.error(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`)
