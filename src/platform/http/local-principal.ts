/**
 * The CLI without BREACHDESK_URL runs the API in-process (Fastify inject) so that every
 * command goes through the same routes, validation, policies and audit as over HTTP. It
 * authenticates with a random secret created per process and never sent over a network;
 * the operator who can run the CLI against the store already holds the store and its key,
 * so the local principal is an admin acting as `cli:<user>`.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/roles.js';

export const LOCAL_HEADER = 'x-breachdesk-local';
const secret = randomBytes(32).toString('base64url');

export function localSecret(): string {
  return secret;
}

export function isLocalSecret(value: unknown): boolean {
  return typeof value === 'string' && value.length === secret.length && value === secret;
}

export const LOCAL_PRINCIPAL: Principal = {
  userId: 'cli',
  username: `cli:${process.env.USER ?? 'local'}`,
  email: 'cli@localhost',
  roles: ['admin', 'incident_commander', 'legal'],
  via: 'cli',
};
