/**
 * From findings to actions (issue 16 §3), pure: accounts and addresses among the incident's
 * observables and secrets the scanner found become ready-made plans. Accounts and e-mail
 * addresses map to the identity connectors (suspend/disable/lock), IP addresses to the firewall;
 * each secret type to the operation that revokes it at its issuer. Scan samples are masked, so a
 * secret suggestion names the count and masked samples, and the targets are filled in by whoever
 * holds the values (the scan's unmasked samples are for legal and commanders only).
 */
import type { Suggestion } from './remediation.schema.js';

export interface SecretFinding {
  count: number;
  samples: string[];
  providers?: Record<string, number>;
  revocation?: Array<{ provider: string; action: string; how: string; reference?: string; revocable: boolean }>;
}

/** The scan's provider ids (assessment/scanner/detectors/secret-families.ts) → our connector kinds. */
const PROVIDER_KIND: Record<string, string> = { aws: 'aws-iam', gcp: 'google-cloud', database: 'postgres', url: 'postgres', pem: 'ssh' };
/** The scan's action ids → our operation names where they differ from the dashed form. */
const ACTION_OPERATION: Record<string, string> = { replace_key: 'revoke-key' };

export interface SuggestionInputs {
  observables: Array<{ kind: string; value: string; masked: boolean }>;
  /** Secret types found by finished scans: detector id → count, masked samples and (newer scans) revocation advice per provider. */
  secrets: Record<string, SecretFinding>;
  /** Configured connectors: name → kind. */
  connectors: Array<{ name: string; kind: string }>;
}

const IDENTITY_OPS: Array<[kind: string, operation: string, verb: string]> = [
  ['okta', 'suspend-user', 'Suspend in Okta'],
  ['entra', 'disable-user', 'Disable in Entra ID'],
  ['ldap', 'lock-account', 'Lock in the directory'],
];

/** Where each secret type (scanner detector id) is revoked; kinds without a connector yet are still named. */
export const SECRET_REVOCATION: Record<string, { kind: string; operation: string; what: string }> = {
  github_token: { kind: 'github', operation: 'revoke-token', what: 'GitHub tokens' },
  aws_access_key_id: { kind: 'aws-iam', operation: 'deactivate-access-key', what: 'AWS access keys' },
  aws_secret_access_key: { kind: 'aws-iam', operation: 'deactivate-access-key', what: 'AWS secret keys (deactivate their access key)' },
  gitlab_token: { kind: 'gitlab', operation: 'revoke-token', what: 'GitLab tokens' },
  slack_token: { kind: 'slack', operation: 'revoke-token', what: 'Slack tokens' },
  stripe_key: { kind: 'stripe', operation: 'roll-key', what: 'Stripe keys' },
  google_api_key: { kind: 'google-cloud', operation: 'delete-api-key', what: 'Google API keys' },
  private_key: { kind: 'ssh', operation: 'revoke-key', what: 'private keys (revoke the matching public key)' },
};

export function buildSuggestions(i: SuggestionInputs): Suggestion[] {
  const out: Suggestion[] = [];
  const named = (kind: string) => i.connectors.filter((c) => c.kind === kind).map((c) => c.name);
  const accounts = i.observables.filter((o) => o.kind === 'account' || o.kind === 'email');
  if (accounts.length) {
    const known = accounts.filter((a) => !a.masked).map((a) => a.value);
    for (const [kind, operation, verb] of IDENTITY_OPS) {
      const connectors = named(kind);
      if (!connectors.length && kind !== 'ldap') continue;
      out.push({ title: `${verb}: ${accounts.length} account(s) from the observables`, source: 'observable', connectorKind: kind, operation, connectors, targets: known, count: accounts.length, samples: accounts.slice(0, 5).map((a) => a.value) });
    }
  }
  const ips = i.observables.filter((o) => o.kind === 'ip');
  if (ips.length) {
    out.push({ title: `Block ${ips.length} address(es) from the observables`, source: 'observable', connectorKind: 'nftables', operation: 'block-ip', connectors: named('nftables'), targets: ips.filter((o) => !o.masked).map((o) => o.value), count: ips.length, samples: ips.slice(0, 5).map((o) => o.value) });
  }
  for (const [type, found] of Object.entries(i.secrets).sort()) {
    if (found.revocation?.length) {
      // Newer scans say per provider how the credential is revoked: one plan per provider.
      for (const rev of found.revocation) {
        const kind = PROVIDER_KIND[rev.provider] ?? rev.provider;
        const n = found.providers?.[rev.provider] ?? found.count;
        out.push({
          title: `${rev.revocable ? 'Revoke' : 'Replace'} ${n} ${rev.provider} credential(s) found by the scan (${type})`,
          source: 'scan',
          connectorKind: kind,
          operation: ACTION_OPERATION[rev.action] ?? rev.action.replace(/_/g, '-'),
          connectors: named(kind),
          targets: [],
          count: n,
          samples: found.samples.slice(0, 5),
          how: rev.how,
          ...(rev.reference ? { reference: rev.reference } : {}),
        });
      }
      continue;
    }
    const r = SECRET_REVOCATION[type];
    if (!r || found.count === 0) continue;
    out.push({ title: `Revoke ${found.count} ${r.what} found by the scan`, source: 'scan', connectorKind: r.kind, operation: r.operation, connectors: named(r.kind), targets: [], count: found.count, samples: found.samples.slice(0, 5) });
  }
  return out;
}
