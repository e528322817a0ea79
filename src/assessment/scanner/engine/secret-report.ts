/**
 * Secrets in the report (issue 14 §1–3): counts and masked samples per secret type as before, plus
 * each credential's family and provider, the accounts it names, what a responder does about it
 * (revocation), a per-family view, and the low-entropy `suspect` matches kept apart. A worker
 * thread fills a `SecretTally` per batch; the aggregator merges them and builds the report parts.
 */
import type { ExposureReport } from '../../scan.schema.js';
import { revocationFor } from '../detectors/secret-families.js';
import type { SecretFinding, SecretType } from '../types.js';

const SAMPLES = 5;
/** Distinct revocation targets kept per secret type and provider (server scans only). */
const MAX_TARGETS = 1000;
/** Where a scan's revocation targets travel among its sealed raw values: `secret:<type>:<provider>` (assessment.service keeps them from unmasking). */
export const SECRET_TARGETS_PREFIX = 'secret:';

export interface SecretEntry {
  count: number;
  samples: string[];
  /** Occurrences by `provider` or `provider:kind`. */
  kinds?: Record<string, number>;
  /** Accounts named by the credentials (GCP client_email, registry host, masked AWS key id). */
  identities?: string[];
  /**
   * With raw values on (scans stored on the server, sealed): per provider, the distinct values a
   * responder revokes — the credential itself, or for an AWS secret key the access key id it is
   * paired with (IAM deactivates keys by id). For containment's ready-made plans (issue 16 §3);
   * never in the report.
   */
  targets?: Record<string, string[]>;
}

export interface SecretTally {
  secrets: Record<string, SecretEntry>;
  /** Suspects (right shape, too little entropy) by family. */
  suspects?: Record<string, { count: number; samples: string[] }>;
}

type Mask = (type: SecretType, value: string) => string;

function pushSample(into: string[], s: string): void {
  if (into.length < SAMPLES && !into.includes(s)) into.push(s);
}

function pushTarget(e: Pick<SecretEntry, 'targets'>, provider: string, v: string): void {
  e.targets ??= {};
  e.targets[provider] ??= [];
  const list = e.targets[provider];
  if (list.length < MAX_TARGETS && !list.includes(v)) list.push(v);
}

export function tallySecret(t: SecretTally, s: SecretFinding, mask: Mask, raw = false): void {
  if (s.suspect) {
    const fam = s.family ?? s.type;
    t.suspects ??= {};
    t.suspects[fam] ??= { count: 0, samples: [] };
    const e = t.suspects[fam];
    e.count++;
    if (e.samples.length < SAMPLES) pushSample(e.samples, mask(s.type, s.value));
    return;
  }
  t.secrets[s.type] ??= { count: 0, samples: [] };
  const entry = t.secrets[s.type];
  entry.count++;
  if (entry.samples.length < SAMPLES) pushSample(entry.samples, mask(s.type, s.value));
  const key = `${s.provider ?? s.type}${s.kind ? `:${s.kind}` : ''}`;
  entry.kinds ??= {};
  entry.kinds[key] = (entry.kinds[key] ?? 0) + 1;
  if (raw) pushTarget(entry, s.provider ?? s.type, s.provider === 'aws' && s.identity ? s.identity : s.value);
  if (s.identity && (entry.identities?.length ?? 0) < SAMPLES) {
    // An AWS key id is itself a credential: only its masked form is shown.
    const id = s.provider === 'aws' ? mask('aws_access_key_id', s.identity) : s.identity;
    entry.identities ??= [];
    if (!entry.identities.includes(id)) entry.identities.push(id);
  }
}

export function mergeSecretTally(into: SecretTally, from: SecretTally): void {
  for (const [type, s] of Object.entries(from.secrets)) {
    const cur = into.secrets[type];
    if (!cur) {
      into.secrets[type] = { count: s.count, samples: s.samples.slice(0, SAMPLES), ...(s.kinds ? { kinds: { ...s.kinds } } : {}), ...(s.identities ? { identities: s.identities.slice(0, SAMPLES) } : {}) };
      for (const [p, vs] of Object.entries(s.targets ?? {})) for (const v of vs) pushTarget(into.secrets[type], p, v);
      continue;
    }
    for (const [p, vs] of Object.entries(s.targets ?? {})) for (const v of vs) pushTarget(cur, p, v);
    cur.count += s.count;
    for (const x of s.samples) pushSample(cur.samples, x);
    for (const [k, n] of Object.entries(s.kinds ?? {})) {
      cur.kinds ??= {};
      cur.kinds[k] = (cur.kinds[k] ?? 0) + n;
    }
    if (s.identities?.length) {
      cur.identities ??= [];
      for (const id of s.identities) pushSample(cur.identities, id);
    }
  }
  for (const [fam, s] of Object.entries(from.suspects ?? {})) {
    into.suspects ??= {};
    into.suspects[fam] ??= { count: 0, samples: [] };
    const cur = into.suspects[fam];
    cur.count += s.count;
    for (const x of s.samples) pushSample(cur.samples, x);
  }
}

/** Family of a type when the finding did not say (callers that predate families). */
const FAMILY_OF_TYPE: Record<string, string> = {
  aws_access_key_id: 'cloud_credential',
  aws_secret_access_key: 'cloud_credential',
  google_api_key: 'cloud_credential',
  github_token: 'vcs_token',
  gitlab_token: 'vcs_token',
  slack_token: 'chat_token',
  stripe_key: 'payment_api_key',
};

/** The revocation targets of a tally as raw-value entries (`secret:<type>:<provider>` → values). */
export function secretTargets(t: SecretTally): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [type, e] of Object.entries(t.secrets)) for (const [p, vs] of Object.entries(e.targets ?? {})) out[`${SECRET_TARGETS_PREFIX}${type}:${p}`] = vs;
  return out;
}

export function buildSecretReport(t: SecretTally): Pick<ExposureReport, 'secrets' | 'secretFamilies' | 'suspectSecrets'> {
  const secrets: ExposureReport['secrets'] = {};
  const families: NonNullable<ExposureReport['secretFamilies']> = {};
  for (const type of Object.keys(t.secrets).sort()) {
    const e = t.secrets[type];
    const family = FAMILY_OF_TYPE[type] ?? type;
    const providers: Record<string, number> = {};
    const revocation: NonNullable<ExposureReport['secrets'][string]['revocation']> = [];
    const seen = new Set<string>();
    for (const [key, n] of Object.entries(e.kinds ?? {}).sort()) {
      const [provider, kind] = key.split(':');
      providers[provider] = (providers[provider] ?? 0) + n;
      const r = revocationFor(provider, kind);
      const id = `${provider}|${r.action}`;
      if (seen.has(id)) continue;
      seen.add(id);
      revocation.push({ provider, ...(kind ? { kind } : {}), ...r });
    }
    secrets[type] = { count: e.count, samples: e.samples, family, providers, revocation, ...(e.identities?.length ? { identities: e.identities } : {}) };
    families[family] ??= { count: 0, providers: {} };
    const f = families[family];
    f.count += e.count;
    for (const [p, n] of Object.entries(providers)) f.providers[p] = (f.providers[p] ?? 0) + n;
  }
  const suspectSecrets: NonNullable<ExposureReport['suspectSecrets']> = {};
  for (const fam of Object.keys(t.suspects ?? {}).sort()) suspectSecrets[fam] = t.suspects![fam];
  return { secrets, secretFamilies: families, suspectSecrets };
}
