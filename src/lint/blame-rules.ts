/**
 * The blame-language rules. Each pattern targets a phrase, not a lone word, so neutral prose
 * ("requests failed", "the error rate") passes: the product's own postmortem text must lint clean.
 */
export interface BlameRule {
  rule: string
  pattern: RegExp
  message: string
  suggestion: string
}

const PEOPLE = String.raw`(?:he|she|they|someone|somebody|the (?:engineer|developer|operator|on-?call(?: engineer)?|author|reviewer|admin(?:istrator)?|team member))`

const COUNTERFACTUAL_SUGGESTION =
  'describe what happened, not what might have happened; put the improvement in an action item'

export const BLAME_RULES: readonly BlameRule[] = [
  {
    rule: 'human-error',
    pattern: /\bhuman[- ]errors?\b/gi,
    message: '"human error" names a person as the cause',
    suggestion: 'describe the condition the system allowed (e.g. "the deploy pipeline accepted the change without a check")',
  },
  {
    rule: 'careless',
    pattern: /\bcareless(?:ly|ness)?\b/gi,
    message: '"careless" judges a person',
    suggestion: 'remove the judgement; describe what happened and which safeguard was missing',
  },
  {
    rule: 'negligent',
    pattern: /\bnegligen(?:t|tly|ce)\b/gi,
    message: '"negligent" judges a person',
    suggestion: 'remove the judgement; describe what happened and which safeguard was missing',
  },
  {
    rule: 'failed-to',
    pattern: /\bfail(?:ed|s|ing)? to\b/gi,
    message: '"failed to" implies someone or something should have done better',
    suggestion: '"did not" — or describe what the system allowed (e.g. "the alert did not fire")',
  },
  {
    rule: 'forgot',
    pattern: /\bforg(?:ot|otten|etting|ets?)\b/gi,
    message: '"forgot" blames a person\'s memory',
    suggestion: '"was not done" — and name the missing checklist step or automation',
  },
  {
    rule: 'should-have',
    pattern: /\b(?:should|could|would)(?:n't| not)? have\b|\b(?:should|could|would)'ve\b/gi,
    message: 'hindsight ("should/could/would have") is a counterfactual',
    suggestion: COUNTERFACTUAL_SUGGESTION,
  },
  {
    rule: 'if-only',
    pattern: /\bif only\b/gi,
    message: '"if only" is a counterfactual',
    suggestion: COUNTERFACTUAL_SUGGESTION,
  },
  {
    rule: 'counterfactual',
    // "if the team had …", "if X hadn't …": at most four words between "if" and "had".
    pattern: /\bif(?:\s+[\w'-]+){1,4}\s+had(?:n't)?\b/gi,
    message: '"if … had" is a counterfactual timeline',
    suggestion: COUNTERFACTUAL_SUGGESTION,
  },
  {
    rule: 'counterfactual',
    pattern: /\bhad (?:they|he|she|we|you|someone|somebody|anyone|anybody)\b/gi,
    message: '"had they …" is a counterfactual timeline',
    suggestion: COUNTERFACTUAL_SUGGESTION,
  },
  {
    rule: 'didnt-bother',
    pattern: /\bdid(?:n't| not) bother\b/gi,
    message: '"didn\'t bother" judges a person\'s motives',
    suggestion: '"did not" — and name what the process required or made easy to skip',
  },
  {
    rule: 'mistake',
    pattern: /\bmistakes? (?:by|of|made by)\b|\bmade (?:a |an |the |this |that )?mistakes?\b|\b(?:his|her|their|your) mistakes?\b/gi,
    message: '"mistake by …" assigns the cause to a person',
    suggestion: 'name the change or the step (e.g. "the config change abc1234"), not who made it',
  },
  {
    rule: 'blame',
    pattern: /\b(?:to blame|blamed?|at fault|(?:his|her|their|whose) fault)\b/gi,
    message: 'assigning blame or fault',
    suggestion: 'describe the contributing conditions instead of assigning fault',
  },
  {
    rule: 'blame-verb',
    pattern: new RegExp(
      String.raw`\b${PEOPLE}\s+(?:broke|caused|messed up|screwed up|ignored|neglected|overlooked|botched|missed)\b`,
      'gi',
    ),
    message: 'a person is the subject of a blame verb',
    suggestion: 'make the change or system the subject (e.g. "the deploy of v2.3 introduced …")',
  },
]
