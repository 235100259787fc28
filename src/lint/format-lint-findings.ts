import type {LintFinding} from './lint-blameless.js'

/** One line per finding, `file:line:col rule message (suggestion)`, the shape editors and CI parse. */
export function formatLintFindings(file: string, findings: readonly LintFinding[]): string {
  return findings
    .map((f) => `${file}:${f.line}:${f.column} ${f.rule} ${f.message} (${f.suggestion})`)
    .join('\n')
}
