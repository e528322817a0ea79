/**
 * How containment shows a target it must not show in full (the audit trail, the timeline, roles
 * that may not unmask, and targets that are secrets): enough to tell actions apart, not the user
 * name, address or key itself. A credential keeps its vendor prefix and its last four characters,
 * as the vendors' own consoles show them ("AKIA…1234", "ghp_…r8Xy"); anything else its first and
 * last two ("al…@…", "bd…9f"). The full value is sealed in the store.
 */
const CREDENTIAL_PREFIX = /^(?:AKIA|ASIA|ghp_|github_pat_|gh[ousr]_|glpat-|xox[abposr]-)/;

export function maskTarget(t: string): string {
  const prefix = CREDENTIAL_PREFIX.exec(t)?.[0];
  if (prefix && t.length >= prefix.length + 12) return `${prefix}…${t.slice(-4)}`;
  const at = t.indexOf('@');
  if (at > 0) return `${t.slice(0, Math.min(2, at - 1))}…@…`;
  return t.length <= 4 ? '…' : `${t.slice(0, 2)}…${t.slice(-2)}`;
}
