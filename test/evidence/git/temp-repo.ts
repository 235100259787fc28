import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

export const AUTHOR = {name: 'Casey Culprit', email: 'casey@example.com'}

/** A throwaway git repository whose commits carry the dates a scenario needs. */
export class TempRepo {
  readonly dir: string

  constructor(prefix = 'ir-git-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix))
    this.git(['init', '-q', '-b', 'main'])
  }

  git(args: string[], date?: Date, input?: string, authored?: Date): string {
    const iso = (date ?? new Date()).toISOString()
    return execFileSync('git', ['-C', this.dir, ...args], {
      encoding: 'utf8',
      input,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: AUTHOR.name,
        GIT_AUTHOR_EMAIL: AUTHOR.email,
        GIT_COMMITTER_NAME: AUTHOR.name,
        GIT_COMMITTER_EMAIL: AUTHOR.email,
        GIT_AUTHOR_DATE: (authored ?? date ?? new Date()).toISOString(),
        GIT_COMMITTER_DATE: iso,
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: this.dir,
        // Heap growth by brk is very slow in some sandboxes; padding it makes fast-import 50× faster there.
        MALLOC_TOP_PAD_: String(64 * 1024 * 1024),
      },
    })
  }

  write(files: Record<string, string | Buffer>): void {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), {recursive: true})
      writeFileSync(join(this.dir, path), content)
    }
  }

  /** Writes the files, stages everything and commits at `date`; returns the full sha. */
  commit(message: string, date: Date, files: Record<string, string | Buffer> = {}): string {
    this.write(files)
    this.git(['add', '-A'], date)
    this.git(['commit', '-q', '--allow-empty', '-m', message], date)
    return this.head()
  }

  /** A commit written at `authored` but landed at `committed` (a rebase or squash-merge the next day). */
  commitAuthoredAt(message: string, authored: Date, committed: Date, files: Record<string, string | Buffer>): string {
    this.write(files)
    this.git(['add', '-A'], committed)
    this.git(['commit', '-q', '-m', message], committed, undefined, authored)
    return this.head()
  }

  /** HEAD's sha read from .git directly: one git process less per commit adds up in a fixture. */
  head(): string {
    const head = readFileSync(join(this.dir, '.git', 'HEAD'), 'utf8').trim()
    return head.startsWith('ref: ') ? readFileSync(join(this.dir, '.git', head.slice(5)), 'utf8').trim() : head
  }

  remove(): void {
    rmSync(this.dir, {recursive: true, force: true})
  }
}

export const minutes = (n: number) => n * 60_000
