import {basename, isAbsolute, relative, sep} from 'node:path'

/**
 * How a document shows an evidence file: relative to the repository when it is in it, else to the
 * working folder when it is in that, else by its name alone — never the absolute path of the
 * machine that ran the tool, which means nothing to a reader and says more than it should.
 */
export function documentPath(repo: string | null, cwd: string): (path: string) => string {
  const inside = (root: string | null, path: string) => {
    if (!root) return null
    const rel = relative(root, path)
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? rel : null
  }
  return (path) => {
    if (!isAbsolute(path)) return path
    return inside(repo, path) ?? inside(cwd, path) ?? basename(path)
  }
}
