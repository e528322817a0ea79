/**
 * A user's input file named on the command line, checked before any work starts: one line that
 * names the file and the cause — `X: no such file`, `X: is a directory`, `X: permission denied`
 * (else `X: cannot be read (CODE)`) — as a BadInputError, so exit 2 and no stack trace
 * (DESIGN.md §6: errors name the file at fault). Each CLI did this its own way before: some read
 * the whole file to see that it exists, some reported `ENOENT`, a stream opened later without a
 * check ended in an unhandled 'error' event.
 *
 * Only a regular file is opened to check it: a FIFO (`<(cmd)`) would block until written to.
 */
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { BadInputError } from './errors.js';

/** The cause of a failed file-system call, in the words users read (errno, POSIX `<errno.h>`). */
export function inputProblemOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? 'error'})`;
}

/** What keeps PATH from being read as an input file, or null when it can be; a directory is a problem unless `directories`. */
export function inputFileProblem(path: string, opts: { directories?: boolean } = {}): string | null {
  let regular: boolean;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return opts.directories ? null : 'is a directory';
    regular = st.isFile();
  } catch (e) {
    return inputProblemOf(e);
  }
  if (regular) {
    try {
      closeSync(openSync(path, 'r'));
    } catch (e) {
      return inputProblemOf(e);
    }
  }
  return null;
}

/** Throws `PATH: <problem>` (exit 2) unless PATH can be read as an input file. */
export function checkInputFile(path: string, opts: { directories?: boolean } = {}): void {
  const problem = inputFileProblem(path, opts);
  if (problem) throw new BadInputError(`${path}: ${problem}`);
}

/** Every path checked before any is used: nothing half-done on a typo in the last one. */
export function checkInputFiles(paths: readonly string[], opts: { directories?: boolean } = {}): void {
  for (const p of paths) checkInputFile(p, opts);
}

/** A user's text file, read whole, or the same one-line error. */
export function readInputFile(path: string): string {
  checkInputFile(path);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw inputFileError(path, e);
  }
}

const FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/** Whether a failed call is about the file itself (missing, a directory, not permitted), not its content. */
export const isInputFileError = (e: unknown): boolean => FILE_CODES.has((e as NodeJS.ErrnoException | undefined)?.code ?? '');

/** A read error met after the check (a stream's 'error', a file removed meanwhile) as the same one line. */
export function inputFileError(path: string, e: unknown): BadInputError {
  return new BadInputError(`${path}: ${inputProblemOf(e)}`);
}
