/** Single sign-on: the wire shapes and the pure mapping from the provider's groups to roles. */
import { z } from 'zod';
import { ROLES, type Role } from './roles.js';

export const AuthMethodsSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ label: z.string(), startUrl: z.string() }).nullable(),
});

export const OidcStartQuery = z.object({ next: z.string().max(2000).optional() });
export const OidcCallbackQuery = z.object({ code: z.string().max(4000).optional(), state: z.string().max(1000).optional(), error: z.string().max(200).optional(), error_description: z.string().max(1000).optional() }).passthrough();

/**
 * The organisation roles a user gets from their groups at the identity provider (the provider is
 * the source of truth for single sign-on users: roles are set again at every sign-in). Unknown
 * groups grant nothing; no mapped group, no access.
 */
export function rolesFromGroups(groups: unknown, map: Record<string, string[]>): Role[] {
  const list = Array.isArray(groups) ? groups.map(String) : typeof groups === 'string' ? [groups] : [];
  const roles = new Set<Role>();
  for (const g of list) for (const r of map[g] ?? []) if ((ROLES as readonly string[]).includes(r)) roles.add(r as Role);
  return ROLES.filter((r) => roles.has(r));
}
