import {constants} from 'node:fs'
import {lstat, readlink, realpath, stat} from 'node:fs/promises'
import {dirname, join, relative, isAbsolute} from 'node:path'

import {UserError} from '../errors/errors.js'

/**
 * Writes stay inside the incident. An incident folder can come from a repository (a CI job
 * commits them), and a file in it replaced by a symbolic link would make us overwrite or append
 * to whatever it points at. So nothing is written through a link: the file itself must not be one
 * (O_NOFOLLOW semantics, checked with lstat), nor any folder between the incident folder and it,
 * and the incident folder may be a link only to a place inside its own out-dir.
 */

/** Open flags that refuse a symbolic link as the last part of the path (ELOOP). */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0

// Named here, not imported from store.ts / lock.ts, which import this module.
const ROOT_MARKERS = ['incident.json', 'incident.lock']
/** Incident files sit at most this deep below the incident folder (`evidence/logs.json`). */
const MAX_DEPTH = 3

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')

async function lstatOrNull(path: string) {
  try {
    return await lstat(path)
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
}

/** The incident folder a path is in: the nearest ancestor holding incident.json or the lock. */
async function incidentRootOf(path: string): Promise<string | null> {
  let dir = dirname(path)
  for (let depth = 0; depth < MAX_DEPTH; depth++, dir = dirname(dir)) {
    for (const marker of ROOT_MARKERS) if (await lstatOrNull(join(dir, marker))) return dir
    if (dirname(dir) === dir) break
  }
  return null
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function refuse(path: string, why: string): UserError {
  return new UserError(`Refusing to write ${path}: ${why}. Files of an incident are never written through symbolic links.`, {
    suggestions: ['Replace the link with the real file or folder (or remove it), then run the command again.'],
  })
}

/**
 * An incident folder given by the user (`--id`) that is a link must resolve inside its out-dir.
 * A folder that is not there yet is fine: it will be created as a real folder.
 */
export async function assertIncidentFolder(dir: string): Promise<void> {
  const info = await lstatOrNull(dir)
  if (!info?.isSymbolicLink()) return
  const outDir = await realpath(dirname(dir)).catch(() => dirname(dir))
  const target = await realpath(dir).catch(() => null)
  if (target === null || !inside(target, outDir)) {
    throw refuse(dir, `the incident folder is a symbolic link to ${await readlink(dir).catch(() => '?')}, outside ${dirname(dir)}`)
  }
  if (!(await stat(target)).isDirectory()) throw refuse(dir, 'the incident folder is a link to a file')
}

/** Checks before writing `path`: no link at the file, none between the incident folder and it. */
export async function assertWritableInside(path: string): Promise<void> {
  const root = await incidentRootOf(path)
  if (root !== null) {
    await assertIncidentFolder(root)
    for (let dir = dirname(path); dir !== root && inside(dir, root); dir = dirname(dir)) {
      if ((await lstatOrNull(dir))?.isSymbolicLink()) throw refuse(path, `${dir} is a symbolic link`)
    }
  }
  const info = await lstatOrNull(path)
  if (info?.isSymbolicLink()) throw refuse(path, `it is a symbolic link to ${await readlink(path).catch(() => '?')}`)
  if (info && !info.isFile()) throw new UserError(`Cannot write ${path}: it is a ${info.isDirectory() ? 'folder' : 'special file'}, not a file.`, {suggestions: ['Move it out of the incident folder, then run the command again.']})
}

const SPACE = new Set(['ENOSPC', 'EDQUOT'])
const PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * A file-system failure as the user can act on it, naming the path: no space, no permission, a
 * file where a folder should be. Anything else is returned as it is (a bug, not a user error).
 */
export function fileSystemError(error: unknown, path: string, action: string): unknown {
  if (error instanceof UserError) return error
  const code = (error as NodeJS.ErrnoException | null)?.code ?? ''
  if (SPACE.has(code)) {
    return new UserError(`No space left on the device ${action} ${path}; nothing was written.`, {cause: error, suggestions: ['Free some space (or pass --out-dir on another disk), then run the command again.']})
  }
  if (code === 'EFBIG') {
    return new UserError(`The file size limit was reached ${action} ${path}; nothing was written.`, {cause: error, suggestions: ['Raise the limit (ulimit -f) or free space, then run the command again.']})
  }
  if (PERMISSION.has(code)) {
    return new UserError(`Permission denied ${action} ${path}${code === 'EROFS' ? ' (read-only file system)' : ''}.`, {cause: error, suggestions: ['Check the permissions of that folder, or pass --out-dir with a folder you can write to.']})
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') return new UserError(`Cannot use ${path} ${action}: a part of it is a file, not a folder.`, {cause: error, suggestions: ['Pass --out-dir with a folder (or a path where one can be created).']})
  if (code === 'EISDIR') return new UserError(`Cannot use ${path} ${action}: it is a folder, not a file.`, {cause: error})
  if (code === 'ELOOP') return refuse(path, 'it is a symbolic link')
  return error
}
