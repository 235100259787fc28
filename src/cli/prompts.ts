import {checkbox, select} from '@inquirer/prompts'

import {SEVERITY_LEVELS, type Severity} from '../incident/severity.js'
import {type Symptom, SYMPTOM_DESCRIPTIONS, SYMPTOMS} from '../incident/vocabulary.js'

/** Prompts write to stderr so stdout stays clean for machine output. */
const io = {output: process.stderr}

export async function askSeverity(): Promise<Severity> {
  return select<Severity>(
    {
      message: 'Severity?',
      choices: Object.values(SEVERITY_LEVELS).map((level) => ({
        value: level.id,
        name: `${level.id} — ${level.meaning} (respond ${level.responseTarget})`,
      })),
    },
    io,
  )
}

export async function askSymptoms(): Promise<Symptom[]> {
  return checkbox<Symptom>(
    {
      message: 'Symptoms?',
      choices: SYMPTOMS.map((symptom) => ({value: symptom, name: `${symptom} — ${SYMPTOM_DESCRIPTIONS[symptom]}`})),
      required: true,
    },
    io,
  )
}
