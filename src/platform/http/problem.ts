/**
 * RFC 9457 problem details. Every error answer is `application/problem+json` with a one-line
 * `detail`; internals (stack traces, SQL) never leave the server.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AuthError } from '../auth/accounts.service.js';
import { UserError } from '../errors.js';

export class HttpError extends UserError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message, status >= 500 ? 1 : 2);
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string) {
    super(404, `${what} not found`);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'you do not have permission to do this') {
    super(403, message);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(reply: FastifyReply, status: number, detail: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra });
}

/** Turns a zod issue path into the field name users see: `body.roles[0]`. */
function describeValidation(err: FastifyError): string {
  if (hasZodFastifySchemaValidationErrors(err)) {
    // An unknown key first: it is usually the cause of the "required" error beside it (a typo).
    const first = err.validation.find((v) => v.keyword === 'unrecognized_keys') ?? err.validation[0];
    if (first) {
      const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const where = [err.validationContext, path].filter(Boolean).join('.');
      return `${where || 'request'}: ${first.message}`;
    }
  }
  return err.message.split('\n')[0] ?? 'invalid request';
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AuthError) return sendProblem(reply, err.status, err.message);
  if (err instanceof HttpError) return sendProblem(reply, err.status, err.message);
  if (err instanceof UserError) return sendProblem(reply, err.exitCode === 2 ? 400 : 409, err.message);
  if (err.validation) return sendProblem(reply, 400, describeValidation(err));
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, 413, `request body is larger than the limit of ${request.routeOptions.bodyLimit ?? 'the server'} bytes`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, 400, `malformed JSON body: ${err.message.split('\n')[0]}`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, 415, `unsupported content type ${request.headers['content-type'] ?? '(none)'}: send application/json`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendProblem(reply, 400, 'request body does not match its Content-Length');
  }
  if (err instanceof SyntaxError && (err as { statusCode?: number }).statusCode === 400) {
    return sendProblem(reply, 400, `malformed JSON body: ${err.message.split('\n')[0]}`);
  }
  // PostgreSQL "data exception" (SQLSTATE class 22: a NUL byte in text, a number out of range, a
  // malformed date) is bad input that got past validation: the client's fault, so 400, not 500.
  if (typeof err.code === 'string' && /^22[0-9A-Z]{3}$/.test(err.code)) {
    return sendProblem(reply, 400, `a value of the request cannot be stored: ${err.message.split('\n')[0]}`);
  }
  if (err.statusCode === 429) return sendProblem(reply, 429, err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, err.statusCode, err.message.split('\n')[0] ?? 'bad request');
  request.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, 'unhandled error');
  return sendProblem(reply, 500, 'internal error; the server log has details (request id ' + request.id + ')');
}
