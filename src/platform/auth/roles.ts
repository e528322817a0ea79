/**
 * Organisation roles and the small pure policy predicates routes are guarded by
 * (Outline-style: compose predicates, never scatter role checks through handlers).
 */
export const ROLES = ['admin', 'incident_commander', 'responder', 'legal', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  username: string;
  email: string;
  roles: Role[];
  via: 'session' | 'token' | 'cli';
  tokenId?: string;
  /** Set until the user replaces a one-time or bootstrap password: only routes marked `passwordChange` answer. */
  mustChangePassword?: boolean;
  /** Set on a session whose user's role requires a second factor not set up yet: only set-up routes answer. */
  mustEnrollSecondFactor?: boolean;
}

export type Policy = ((p: Principal) => boolean) & { description: string };

function policy(description: string, fn: (p: Principal) => boolean): Policy {
  return Object.assign(fn, { description });
}

export const hasRole = (...roles: Role[]): Policy =>
  policy(`one of: ${roles.join(', ')}`, (p) => p.roles.some((r) => r === 'admin' || roles.includes(r)));

/** Any signed-in user (reads of organisation-level data). */
export const authenticated: Policy = policy('any signed-in user', () => true);
export const isAdmin: Policy = policy('admin', (p) => p.roles.includes('admin'));
/** Changes to incidents and their work: everyone but viewers. */
export const canWrite: Policy = hasRole('incident_commander', 'responder', 'legal');
export const canLead: Policy = hasRole('incident_commander');
export const isLegal: Policy = hasRole('legal');
/** Seeing personal data unmasked: legal and incident commanders (audited). */
export const canUnmask: Policy = hasRole('legal', 'incident_commander');

export function permissionsOf(p: Principal): Record<string, boolean> {
  return {
    admin: isAdmin(p),
    write: canWrite(p),
    lead: canLead(p),
    legal: isLegal(p),
    unmask: canUnmask(p),
  };
}
