import {readFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'

import type {FileConfig} from '../config/config.js'
import {UserError} from '../errors/errors.js'
import {renderTemplate, TemplateError} from './template-engine.js'

export const TEMPLATE_NAMES = ['triage', 'specialist', 'rca', 'postmortem', 'actionItems', 'summary'] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

const FILES: Readonly<Record<TemplateName, string>> = {
  triage: 'phase-1-triage.md',
  specialist: 'phase-2-specialist.md',
  rca: 'phase-3-rca.md',
  postmortem: 'postmortem.md',
  actionItems: 'action-items.md',
  summary: 'incident-summary.md',
}

/** The bundled templates sit beside `src/` and `dist/` in the package. */
const BUNDLED_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface TemplateSet {
  render(name: TemplateName, view: unknown): string
}

/** Loads every template once: the bundled default, or the user's file named in the config. */
export async function loadTemplates(config: FileConfig, configRoot: string): Promise<TemplateSet> {
  const sources = {} as Record<TemplateName, string>
  const paths = {} as Record<TemplateName, string>
  const suggestionsFor = (name: TemplateName) =>
    config.templates?.[name] ? [`Fix templates.${name} in the config file (paths are relative to the repo root).`] : []
  for (const name of TEMPLATE_NAMES) {
    const override = config.templates?.[name]
    const path = override ? new URL(override, `file://${configRoot.replace(/\/?$/, '/')}`).pathname : BUNDLED_DIR + FILES[name]
    paths[name] = path
    try {
      sources[name] = await readFile(path, 'utf8')
    } catch {
      throw new UserError(`Cannot read the ${name} template at ${path}.`, {
        suggestions: suggestionsFor(name),
      })
    }
  }
  const render = (name: TemplateName, view: unknown): string => {
    try {
      return renderTemplate(sources[name], view).replace(/\n{3,}/g, '\n\n')
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      throw new TemplateError(`The ${name} template at ${paths[name]} is broken: ${error.message}.`, {cause: error, suggestions: suggestionsFor(name)})
    }
  }
  // A broken template fails here, before the pipeline spends minutes collecting evidence.
  for (const name of TEMPLATE_NAMES) render(name, {})
  return {render}
}
