/**
 * File handling for the kpi command line: paths as the person typed them, and reads that say what is wrong
 * in words (a folder, a missing file, no permission, too large) instead of throwing a Node stack trace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** A dashboard file is a few hundred lines; anything past this is not one, and is not read. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A path argument as the person meant it: `npm run` starts the script in the project root, and says in
 * INIT_CWD where it was typed, so `cd public/dashboards && npm run kpi -- validate .` checks that folder.
 */
export function argPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function code(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Why a file or folder could not be read, in words. */
export function readProblem(error: unknown): string {
  switch (code(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ELOOP':
      return 'is a symbolic link that loops';
    default:
      return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export type Read = { ok: true; text: string } | { ok: false; problem: string };

/** Reads a text file, or says why not; never throws. */
export function readText(path: string): Read {
  try {
    const stat = statSync(argPath(path));
    if (stat.isDirectory()) return { ok: false, problem: readProblem({ code: 'EISDIR' }) };
    // A pipe or a device would block the read or never end.
    if (!stat.isFile()) return { ok: false, problem: 'is not a regular file' };
    if (stat.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        problem: `is ${Math.ceil(stat.size / 1024 / 1024)} MiB; a dashboard file is at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
      };
    }
    return { ok: true, text: readFileSync(argPath(path), 'utf8') };
  } catch (error) {
    return { ok: false, problem: readProblem(error) };
  }
}

export type Kind = 'file' | 'folder' | { problem: string };

/** Whether a path is a file or a folder, or why it cannot be looked at. */
export function kindOf(path: string): Kind {
  try {
    return statSync(argPath(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    return { problem: readProblem(error) };
  }
}

/** The names in a folder, sorted, or why they cannot be listed. */
export function listFolder(path: string): { ok: true; names: string[] } | { ok: false; problem: string } {
  try {
    return { ok: true, names: readdirSync(argPath(path)).sort() };
  } catch (error) {
    return { ok: false, problem: readProblem(error) };
  }
}
