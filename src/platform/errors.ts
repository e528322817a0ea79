/**
 * Errors that reach users. Anything thrown that is not one of these is a bug: the CLI and the
 * HTTP layer print a one-line generic message for it and log the details without personal data.
 */
export class UserError extends Error {
  /** Exit code for the CLI: 1 failure, 2 bad usage or input (DESIGN.md §6). */
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Bad usage or bad input: exit 2. `where` names the file, line or field at fault. */
export class BadInputError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'BadInputError';
  }
}

/** The operation ran and failed (verification failed, peer unreachable…): exit 1. */
export class FailedError extends UserError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'FailedError';
  }
}
