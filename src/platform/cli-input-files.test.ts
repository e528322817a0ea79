import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInputFile, checkInputFiles, inputFileError, inputFileProblem, inputProblemOf, isInputFileError, readInputFile } from './cli-input-files.js';
import { BadInputError } from './errors.js';

const dir = mkdtempSync(join(tmpdir(), 'bd-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('input files named on the command line', () => {
  const file = join(dir, 'alerts.ndjson');
  writeFileSync(file, '{"title":"x"}\n');

  it('one message per cause, naming the file; exit 2 (BadInputError)', () => {
    expect(inputFileProblem(file)).toBeNull();
    expect(readInputFile(file)).toBe('{"title":"x"}\n');
    expect(inputFileProblem(join(dir, 'nope.csv'))).toBe('no such file');
    // A path through a regular file (ENOTDIR) names no file either.
    expect(inputFileProblem(join(file, 'below'))).toBe('no such file');
    expect(inputFileProblem(dir)).toBe('is a directory');
    expect(inputFileProblem(dir, { directories: true })).toBeNull();
    expect(() => checkInputFile(join(dir, 'nope.csv'))).toThrow(new BadInputError(`${join(dir, 'nope.csv')}: no such file`));
    expect(() => readInputFile(dir)).toThrow(`${dir}: is a directory`);
    expect(() => checkInputFiles([file, join(dir, 'gone.log')])).toThrow(`${join(dir, 'gone.log')}: no such file`);
    try {
      checkInputFile(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as BadInputError).exitCode).toBe(2);
    }
  });

  it('permission denied, from the errno (root reads any file, so the mode check runs only for others)', () => {
    expect(inputProblemOf(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(inputProblemOf(Object.assign(new Error('x'), { code: 'EPERM' }))).toBe('permission denied');
    expect(inputProblemOf(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('cannot be read (EIO)');
    expect(inputFileError('a.csv', Object.assign(new Error('x'), { code: 'EISDIR' })).message).toBe('a.csv: is a directory');
    expect([isInputFileError(Object.assign(new Error('x'), { code: 'ENOENT' })), isInputFileError(Object.assign(new Error('x'), { code: 'Z_DATA_ERROR' }))]).toEqual([true, false]);
    const locked = join(dir, 'locked.csv');
    writeFileSync(locked, 'a\n');
    chmodSync(locked, 0o000);
    expect(inputFileProblem(locked)).toBe(process.getuid?.() === 0 ? null : 'permission denied');
  });
});
