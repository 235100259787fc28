import type {SentenceEntry} from './sentence.js'
import {detection, leadup, specialistsRun} from './context.js'
import {endpointVerdicts, failedRequests, severityWording, symptomBecause, usersAffected} from './impact.js'
import {externalMessage, internalMessage} from './messages.js'
import {attemptsWithoutEffect, mitigationFromEvidence, recordedByResponders, recoveryFromEvidence} from './recovery.js'
import {causeSentence, ending, opening, recordedStatus} from './summary.js'

/** Every sentence template of the documents, for the test that renders each variant. */
export const SENTENCES: ReadonlyArray<SentenceEntry<never>> = [
  opening,
  causeSentence,
  ending,
  recordedStatus,
  failedRequests,
  endpointVerdicts,
  usersAffected,
  severityWording,
  symptomBecause,
  leadup,
  detection,
  specialistsRun,
  mitigationFromEvidence,
  recoveryFromEvidence,
  attemptsWithoutEffect,
  recordedByResponders,
  internalMessage,
  externalMessage,
] as unknown as ReadonlyArray<SentenceEntry<never>>
