/**
 * From findings to actions (issue 16 §3), pure: accounts and addresses among the incident's
 * observables and secrets the scanner found become ready-made plans. Accounts and e-mail
 * addresses map to the identity connectors (suspend/disable/lock), IP addresses to the firewall;
 * each secret type to the operation that revokes it at its issuer. Scans run on the server keep
 * the values a responder revokes (sealed, assessment.service secretTargets): a suggestion then
 * holds them as `values` — never sent to a client, shown as `maskedTargets` ("AKIA…1234") — and
 * is planned as it stands (POST …/action-suggestions/{id}/plan). Older scans and imported
 * reports without them name the count and masked samples only.
 */
import { maskTarget } from './masking.js';
import type { Suggestion } from './remediation.schema.js';

export interface SecretFinding {
  count: number;
  samples: string[];
  providers?: Record<string, number>;
  revocation?: Array<{ provider: string; action: string; how: string; reference?: string; revocable: boolean }>;
  /** The values to revoke, per provider (server scans only; sealed at rest). */
  targets?: Record<string, string[]>;
  /** The scan that found them (the planned actions link to `finding` `<scanId>/<type>`). */
  scanId?: string;
}

/** A suggestion with the values it would be planned on (the API strips `values`). */
export type HeldSuggestion = Suggestion & { values: string[]; links: Array<{ type: 'finding'; id: string }> };

/**
 * Operations whose targets a scan's values fill, with the shape a value must have (an AWS
 * temporary key names no role, so `revoke-sessions` is not filled) and how the plan reads.
 */
const READY: Record<string, { shape: RegExp; verb: string; one: string; many: string }> = {
  'aws-iam deactivate-access-key': { shape: /^AKIA[A-Z0-9]{16}$/, verb: 'Deactivate', one: 'AWS access key', many: 'AWS access keys' },
  'github revoke-token': { shape: /^(ghp_|github_pat_|gho_|ghu_|ghr_|ghs_)[A-Za-z0-9_]{20,}$/, verb: 'Revoke', one: 'GitHub token', many: 'GitHub tokens' },
  'gitlab revoke-token': { shape: /^glpat-[A-Za-z0-9_.-]{20,}$/, verb: 'Revoke', one: 'GitLab token', many: 'GitLab tokens' },
};

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
  // Application sessions kept in Redis end with their user's session keys (where such a connector is set up).
  ['redis', 'revoke-sessions', 'End their application sessions in Redis'],
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

export function buildSuggestions(i: SuggestionInputs): HeldSuggestion[] {
  const out: HeldSuggestion[] = [];
  const named = (kind: string) => i.connectors.filter((c) => c.kind === kind).map((c) => c.name);
  const held = (values: string[]) => ({ values, ready: values.length, maskedTargets: values.slice(0, 20).map(maskTarget), links: [] });
  const accounts = i.observables.filter((o) => o.kind === 'account' || o.kind === 'email');
  if (accounts.length) {
    const known = accounts.filter((a) => !a.masked).map((a) => a.value);
    for (const [kind, operation, verb] of IDENTITY_OPS) {
      const connectors = named(kind);
      if (!connectors.length && kind !== 'ldap') continue;
      out.push({ id: `observable:${kind}:${operation}`, title: `${verb}: ${accounts.length} account(s) from the observables`, source: 'observable', connectorKind: kind, operation, connectors, targets: known, count: accounts.length, samples: accounts.slice(0, 5).map((a) => a.value), ...held(known) });
    }
  }
  const ips = i.observables.filter((o) => o.kind === 'ip');
  if (ips.length) {
    const known = ips.filter((o) => !o.masked).map((o) => o.value);
    out.push({ id: 'observable:nftables:block-ip', title: `Block ${ips.length} address(es) from the observables`, source: 'observable', connectorKind: 'nftables', operation: 'block-ip', connectors: named('nftables'), targets: known, count: ips.length, samples: ips.slice(0, 5).map((o) => o.value), ...held(known) });
  }
  const scan: HeldSuggestion[] = [];
  /** The scan's values for this operation (of the right shape), and the plan's title when there are some. */
  const ready = (kind: string, operation: string, values: string[] | undefined, fallback: string) => {
    const r = READY[`${kind} ${operation}`];
    const vs = r ? [...new Set(values ?? [])].filter((v) => r.shape.test(v)) : [];
    const title = !r || !vs.length ? fallback : vs.length === 1 ? `${r.verb} ${r.one} ${maskTarget(vs[0]!)}` : `${r.verb} these ${vs.length} ${r.many}`;
    return { title, ...held(vs) };
  };
  for (const [type, found] of Object.entries(i.secrets).sort()) {
    const links = found.scanId ? [{ type: 'finding' as const, id: `${found.scanId}/${type}` }] : [];
    if (found.revocation?.length) {
      // Newer scans say per provider how the credential is revoked: one plan per provider.
      for (const rev of found.revocation) {
        const kind = PROVIDER_KIND[rev.provider] ?? rev.provider;
        const operation = ACTION_OPERATION[rev.action] ?? rev.action.replace(/_/g, '-');
        const n = found.providers?.[rev.provider] ?? found.count;
        const fallback = `${rev.revocable ? 'Revoke' : 'Replace'} ${n} ${rev.provider} credential(s) found by the scan (${type})`;
        scan.push({
          id: `scan:${type}:${rev.provider}`,
          source: 'scan',
          connectorKind: kind,
          operation,
          connectors: named(kind),
          targets: [],
          count: n,
          samples: found.samples.slice(0, 5),
          how: rev.how,
          ...(rev.reference ? { reference: rev.reference } : {}),
          ...ready(kind, operation, found.targets?.[rev.provider], fallback),
          links,
        });
      }
      continue;
    }
    const r = SECRET_REVOCATION[type];
    if (!r || found.count === 0) continue;
    const values = Object.values(found.targets ?? {}).flat();
    scan.push({ id: `scan:${type}`, source: 'scan', connectorKind: r.kind, operation: r.operation, connectors: named(r.kind), targets: [], count: found.count, samples: found.samples.slice(0, 5), ...ready(r.kind, r.operation, values, `Revoke ${found.count} ${r.what} found by the scan`), links });
  }
  // An AWS key id and its secret key are one key to deactivate: plans with the same operation and values are one plan.
  for (const x of scan) {
    const same = out.find((y) => y.source === 'scan' && y.ready && x.ready && y.connectorKind === x.connectorKind && y.operation === x.operation);
    if (!same) {
      out.push(x);
      continue;
    }
    const values = [...new Set([...same.values, ...x.values])];
    Object.assign(same, ready(same.connectorKind, same.operation, values, same.title), { links: [...same.links, ...x.links], samples: [...new Set([...same.samples, ...x.samples])].slice(0, 5) });
  }
  return out;
}
